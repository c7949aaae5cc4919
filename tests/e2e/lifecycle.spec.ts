// Stopping the service: SIGTERM (systemd, docker stop) or Ctrl+C lets the open requests finish,
// closes the database and exits, so the embedded folder is whole and free for the next start.
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const build = path.resolve(process.env.BUILD_DIR ?? 'build');
const port = Number(process.env.E2E_PORT ?? 4173) + 11;

function start(dataDir: string): ChildProcess {
	return spawn(process.execPath, [build], {
		env: {
			...process.env,
			DATABASE_URL: '',
			DATA_DIR: dataDir,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DILNA_DEMO: '',
			LOG_LEVEL: 'warn'
		},
		stdio: 'ignore'
	});
}

// A fresh PGlite folder is initialised and migrated before the server answers: seconds alone,
// tens of seconds on a loaded 2-core machine, so the wait is generous.
async function healthy(): Promise<boolean> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		try {
			const res = await fetch(`http://127.0.0.1:${port}/healthz`);
			if (res.ok) return true;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return false;
}

function exitOf(child: ChildProcess): Promise<number | null> {
	return new Promise((resolve) => {
		if (child.exitCode !== null) resolve(child.exitCode);
		else child.once('exit', (code) => resolve(code));
	});
}

test('the server stops on SIGTERM, releases the embedded database and starts again on it', async () => {
	test.setTimeout(180_000);
	const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'dilna-stop-')), 'data');
	try {
		for (const round of [1, 2]) {
			const child = start(dataDir);
			try {
				expect(await healthy(), `start ${round}`).toBe(true);
				expect(existsSync(path.join(dataDir, 'dilna.pid'))).toBe(true);
				child.kill('SIGTERM');
				const code = await Promise.race([
					exitOf(child),
					new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))
				]);
				expect(code, `stop ${round}`).toBe(0);
				expect(existsSync(path.join(dataDir, 'dilna.pid'))).toBe(false);
			} finally {
				if (child.exitCode === null) child.kill('SIGKILL');
			}
		}
	} finally {
		rmSync(path.dirname(dataDir), { recursive: true, force: true });
	}
});

// `npm run costs:import` run as a child process against a database of its own: the embedded one in
// a temporary data folder, or a PostgreSQL test database (harness.ts). `setup` migrates it and
// lets the test seed it; `withDb` opens it after a command has exited (PGlite holds its folder).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db/engine';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Db } from '../../src/lib/server/db';
import { createTestDb, type Engine, type TestDb } from './harness';

/**
 * Runs a command-line script (`npx tsx SCRIPT ...args`) with `env` over the process's; `report`
 * is its last line read as JSON (with --json), else {}.
 */
export function runCli(script: string, args: string[], env: Record<string, string>) {
	const result = spawnSync('npx', ['tsx', script, ...args], {
		env: { ...process.env, LOG_LEVEL: 'silent', ...env },
		encoding: 'utf8',
		timeout: 120_000
	});
	const last = result.stdout.trim().split('\n').pop() ?? '';
	let report: Record<string, unknown> = {};
	try {
		report = JSON.parse(last);
	} catch {
		// plain-text output
	}
	return { code: result.status, out: result.stdout, err: result.stderr, report };
}

export function costsCli(engine: Engine, prefix: string) {
	let dir = '';
	let env: Record<string, string> = {};
	let testDb: TestDb | null = null;
	let open: () => Db = () => {
		throw new Error('setup first');
	};

	return {
		/** Runs the command; `report` is its last line read as JSON (with --json), else {}. */
		run(args: string[]) {
			return runCli('scripts/costs-import.ts', args, { LANG: 'en_US.UTF-8', ...env });
		},
		/** Writes a file into the test's folder; its path. */
		file(name: string, bytes: Uint8Array | string) {
			const p = path.join(dir, name);
			writeFileSync(p, bytes);
			return p;
		},
		async withDb<T>(f: (db: Db) => Promise<T>): Promise<T> {
			const db = open();
			try {
				return await f(db);
			} finally {
				if (engine === 'pglite') await db.destroy();
			}
		},
		async setup(seed: (db: Db) => Promise<void> = async () => {}) {
			dir = mkdtempSync(path.join(tmpdir(), prefix));
			let db: Db;
			if (engine === 'pglite') {
				const dataDir = path.join(dir, 'db', 'pgdata');
				env = { DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '' };
				mkdirSync(dataDir, { recursive: true });
				db = openDatabase({ kind: 'pglite', dataDir });
				await migrateToLatest(db);
				open = () => openDatabase({ kind: 'pglite', dataDir });
			} else {
				testDb = await createTestDb('postgres');
				env = { DATABASE_URL: testDb.url! };
				db = testDb.db;
				open = () => testDb!.db;
			}
			await seed(db);
			if (engine === 'pglite') await db.destroy();
		},
		async teardown() {
			await testDb?.destroy();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

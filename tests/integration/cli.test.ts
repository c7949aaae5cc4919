// The command-line scripts, run as a user runs them (tsx, real database folders and servers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDb, engines, type TestDb } from './harness';
import { openDatabase } from '../../src/lib/server/db/engine';

function run(script: string, args: string[], env: Record<string, string>) {
	const result = spawnSync('npx', ['tsx', `scripts/${script}`, ...args], {
		env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
		encoding: 'utf8',
		timeout: 60_000
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('command line on the embedded database', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'dilna-cli-'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('creates the first admin from DILNA_PASSWORD and refuses a duplicate', async () => {
		const env = { DATA_DIR: dir, DILNA_PASSWORD: 'prvni-admin-heslo' };
		const first = run('user-create.ts', ['--username', 'spravce', '--role', 'admin'], env);
		expect(first.err + first.out).toContain('Created user spravce (admin)');
		expect(first.code).toBe(0);
		const again = run('user-create.ts', ['--username', 'spravce', '--role', 'admin'], env);
		expect(again.code).toBe(2);
		expect(again.err).toContain('already exists');
		const db = openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pgdata') });
		const users = await db.selectFrom('app_user').select(['username', 'role']).execute();
		await db.destroy();
		expect(users).toEqual([{ username: 'spravce', role: 'admin' }]);
	});

	it('refuses a short password, an unknown role and missing arguments', () => {
		const short = run('user-create.ts', ['--username', 'kdosi', '--role', 'admin'], {
			DATA_DIR: dir,
			DILNA_PASSWORD: 'kratke'
		});
		expect(short.code).toBe(2);
		expect(short.err).toContain('password');
		const role = run('user-create.ts', ['--username', 'kdosi', '--role', 'boss'], {
			DATA_DIR: dir,
			DILNA_PASSWORD: 'dostatecne-dlouhe'
		});
		expect(role.code).toBe(2);
		expect(run('user-create.ts', [], { DATA_DIR: dir }).code).toBe(2);
	});

	it('says clearly when another process holds the embedded database', () => {
		const locked = path.join(dir, 'locked');
		mkdirSync(locked, { recursive: true });
		// This test runner is alive, so its pid holds the folder.
		writeFileSync(path.join(locked, 'dilna.pid'), String(process.pid));
		const result = run('db-migrate.ts', [], { DATA_DIR: locked });
		expect(result.code).toBe(3);
		expect(result.err).toContain('in use by another Dílna process');
	});

	it('db:reset refuses without --yes and leaves the data alone', async () => {
		const result = run('db-reset.ts', [], { DATA_DIR: dir });
		expect(result.code).toBe(2);
		expect(result.err).toContain('--yes');
		const db = openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pgdata') });
		const n = await db.selectFrom('app_user').select('id').execute();
		await db.destroy();
		expect(n).toHaveLength(1);
	});

	it('db:reset --yes empties the database and migrates it again', async () => {
		const result = run('db-reset.ts', ['--yes'], { DATA_DIR: dir });
		expect(result.code).toBe(0);
		const db = openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pgdata') });
		const n = await db.selectFrom('app_user').select('id').execute();
		await db.destroy();
		expect(n).toHaveLength(0);
	});
});

describe.runIf(engines.includes('postgres'))('command line on PostgreSQL', () => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb('postgres');
	});
	afterAll(() => t.destroy());

	it('migrates and creates a user through DATABASE_URL', async () => {
		const migrate = run('db-migrate.ts', [], { DATABASE_URL: t.url! });
		expect(migrate.code).toBe(0);
		expect(migrate.out).toContain('up to date');
		const created = run('user-create.ts', ['--username', 'pg-admin', '--role', 'admin'], {
			DATABASE_URL: t.url!,
			DILNA_PASSWORD: 'postgres-admin-heslo'
		});
		expect(created.code).toBe(0);
		const row = await t.db
			.selectFrom('app_user')
			.select('role')
			.where('username', '=', 'pg-admin')
			.executeTakeFirst();
		expect(row?.role).toBe('admin');
	});
});

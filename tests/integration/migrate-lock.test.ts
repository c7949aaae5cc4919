// Several instances starting together against one PostgreSQL: the migrations run once.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migrationsFolder } from '../../src/lib/server/db/migrate';

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)('migrations when three instances start at once on postgres', () => {
	it('applies every migration exactly once, and every instance starts', async () => {
		const name = `dilna_test_lock_${Date.now().toString(36)}`;
		const admin = new Kysely<unknown>({
			dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) })
		});
		await sql`create database ${sql.id(name)}`.execute(admin);
		const url = new URL(serverUrl!);
		url.pathname = `/${name}`;
		const instances = [1, 2, 3].map(() => {
			const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
			// As the app's pool (db/engine.ts): a connection the server ends while the pool closes it
			// (the forced drop below) is no error of the test.
			pool.on('error', () => undefined);
			return new Kysely<Record<string, unknown>>({ dialect: new PostgresDialect({ pool }) });
		});
		try {
			const applied = await Promise.all(instances.map((db) => migrateToLatest(db)));
			const files = readdirSync(migrationsFolder()).filter((f) => f.endsWith('.js'));
			// One instance applied them all; the others found nothing left to do.
			expect(applied.map((a) => a.length).sort((a, b) => a - b)).toEqual([0, 0, files.length]);
			const rows = await sql<{
				n: number;
			}>`select count(*)::int as n from kysely_migration`.execute(instances[0]);
			expect(rows.rows[0].n).toBe(files.length);
		} finally {
			for (const db of instances) await db.destroy();
			await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
			await admin.destroy();
		}
	}, 120_000);
});

// Test databases: every test file gets its own, migrated from scratch, on embedded PGlite and —
// when TEST_DATABASE_URL is set — on that PostgreSQL server in a database it creates and drops.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/lib/server/db/engine';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Db } from '../../src/lib/server/db';

export type Engine = 'pglite' | 'postgres';

/** The engines to run a suite on: `describe.each(engines)('… on %s', (engine) => …)`. */
export const engines: Engine[] = process.env.TEST_DATABASE_URL
	? ['pglite', 'postgres']
	: ['pglite'];

export interface TestDb {
	db: Db;
	engine: Engine;
	/** The connection string of the PostgreSQL test database (postgres engine only). */
	url: string | null;
	destroy(): Promise<void>;
}

export async function createTestDb(engine: Engine): Promise<TestDb> {
	if (engine === 'pglite') {
		const db = openDatabase({ kind: 'pglite' });
		await migrateToLatest(db);
		return { db, engine, url: null, destroy: () => db.destroy() };
	}
	const serverUrl = process.env.TEST_DATABASE_URL!;
	const name = `dilna_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = new Kysely<unknown>({
		dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) })
	});
	await sql`create database ${sql.id(name)}`.execute(admin);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const db = openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 5 });
	await migrateToLatest(db);
	return {
		db,
		engine,
		url: url.toString(),
		async destroy() {
			await db.destroy();
			await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
			await admin.destroy();
		}
	};
}

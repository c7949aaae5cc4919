import path from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase } from './engine';
import { databaseTargetFromEnv } from './config';
import { lockDataDir } from './lock';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

export type { Database } from './schema';
export type Db = Kysely<Database>;

let instance: Db | null = null;

/** The app's single Kysely instance, opened on first use from DATABASE_URL or DATA_DIR. */
export function getDb(): Db {
	if (!instance) {
		const target = databaseTargetFromEnv();
		// The lock sits beside PGlite's folder: initdb refuses a non-empty folder.
		if (target.kind === 'pglite' && target.dataDir) lockDataDir(path.dirname(target.dataDir));
		instance = openDatabase(target);
	}
	return instance;
}

/** Closes the database (PGlite writes its folder out and lets go of it); the app stops after. */
export async function closeDatabase(): Promise<void> {
	const db = instance;
	instance = null;
	await db?.destroy();
}

/** Opens the database and brings its schema up to date; called once when the server starts. */
export async function startDatabase(): Promise<Db> {
	const db = getDb();
	await migrateToLatest(db);
	return db;
}

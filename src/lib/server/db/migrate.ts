import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Migrations are plain ES modules in the top-level `migrations/` folder, so the built server, the
 * command-line scripts and the tests all load the very same files.
 */
export function migrationsFolder(): string {
	return path.resolve(process.env.MIGRATIONS_DIR ?? 'migrations');
}

class FolderMigrationProvider implements MigrationProvider {
	constructor(private readonly folder: string) {}

	async getMigrations(): Promise<Record<string, Migration>> {
		const migrations: Record<string, Migration> = {};
		for (const file of (await readdir(this.folder)).sort()) {
			if (!file.endsWith('.js')) continue;
			const url = pathToFileURL(path.join(this.folder, file)).href;
			migrations[file.replace(/\.js$/, '')] = (await import(/* @vite-ignore */ url)) as Migration;
		}
		return migrations;
	}
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema
	db: Kysely<any>,
	folder = migrationsFolder()
): Promise<string[]> {
	const migrator = new Migrator({ db, provider: new FolderMigrationProvider(folder) });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error) {
		const name = failed ? ` (${failed.migrationName})` : '';
		throw new Error(`Database migration failed${name}: ${String(error)}`, { cause: error });
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

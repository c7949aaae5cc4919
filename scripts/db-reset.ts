// npm run db:reset -- --yes — deletes ALL data and recreates the schema. Refuses without --yes.
import { sql } from 'kysely';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { runCli } from './cli';

if (!process.argv.includes('--yes')) {
	console.error('This deletes all data in the database. Run again with --yes to confirm:');
	console.error('  npm run db:reset -- --yes');
	process.exit(2);
}

await runCli(async (db) => {
	await sql`drop schema public cascade`.execute(db);
	await sql`create schema public`.execute(db);
	const applied = await migrateToLatest(db);
	console.log(`Database reset; applied ${applied.length} migrations.`);
});

// npm run db:migrate — applies pending migrations to DATABASE_URL or the embedded DATA_DIR.
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { runCli } from './cli';

await runCli(async (db) => {
	const applied = await migrateToLatest(db);
	console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
});

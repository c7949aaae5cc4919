// The data_version trigger (migration `dashboard_aggregates`) put on or taken off tables whose
// changes must show on pages kept per data version. Not a migration itself: the runner reads only
// the `.js` files at the top of `migrations/`. A migration that uses it keeps doing what it did on
// the day it ran: this only ever creates and drops the same trigger.
import { sql } from 'kysely';

/**
 * @param {import('kysely').Kysely<any>} db
 * @param {string[]} tables
 */
export async function watch(db, tables) {
	for (const table of tables) {
		await sql`
			create constraint trigger ${sql.id(`${table}_data_version`)}
			after insert or update or delete on ${sql.table(table)}
			deferrable initially deferred for each row execute function bump_data_version()`.execute(db);
	}
}

/**
 * @param {import('kysely').Kysely<any>} db
 * @param {string[]} tables
 */
export async function unwatch(db, tables) {
	for (const table of tables) {
		await sql`drop trigger ${sql.id(`${table}_data_version`)} on ${sql.table(table)}`.execute(db);
	}
}

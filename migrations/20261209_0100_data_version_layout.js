// Every signed-in page's layout reads what the adoption area says of its user (the first-visit
// guide dismissed or not, the pilot's areas of their unit): kept per data version per user
// (adoption.service `keptLayoutFor`), these three tables are watched too. Each changes a row at
// a time, by hand.
import { sql } from 'kysely';

const WATCHED = ['adoption_member', 'adoption_pilot', 'adoption_pilot_area'];

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	for (const table of WATCHED) {
		await sql`
			create constraint trigger ${sql.id(`${table}_data_version`)}
			after insert or update or delete on ${sql.table(table)}
			deferrable initially deferred for each row execute function bump_data_version()`.execute(db);
	}
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	for (const table of WATCHED) {
		await sql`drop trigger ${sql.id(`${table}_data_version`)} on ${sql.table(table)}`.execute(db);
	}
}

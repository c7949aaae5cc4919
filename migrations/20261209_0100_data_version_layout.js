// Every signed-in page's layout reads what the adoption area says of its user (the first-visit
// guide dismissed or not, the pilot's areas of their unit): kept per data version per user
// (adoption.service `layoutFor`), these three tables are watched too. Each changes a row at
// a time, by hand.
import { unwatch, watch } from './shared/data-version.js';

const WATCHED = ['adoption_member', 'adoption_pilot', 'adoption_pilot_area'];

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await watch(db, WATCHED);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await unwatch(db, WATCHED);
}

// The /costs page's figures are kept per data version (costs.service `keptCostsPage`), as the
// overview's are. Of the tables it reads, these were not yet watched. The ledger (cost_entry) and
// its monthly summary need no trigger of their own: every change to them rewrites
// cost_nature_month in the same transaction (costs/aggregates.ts), which is watched; nor do the
// allocation steps, replaced with process_cost_year (allocation.repository `replaceResults`).
// None of these tables is written in bulk, so a trigger per row costs nothing that matters.
import { sql } from 'kysely';

const WATCHED = [
	'cost_category',
	'cost_paragraf',
	'import_batch',
	'cost_refresh',
	'cost_driver',
	'allocation_key_set',
	'allocation_key'
];

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

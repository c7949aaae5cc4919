// The /costs page's figures are kept per data version (costs.service `keptCostsPage`), as the
// overview's are. Of the tables it reads, these were not yet watched. The ledger (cost_entry) and
// its monthly summary need no trigger of their own: every change to them rewrites
// cost_nature_month in the same transaction (costs/aggregates.ts), which is watched; nor do the
// allocation steps, replaced with process_cost_year (allocation.repository `replaceResults`).
// None of these tables is written in bulk, so a trigger per row costs nothing that matters.
import { unwatch, watch } from './shared/data-version.js';

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
	await watch(db, WATCHED);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await unwatch(db, WATCHED);
}

// Programme: why a milestone slipped. Moving a milestone's due date later than its baseline asks
// for the reason, which the milestone page and the programme report show beside the slip.

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema.alterTable('milestone').addColumn('slip_reason', 'text').execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.alterTable('milestone').dropColumn('slip_reason').execute();
}

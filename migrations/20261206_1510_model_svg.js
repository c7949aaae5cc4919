// Process models: the SVG picture the modeler drew of a saved version, so the council report can
// show the diagram without running bpmn-js on the server. Versions imported from the command line
// (or saved before this column) have none; the report lists their tasks instead.

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema.alterTable('process_model_version').addColumn('svg', 'text').execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.alterTable('process_model_version').dropColumn('svg').execute();
}

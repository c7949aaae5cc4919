// Imports: what the clerk chose for a code the code lists or mappings do not know, per source
// (the format the file came in), so the next file from the same source goes through. ORJ → org
// unit and ORG → initiative stay in orj_mapping / org_mapping (the mappings page edits them); this
// table holds the rest of the same store (src/lib/server/imports/code-mappings.ts is its one
// reader and writer): a položka or paragraf mapped to a known code, and any code accepted as
// written or left out.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('import_code_choice')
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('field', 'text', (c) =>
			c.notNull().check(sql`field in ('polozka', 'paragraf', 'orj', 'org')`)
		)
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('map', 'accept', 'skip')`))
		/** the known code a položka or paragraf maps to (action `map`) */
		.addColumn('target', 'text')
		.addColumn('updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addPrimaryKeyConstraint('import_code_choice_pk', ['source', 'field', 'code'])
		.addCheckConstraint('import_code_choice_target', sql`(action = 'map') = (target is not null)`)
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.dropTable('import_code_choice').execute();
}

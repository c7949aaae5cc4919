// The knowledge base: documents (internal regulations, forms, process descriptions, audit
// reports) with their versions stored in the database, links to processes, information assets and
// CAF subcriteria; the audit findings register; a guest assessor flag on a CAF round's panel; and
// the full-text indexes the one search reads (src/lib/server/knowledge/knowledge.repository.ts
// writes the same expressions, so the planner uses them).
import { sql } from 'kysely';

const FOLD_FROM = 'áäčďéěëíĺľňóôöŕřšťúůüýžÁÄČĎÉĚËÍĹĽŇÓÔÖŔŘŠŤÚŮÜÝŽ';
const FOLD_TO = 'aacdeeeillnooorrstuuuyzAACDEEEILLNOOORRSTUUUYZ';

/**
 * The search vector of a table: its title (weight A) and body (weight B), folded.
 * @param {string} title @param {string} body
 */
export function vectorSql(title, body) {
	const fold = (/** @type {string} */ e) => `lower(translate(${e}, '${FOLD_FROM}', '${FOLD_TO}'))`;
	return `(setweight(to_tsvector('simple'::regconfig, ${fold(title)}), 'A') || setweight(to_tsvector('simple'::regconfig, ${fold(body)}), 'B'))`;
}

const c = (/** @type {string} */ column) => `coalesce(${column}, '')`;
export const SEARCHED = {
	process: vectorSql(
		`code || ' ' || name`,
		`${c('description')} || ' ' || ${c('inputs')} || ' ' || ${c('outputs')} || ' ' || ${c('legal_basis')}`
	),
	info_asset: vectorSql(`code || ' ' || name`, c('description')),
	goal: vectorSql(`code || ' ' || name`, c('description')),
	kpi: vectorSql(`code || ' ' || name`, c('definition')),
	initiative: vectorSql(`code || ' ' || name`, c('description'))
};
/** A document's text is long: its vector is stored (computed by the database on every write). */
const DOCUMENT_VECTOR = vectorSql(`title`, `${c('description')} || ' ' || body_text`);

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.alterTable('caf_panel_member')
		.addColumn('guest', 'boolean', (col) => col.notNull().defaultTo(false))
		.execute();

	await db.schema
		.createTable('document')
		.addColumn('id', 'integer', (col) => col.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('description', 'text')
		.addColumn('owner_user_id', 'integer', (col) => col.notNull().references('app_user.id'))
		.addColumn('confidential', 'boolean', (col) => col.notNull().defaultTo(false))
		.addColumn('valid_from', 'date')
		.addColumn('valid_to', 'date')
		.addColumn('review_date', 'date')
		/** the text extracted from the current version (what the search reads) */
		.addColumn('body_text', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('search_vector', sql`tsvector`, (col) =>
			col.generatedAlwaysAs(sql.raw(DOCUMENT_VECTOR)).stored().notNull()
		)
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
		.addCheckConstraint(
			'document_validity_check',
			sql`valid_from is null or valid_to is null or valid_from <= valid_to`
		)
		.execute();
	await db.schema
		.createIndex('document_owner_idx')
		.on('document')
		.column('owner_user_id')
		.execute();

	await db.schema
		.createTable('document_file')
		.addColumn('id', 'integer', (col) => col.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('document_id', 'integer', (col) =>
			col.notNull().references('document.id').onDelete('cascade')
		)
		.addColumn('number', 'integer', (col) => col.notNull())
		.addColumn('file_name', 'text', (col) => col.notNull())
		.addColumn('mime_type', 'text', (col) => col.notNull())
		.addColumn('size', 'integer', (col) => col.notNull())
		.addColumn('content', 'bytea', (col) => col.notNull())
		.addColumn('text_extracted', 'boolean', (col) => col.notNull())
		.addColumn('uploaded_by', 'integer', (col) => col.references('app_user.id'))
		.addColumn('uploaded_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('document_file_number_unique', ['document_id', 'number'])
		.execute();

	await db.schema
		.createTable('document_link')
		.addColumn('id', 'integer', (col) => col.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('document_id', 'integer', (col) =>
			col.notNull().references('document.id').onDelete('cascade')
		)
		.addColumn('process_id', 'integer', (col) => col.references('process.id').onDelete('cascade'))
		.addColumn('asset_id', 'integer', (col) => col.references('info_asset.id').onDelete('cascade'))
		.addColumn('subcriterion_code', 'text', (col) => col.references('caf_subcriterion.code'))
		.addCheckConstraint(
			'document_link_one_check',
			sql`num_nonnulls(process_id, asset_id, subcriterion_code) = 1`
		)
		.execute();
	await db.schema
		.createIndex('document_link_document_idx')
		.on('document_link')
		.column('document_id')
		.execute();

	await db.schema
		.createTable('audit_finding')
		.addColumn('id', 'integer', (col) => col.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('description', 'text')
		.addColumn('source', 'text', (col) => col.notNull())
		.addColumn('severity', 'text', (col) => col.notNull())
		.addColumn('process_id', 'integer', (col) => col.references('process.id').onDelete('set null'))
		.addColumn('owner_user_id', 'integer', (col) => col.references('app_user.id'))
		.addColumn('corrective_action', 'text')
		.addColumn('due_date', 'date')
		.addColumn('closure_evidence', 'text')
		.addColumn('status', 'text', (col) => col.notNull().defaultTo('open'))
		.addColumn('caf_action_id', 'integer', (col) =>
			col.unique().references('caf_action.id').onDelete('set null')
		)
		.addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
		.addCheckConstraint(
			'audit_finding_source_check',
			sql`source in ('system_audit', 'external_audit', 'caf')`
		)
		.addCheckConstraint('audit_finding_severity_check', sql`severity in ('low', 'medium', 'high')`)
		.addCheckConstraint(
			'audit_finding_status_check',
			sql`status in ('open', 'in_progress', 'closed')`
		)
		.addCheckConstraint(
			'audit_finding_closed_check',
			sql`status <> 'closed' or closure_evidence is not null`
		)
		.execute();

	for (const [table, vector] of Object.entries(SEARCHED)) {
		await sql.raw(`create index ${table}_search_idx on ${table} using gin (${vector})`).execute(db);
	}
	await sql`create index document_search_idx on document using gin (search_vector)`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	for (const table of Object.keys(SEARCHED)) {
		await sql.raw(`drop index if exists ${table}_search_idx`).execute(db);
	}
	for (const t of ['audit_finding', 'document_link', 'document_file', 'document']) {
		await db.schema.dropTable(t).execute();
	}
	await db.schema.alterTable('caf_panel_member').dropColumn('guest').execute();
}

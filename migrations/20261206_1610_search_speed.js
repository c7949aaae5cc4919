// The knowledge search at size (10,000 documents, 50,000 other records): one table of search
// vectors, `search_entry`, kept by triggers in the same transaction as the record's change, so
// no `to_tsvector` runs when someone searches (the expression indexes of
// migrations/20261206_1540_knowledge.js recomputed it for every matching row, to rank it). One
// partial GIN index per kind lets the search take a bounded number of candidates of each kind
// straight from its index. A confidential document's entry carries its owner (`owner_only`), so
// the search filters readers without reading the document.
import { sql } from 'kysely';
import { SEARCHED, vectorSql } from './20261206_1540_knowledge.js';

/**
 * What each kind's vector is made of, with `r.` for the row: the same expressions as before.
 * @type {Record<string, { table: string, title: string, body: string, ownerOnly: string }>}
 */
const KINDS = {
	process: {
		table: 'process',
		title: `r.code || ' ' || r.name`,
		body: `coalesce(r.description, '') || ' ' || coalesce(r.inputs, '') || ' ' || coalesce(r.outputs, '') || ' ' || coalesce(r.legal_basis, '')`,
		ownerOnly: 'null::integer'
	},
	asset: {
		table: 'info_asset',
		title: `r.code || ' ' || r.name`,
		body: `coalesce(r.description, '')`,
		ownerOnly: 'null::integer'
	},
	goal: {
		table: 'goal',
		title: `r.code || ' ' || r.name`,
		body: `coalesce(r.description, '')`,
		ownerOnly: 'null::integer'
	},
	kpi: {
		table: 'kpi',
		title: `r.code || ' ' || r.name`,
		body: `coalesce(r.definition, '')`,
		ownerOnly: 'null::integer'
	},
	initiative: {
		table: 'initiative',
		title: `r.code || ' ' || r.name`,
		body: `coalesce(r.description, '')`,
		ownerOnly: 'null::integer'
	},
	document: {
		table: 'document',
		title: `r.title`,
		body: `coalesce(r.description, '') || ' ' || r.body_text`,
		ownerOnly: 'case when r.confidential then r.owner_user_id end'
	}
};

/** The columns whose change changes an entry (an update of anything else leaves it alone). */
const WATCHED = {
	process: ['code', 'name', 'description', 'inputs', 'outputs', 'legal_basis'],
	asset: ['code', 'name', 'description'],
	goal: ['code', 'name', 'description'],
	kpi: ['code', 'name', 'definition'],
	initiative: ['code', 'name', 'description'],
	document: ['title', 'description', 'body_text', 'confidential', 'owner_user_id']
};

/** @param {string} expression @param {string} row */
const of = (expression, row) => expression.replaceAll('r.', row ? `${row}.` : '');

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('search_entry')
		.addColumn('kind', 'text', (col) => col.notNull())
		.addColumn('ref_id', 'integer', (col) => col.notNull())
		.addColumn('vector', sql`tsvector`, (col) => col.notNull())
		/** a confidential document's owner: only they (and `knowledge.read_confidential`) find it */
		.addColumn('owner_only', 'integer')
		.addPrimaryKeyConstraint('search_entry_pkey', ['ref_id', 'kind'])
		.execute();

	for (const [kind, k] of Object.entries(KINDS)) {
		const fn = `search_entry_${kind}`;
		await sql
			.raw(
				`create function ${fn}() returns trigger language plpgsql as $$
				begin
					if tg_op = 'DELETE' then
						delete from search_entry where kind = '${kind}' and ref_id = old.id;
						return null;
					end if;
					insert into search_entry (kind, ref_id, vector, owner_only)
					values ('${kind}', new.id, ${vectorSql(of(k.title, 'new'), of(k.body, 'new'))}, ${of(k.ownerOnly, 'new')})
					on conflict (ref_id, kind) do update
						set vector = excluded.vector, owner_only = excluded.owner_only;
					return null;
				end $$`
			)
			.execute(db);
		await sql
			.raw(
				`create trigger ${k.table}_search after insert or delete or update of ${WATCHED[/** @type {keyof typeof WATCHED} */ (kind)].join(', ')}
				on ${k.table} for each row execute function ${fn}()`
			)
			.execute(db);
		await sql
			.raw(
				`insert into search_entry (kind, ref_id, vector, owner_only)
				select '${kind}', r.id, ${vectorSql(k.title, k.body)}, ${k.ownerOnly} from ${k.table} r`
			)
			.execute(db);
		await sql
			.raw(
				`create index search_entry_${kind}_idx on search_entry using gin (vector) where kind = '${kind}'`
			)
			.execute(db);
	}

	// The expression indexes and the document's own vector are no longer read.
	for (const table of Object.keys(SEARCHED)) {
		await sql.raw(`drop index ${table}_search_idx`).execute(db);
	}
	await sql`drop index document_search_idx`.execute(db);
	await db.schema.alterTable('document').dropColumn('search_vector').execute();
	await sql`analyze search_entry`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	for (const [kind, k] of Object.entries(KINDS)) {
		await sql.raw(`drop trigger ${k.table}_search on ${k.table}`).execute(db);
		await sql.raw(`drop function search_entry_${kind}()`).execute(db);
	}
	await db.schema.dropTable('search_entry').execute();
	const d = KINDS.document;
	await sql
		.raw(
			`alter table document add column search_vector tsvector generated always as (${vectorSql(of(d.title, ''), of(d.body, ''))}) stored not null`
		)
		.execute(db);
	await sql`create index document_search_idx on document using gin (search_vector)`.execute(db);
	for (const [table, vector] of Object.entries(SEARCHED)) {
		await sql.raw(`create index ${table}_search_idx on ${table} using gin (${vector})`).execute(db);
	}
}

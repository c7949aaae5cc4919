// What an import keeps about each ledger line, so every figure can be followed down to the entry
// and the document behind it: the document number, the date of the entry, the counterparty (name,
// IČO) and whether it is a private person, and the line or row of the file it came from (the batch
// names the file). The rule for a private person: a counterparty without an IČO (see
// `costs/privacy.ts`); a private person's name is shown only to roles with `names.read` and never
// on the public page or in a public export.
//
// The monthly summary gains the paragraf, so the drill-down's breakdown by paragraf (odvětvové
// třídění) reads the summary, not the ledger; the entry list's filters use one index by kind and
// month with the id for keyset paging.
import { sql } from 'kysely';

const KEY_COLUMNS = 'month, kind, nature, org_unit_id, process_id, polozka';

/** @param {import('kysely').Kysely<any>} db @param {boolean} withParagraf */
async function rebuild(db, withParagraf) {
	const p = withParagraf ? sql`, paragraf` : sql``;
	await sql`delete from cost_month_summary`.execute(db);
	await sql`insert into cost_month_summary (year, month, kind, nature, org_unit_id, process_id,
			polozka${p}, amount, entries)
		select extract(year from month)::int, month, kind, nature, org_unit_id, process_id, polozka${p},
			sum(amount)::bigint, count(*)::int
		from cost_entry group by month, kind, nature, org_unit_id, process_id, polozka${p}`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.alterTable('cost_entry')
		.addColumn('document', 'text')
		.addColumn('entry_date', 'date')
		.addColumn('partner_name', 'text')
		.addColumn('partner_ico', 'text')
		.addColumn('partner_person', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('source_line', 'integer')
		.execute();
	await db.schema
		.createIndex('cost_entry_drill_idx')
		.on('cost_entry')
		.columns(['kind', 'month', 'id'])
		.execute();

	await db.schema.alterTable('cost_month_summary').addColumn('paragraf', 'text').execute();
	await sql`alter table cost_month_summary drop constraint cost_month_summary_key`.execute(db);
	await sql
		.raw(
			`alter table cost_month_summary add constraint cost_month_summary_key
		unique nulls not distinct (${KEY_COLUMNS}, paragraf)`
		)
		.execute(db);
	await rebuild(db, true);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await sql`alter table cost_month_summary drop constraint cost_month_summary_key`.execute(db);
	await db.schema.alterTable('cost_month_summary').dropColumn('paragraf').execute();
	await rebuild(db, false);
	await sql
		.raw(
			`alter table cost_month_summary add constraint cost_month_summary_key
		unique nulls not distinct (${KEY_COLUMNS})`
		)
		.execute(db);
	await db.schema.dropIndex('cost_entry_drill_idx').execute();
	await db.schema
		.alterTable('cost_entry')
		.dropColumn('document')
		.dropColumn('entry_date')
		.dropColumn('partner_name')
		.dropColumn('partner_ico')
		.dropColumn('partner_person')
		.dropColumn('source_line')
		.execute();
}

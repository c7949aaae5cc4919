// Investment in improvement, defined once (issue #16). A fourth nature, `capital`, takes the
// capital spending that improves no process (class 6 used to default to `investment`). The
// improvement items finance keeps (cost_category.nature = 'investment') start as 5172 and 6111
// software and licences, 5168 ICT services and 5167 training; a line booked to an approved
// initiative is improvement investment whatever its položka. Existing lines are reclassified by
// that rule (costs.repository `natureRule`, copied here as it stands today) and the aggregates
// rebuilt. Process costs follow at the next refresh (any import, entry or allocation change).
// Each KPI also gets the range of values it allows (kpis/value-range.ts): shares (%) 0–100, every
// other unit not below 0; editable with the KPI.
import { sql } from 'kysely';

const IMPROVEMENT = ['5167', '5168', '5172', '6111'];

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.alterTable('kpi')
		.addColumn('value_min', 'numeric')
		.addColumn('value_max', 'numeric')
		.execute();
	await sql`update kpi set value_min = 0, value_max = case when trim(unit) = '%' then 100 end`.execute(
		db
	);
	// A range target is shown as its range everywhere: the KPI's year status keeps its top too.
	await db.schema.alterTable('kpi_year_status').addColumn('target_max', 'numeric').execute();
	await sql`update kpi_year_status s set target_max = t.target_max from kpi_target t
		where t.kpi_id = s.kpi_id and t.period = left(s.period, 4)`.execute(db);
	await sql`update kpi_year_status s set target_max = t.target_max from kpi_target t
		where t.kpi_id = s.kpi_id and t.period = s.period`.execute(db);
	for (const table of ['cost_entry', 'cost_category']) {
		await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.ref(`${table}_nature_check`)}`.execute(
			db
		);
		await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_nature_check`)}
			check (nature in ('fixed', 'variable', 'investment', 'capital'))`.execute(db);
	}
	await sql`update cost_category set nature = 'capital', updated_at = now(), version = version + 1
		where nature = 'investment' and not (polozka = any(${IMPROVEMENT}::text[]))`.execute(db);
	await sql`update cost_category set nature = 'investment', updated_at = now(), version = version + 1
		where nature <> 'investment' and polozka = any(${IMPROVEMENT}::text[])`.execute(db);
	await sql`update cost_entry e set nature = x.nature
		from (select l.id, case
			when exists (select 1 from initiative i where i.id = l.initiative_id
				and i.status in ('approved', 'in_progress', 'done')) then 'investment'
			when exists (select 1 from cost_category c where c.polozka = l.polozka
				and c.nature = 'investment') then 'investment'
			when l.nature <> 'investment' then l.nature
			else coalesce((select c.nature from cost_category c where c.polozka = l.polozka),
				case when left(l.polozka, 1) = '6' then 'capital' else 'fixed' end)
			end as nature
			from cost_entry l) x
		where e.id = x.id and e.nature is distinct from x.nature`.execute(db);
	await sql`delete from cost_month_summary`.execute(db);
	await sql`insert into cost_month_summary (year, month, kind, nature, org_unit_id, process_id,
			polozka, amount, entries)
		select extract(year from month)::int, month, kind, nature, org_unit_id, process_id, polozka,
			sum(amount)::bigint, count(*)::int
		from cost_entry group by month, kind, nature, org_unit_id, process_id, polozka`.execute(db);
	await sql`delete from cost_nature_month`.execute(db);
	await sql`insert into cost_nature_month (year, month, kind, nature, amount)
		select year, month, kind, nature, sum(amount)::bigint from cost_month_summary
		group by year, month, kind, nature`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.alterTable('kpi').dropColumn('value_min').dropColumn('value_max').execute();
	await db.schema.alterTable('kpi_year_status').dropColumn('target_max').execute();
	await sql`update cost_entry set nature = 'investment' where nature = 'capital'`.execute(db);
	await sql`update cost_category set nature = 'investment' where nature = 'capital'`.execute(db);
	await sql`update cost_month_summary set nature = 'investment' where nature = 'capital'`.execute(
		db
	);
	for (const table of ['cost_entry', 'cost_category']) {
		await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.ref(`${table}_nature_check`)}`.execute(
			db
		);
		await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_nature_check`)}
			check (nature in ('fixed', 'variable', 'investment'))`.execute(db);
	}
}

// The queries of the costs area: the aggregate tables pages read (never the ledger, so page time
// does not grow with the number of entries), the manual ledger lines and the code tables.
// aggregates.ts keeps the aggregates in step with the ledger; lookups.ts the forms' choices.
import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Executor } from '../audit/audit';
import type { CostNature, Database } from '../db/schema';
import { APPROVED_INITIATIVE_STATUSES } from './costs';
import { amountSum } from '../db/sums';

/** The years with any cost. */
export function yearsWithCosts(db: Executor) {
	return db.selectFrom('cost_nature_month').select('year').distinct().execute();
}

/** A year's totals per kind, nature and month. */
export function natureMonths(db: Executor, year: number) {
	return db
		.selectFrom('cost_nature_month')
		.select(['kind', 'nature', 'month', 'amount'])
		.where('year', '=', year)
		.execute();
}

/** A year's sums by položka (`by_unit` 0) and by org unit (`by_unit` 1), in one pass. */
export async function yearGroups(db: Executor, year: number) {
	const r = await sql<{
		kind: 'actual' | 'budget';
		polozka: string | null;
		org_unit_id: number | null;
		by_unit: number;
		amount: bigint;
	}>`
		select kind, polozka, org_unit_id, grouping(polozka) as by_unit,
			sum(amount)::bigint as amount
		from cost_month_summary where year = ${year}
		group by grouping sets ((kind, polozka), (kind, org_unit_id))`.execute(db);
	return r.rows;
}

export function categoryNames(db: Executor) {
	return db.selectFrom('cost_category').select(['polozka', 'name']).execute();
}

export function unitNames(db: Executor) {
	return db.selectFrom('org_unit').select(['id', 'code', 'name']).execute();
}

/** Actual spending per year and nature. */
export function actualByNature(db: Executor, years: number[]) {
	return db
		.selectFrom('cost_nature_month')
		.select(['year', 'nature', amountSum])
		.where('kind', '=', 'actual')
		.where('year', 'in', years)
		.groupBy(['year', 'nature'])
		.execute();
}

/**
 * The ids of one page of the processes with costs in `year` (`limit` from `offset`), in `order`:
 * by code (default), by name or by the actual full cost (bigint haléře, compared in SQL; a process
 * with a budget only counts 0), ties by code; `processId` narrows to that one process.
 */
export async function processIdsWithCosts(
	db: Executor,
	year: number,
	offset: number,
	limit: number,
	order: ProcessOrder = { by: 'code', dir: 'asc' },
	processId: number | null = null
): Promise<number[]> {
	let q = db
		.selectFrom('process as p')
		.leftJoin('process_cost_year as a', (join) =>
			join.onRef('a.process_id', '=', 'p.id').on('a.year', '=', year).on('a.kind', '=', 'actual')
		)
		.select('p.id')
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('process_cost_year as c')
					.select('c.process_id')
					.whereRef('c.process_id', '=', 'p.id')
					.where('c.year', '=', year)
			)
		);
	if (processId !== null) q = q.where('p.id', '=', processId);
	if (order.by === 'name') q = q.orderBy('p.name', order.dir);
	if (order.by === 'cost') q = q.orderBy(sql`coalesce(a.full_cost, 0)`, order.dir);
	const rows = await q
		.orderBy('p.code', order.by === 'code' ? order.dir : 'asc')
		.limit(limit)
		.offset(offset)
		.execute();
	return rows.map((r) => r.id);
}

/** How /costs orders its process table. */
export interface ProcessOrder {
	by: 'code' | 'name' | 'cost';
	dir: 'asc' | 'desc';
}

/** Each process's computed costs in `year` (of the `ids` only, when given), by code. */
export function processCostRows(db: Executor, year: number, ids?: number[]) {
	let q = db
		.selectFrom('process_cost_year as c')
		.innerJoin('process as p', 'p.id', 'c.process_id')
		.leftJoin('org_unit as u', 'u.id', 'p.org_unit_id')
		.select([
			'c.process_id',
			'c.kind',
			'c.direct',
			'c.allocated',
			'c.passed_on',
			'c.full_cost',
			'c.volume',
			'c.unit_cost',
			'p.code',
			'p.name',
			'u.code as unit_code'
		])
		.where('c.year', '=', year)
		.orderBy('p.code');
	if (ids) q = q.where('c.process_id', 'in', ids);
	return q.execute();
}

/** The allocation steps of the actual costs in `year` (of the `ids` only, when given). */
export function allocationSteps(db: Executor, year: number, ids?: number[]) {
	let q = db
		.selectFrom('process_cost_allocation as a')
		.leftJoin('org_unit as u', 'u.id', 'a.org_unit_id')
		.leftJoin('process as s', 's.id', 'a.source_process_id')
		.leftJoin('cost_driver as d', 'd.id', 'a.driver_id')
		.select([
			'a.process_id',
			'a.stage',
			'u.code',
			's.code as source_code',
			'a.pool',
			'a.percent',
			'a.key_source',
			'a.amount',
			'd.name as driver_name'
		])
		.where('a.year', '=', year)
		.where('a.kind', '=', 'actual')
		.orderBy('a.stage')
		.orderBy('u.code');
	if (ids) q = q.where('a.process_id', 'in', ids);
	return q.execute();
}

/** When the year's process costs were last computed. */
export function refreshedAt(db: Executor, year: number) {
	return db
		.selectFrom('cost_refresh')
		.select('refreshed_at')
		.where('year', '=', year)
		.executeTakeFirst();
}

/** The latest imported batches covering a month between `from` and `to` (YYYY-MM-01). */
export function batchesCovering(db: Executor, from: string, to: string) {
	return db
		.selectFrom('import_batch')
		.select(['id', 'file_name', 'kind', 'rows_imported', 'imported_at', 'month_from', 'month_to'])
		.where('status', '=', 'imported')
		.where('month_from', '<=', to)
		.where('month_to', '>=', from)
		.orderBy('id', 'desc')
		.limit(50)
		.execute();
}

/** How many manual ledger lines fall between `from` and `to` (YYYY-MM-01). */
export async function manualEntryCount(db: Executor, from: string, to: string): Promise<number> {
	const row = await db
		.selectFrom('cost_entry')
		.select(sql<number>`count(*)::int`.as('n'))
		.where('batch_id', 'is', null)
		.where('month', '>=', from)
		.where('month', '<=', to)
		.executeTakeFirstOrThrow();
	return row.n;
}

/** The units whose allocation keys for `year` were set by hand or follow a driver, with when. */
export function manualKeySets(db: Executor, year: number) {
	return db
		.selectFrom('allocation_key_set as k')
		.innerJoin('org_unit as u', 'u.id', 'k.org_unit_id')
		.select(['u.code', 'k.updated_at'])
		.where('k.year', '=', year)
		.where((eb) =>
			eb.or([
				eb('k.driver_id', 'is not', null),
				eb.exists(
					eb
						.selectFrom('allocation_key as a')
						.select('a.process_id')
						.whereRef('a.org_unit_id', '=', 'k.org_unit_id')
						.where('a.year', '=', year)
				)
			])
		)
		.orderBy('u.code')
		.execute();
}

/**
 * Which ledger lines a figure or a list is about: the one filter of the entry list and the
 * drill-down (over the ledger or its monthly summary, which share these columns).
 */
export interface LedgerFilter {
	year: number;
	/** 1–12 */
	month?: number | null;
	kind?: 'actual' | 'budget' | null;
	nature?: CostNature | null;
	/** an id, or `none`: lines without one */
	orgUnitId?: number | 'none' | null;
	processId?: number | 'none' | null;
	initiativeId?: number | null;
	/** a paragraf, or `none`: lines without one */
	paragraf?: string | null;
	polozka?: string | null;
	/** the lines of one import (the ledger only) */
	batchId?: number | null;
	/** the lines typed by hand (the ledger only) */
	manual?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The lines `f` selects, as a condition on the ledger's columns. */
export function ledgerConditions(f: LedgerFilter): RawBuilder<boolean> {
	const c: RawBuilder<unknown>[] = f.month
		? [sql`month = ${`${f.year}-${pad(f.month)}-01`}::date`]
		: [sql`month >= ${`${f.year}-01-01`}::date`, sql`month <= ${`${f.year}-12-01`}::date`];
	if (f.kind) c.push(sql`kind = ${f.kind}`);
	if (f.nature) c.push(sql`nature = ${f.nature}`);
	if (f.orgUnitId === 'none') c.push(sql`org_unit_id is null`);
	else if (f.orgUnitId) c.push(sql`org_unit_id = ${f.orgUnitId}::int`);
	if (f.processId === 'none') c.push(sql`process_id is null`);
	else if (f.processId) c.push(sql`process_id = ${f.processId}::int`);
	if (f.paragraf === 'none') c.push(sql`paragraf is null`);
	else if (f.paragraf) c.push(sql`paragraf = ${f.paragraf}`);
	if (f.polozka) c.push(sql`polozka = ${f.polozka}`);
	if (f.initiativeId) c.push(sql`initiative_id = ${f.initiativeId}::int`);
	if (f.batchId) c.push(sql`batch_id = ${f.batchId}::int`);
	if (f.manual) c.push(sql`batch_id is null`);
	return sql<boolean>`(${sql.join(c, sql` and `)})`;
}

/** The entry list: a page of the lines `f` selects, in the list's order. */
export interface EntryFilter extends LedgerFilter {
	/** keyset paging: the lines after this one (older), or before it (newer), in the list's order */
	after?: EntryCursor | null;
	before?: EntryCursor | null;
	limit?: number;
}

/** A line's place in the list (newest month first, then newest line). */
export interface EntryCursor {
	/** the month's first day, `YYYY-MM-01` */
	month: string;
	id: bigint;
}

/**
 * Ledger lines with their unit, process and initiative codes, newest first. A page is found by
 * its neighbour's place (keyset), so a page deep in two million lines costs what the first does;
 * lines `before` a cursor come nearest first, and the caller turns them round.
 */
export function entries(db: Executor, f: EntryFilter) {
	// The page's lines are chosen first and only they are joined to their codes: the plan then
	// reads a page through the ledger's index however many lines match (without statistics, which
	// the embedded engine only has once analysed, a join-first plan read all of a year's lines).
	let page = db.selectFrom('cost_entry').selectAll().where(ledgerConditions(f));
	const order = f.before ? 'asc' : 'desc';
	if (f.before) {
		page = page.where(
			sql<boolean>`(month, id) > (${f.before.month}::date, ${f.before.id}::bigint)`
		);
	} else if (f.after) {
		page = page.where(sql<boolean>`(month, id) < (${f.after.month}::date, ${f.after.id}::bigint)`);
	}
	page = page
		.orderBy('month', order)
		.orderBy('id', order)
		.limit(f.limit ?? 100);
	return db
		.selectFrom(page.as('e'))
		.leftJoin('org_unit as u', 'u.id', 'e.org_unit_id')
		.leftJoin('process as p', 'p.id', 'e.process_id')
		.leftJoin('initiative as i', 'i.id', 'e.initiative_id')
		.leftJoin('import_batch as b', 'b.id', 'e.batch_id')
		.select([
			'e.id',
			'e.kind',
			'e.month',
			'e.amount',
			'e.nature',
			'e.polozka',
			'e.paragraf',
			'e.org_unit_id',
			'e.process_id',
			'e.initiative_id',
			'e.text',
			'e.batch_id',
			'e.version',
			'e.document',
			'e.entry_date',
			'e.partner_name',
			'e.partner_ico',
			'e.partner_person',
			'e.source_line',
			'b.file_name',
			'u.code as unit_code',
			'p.code as process_code',
			'i.code as initiative_code'
		])
		.orderBy('e.month', order)
		.orderBy('e.id', order)
		.execute();
}

/** A položka's category (its default nature); undefined for an unknown položka. */
export function findCategory(db: Executor, polozka: string) {
	return db
		.selectFrom('cost_category')
		.select('nature')
		.where('polozka', '=', polozka)
		.executeTakeFirst();
}

/** Whether the org unit, process or initiative a line names exists. */
export async function exists(
	db: Executor,
	table: 'org_unit' | 'process' | 'initiative',
	id: number
): Promise<boolean> {
	return !!(await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());
}

export function insertEntry(trx: Executor, values: Insertable<Database['cost_entry']>) {
	return trx.insertInto('cost_entry').values(values).returningAll().executeTakeFirstOrThrow();
}

export function deleteEntry(trx: Executor, id: bigint) {
	return trx.deleteFrom('cost_entry').where('id', '=', id).execute();
}

export function findEntry(db: Executor, id: bigint) {
	return db.selectFrom('cost_entry').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The ORJ and ORG code tables and the položky, as finance lists them. */
export function orjMappings(db: Executor) {
	return db
		.selectFrom('orj_mapping as m')
		.innerJoin('org_unit as u', 'u.id', 'm.org_unit_id')
		.select(['m.orj', 'm.org_unit_id', 'm.version', 'u.code', 'u.name'])
		.orderBy('m.orj')
		.execute();
}

export function orgMappings(db: Executor) {
	return db
		.selectFrom('org_mapping as m')
		.innerJoin('initiative as i', 'i.id', 'm.initiative_id')
		.select(['m.org', 'm.initiative_id', 'm.version', 'i.code', 'i.name'])
		.orderBy('m.org')
		.execute();
}

export function categories(db: Executor) {
	return db.selectFrom('cost_category').selectAll().orderBy('polozka').execute();
}

/** Deletes the ORJ's mapping; returns it, or undefined when there was none. */
export function deleteOrjMapping(trx: Executor, orj: string) {
	return trx.deleteFrom('orj_mapping').where('orj', '=', orj).returningAll().executeTakeFirst();
}

/** Deletes the ORG's mapping; returns it, or undefined when there was none. */
export function deleteOrgMapping(trx: Executor, org: string) {
	return trx.deleteFrom('org_mapping').where('org', '=', org).returningAll().executeTakeFirst();
}

/** The actual ledger lines booked to an initiative between `from` and `to` (YYYY-MM-01). */
export function initiativeActuals(db: Executor, from: string, to: string) {
	return db
		.selectFrom('cost_entry')
		.select(['initiative_id', 'month', 'amount'])
		.where('kind', '=', 'actual')
		.where('initiative_id', 'is not', null)
		.where('month', '>=', from)
		.where('month', '<=', to)
		.execute();
}

/**
 * The rule that gives a ledger line its nature, the one place it is written (the entry form, the
 * import and every reclassification run it): a line booked to an approved initiative, or under a
 * položka finance lists as an improvement item (category nature `investment`), is improvement
 * investment; any other line keeps the nature chosen for it unless that was `investment`, else
 * takes its category's, else its class's (class 6 capital, other classes fixed).
 * `lines` is a relation `l` with the columns id, nature (the chosen one), polozka, initiative_id.
 */
function classified(lines: RawBuilder<unknown>) {
	const approved = sql.join(APPROVED_INITIATIVE_STATUSES.map((s) => sql.lit(s)));
	return sql<{ id: string; nature: CostNature }>`
		select l.id, case
			when i.id is not null then 'investment'
			when c.nature = 'investment' then 'investment'
			when l.nature is not null and l.nature <> 'investment' then l.nature
			else coalesce(c.nature, case when left(l.polozka, 1) = '6' then 'capital' else 'fixed' end)
		end as nature
		from ${lines}
		left join initiative i on i.id = l.initiative_id and i.status in (${approved})
		left join cost_category c on c.polozka = l.polozka`;
}

/** The nature a line with these codes gets (`chosen` null: its category's). */
export async function natureFor(
	db: Executor,
	line: { chosen: CostNature | null; polozka: string; initiativeId: number | null }
): Promise<CostNature> {
	const r = await classified(
		sql`(values (0, ${line.chosen}::text, ${line.polozka}::text, ${line.initiativeId}::int))
			as l(id, nature, polozka, initiative_id)`
	).execute(db);
	return r.rows[0].nature;
}

/**
 * Gives the ledger lines `where` selects (columns of the line `l`) the nature the rule says;
 * returns the years of the lines that changed (their aggregates need a rebuild).
 */
export async function reclassify(db: Executor, where: RawBuilder<unknown>): Promise<number[]> {
	const r = await sql<{ year: number }>`
		with changed as (
			update cost_entry e set nature = x.nature
			from (${classified(sql`(select id, nature, polozka, initiative_id from cost_entry l
				where ${where}) l`)}) x
			where e.id = x.id and e.nature is distinct from x.nature
			returning e.month)
		select distinct extract(year from month)::int as year from changed`.execute(db);
	return r.rows.map((row) => row.year);
}

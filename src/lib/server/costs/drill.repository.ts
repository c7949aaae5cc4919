// The drill-down's queries: a figure's sums by paragraf, položka, org unit and month read from the
// monthly summary (never the ledger, so the breakdown does not grow with the number of entries);
// only a figure of one initiative reads the ledger, through its initiative index (the summary has
// no initiative), and the year-over-year views compare two years of the summary.
import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import { ledgerConditions, type LedgerFilter } from './costs.repository';

/** A figure's lines: always of one kind (actual or budget), never narrowed to an import. */
export interface DrillFilter extends Omit<LedgerFilter, 'kind' | 'batchId' | 'manual'> {
	kind: 'actual' | 'budget';
}

export const DIMENSIONS = ['paragraf', 'polozka', 'unit', 'month'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface GroupRow {
	dimension: Dimension;
	/** the paragraf, položka, unit id or month (`YYYY-MM`); null: lines without one */
	key: string | null;
	/** the unit's code; the others' key */
	code: string | null;
	/** the paragraf's, položka's or unit's name ('' for a month or an unknown code) */
	name: string;
	amount: bigint;
	entries: number;
}

/**
 * The figure's sums by each dimension, named, in one statement: over the summary (`amount`,
 * `entries`), or for one initiative's figure over its ledger lines.
 */
export async function groups(db: Executor, f: DrillFilter): Promise<GroupRow[]> {
	const fromLedger = !!f.initiativeId;
	const source = fromLedger ? sql`cost_entry` : sql`cost_month_summary`;
	const count = fromLedger ? sql`count(*)::int` : sql`sum(entries)::int`;
	const r = await sql<{
		paragraf: string | null;
		polozka: string | null;
		org_unit_id: number | null;
		month: string | null;
		g_paragraf: number;
		g_polozka: number;
		g_unit: number;
		amount: bigint;
		entries: number;
		paragraf_name: string | null;
		polozka_name: string | null;
		unit_code: string | null;
		unit_name: string | null;
	}>`
		with g as (
			select paragraf, polozka, org_unit_id, to_char(month, 'YYYY-MM') as month,
				grouping(paragraf) as g_paragraf, grouping(polozka) as g_polozka,
				grouping(org_unit_id) as g_unit, sum(amount)::bigint as amount, ${count} as entries
			from ${source} where ${ledgerConditions(f)}
			group by grouping sets ((paragraf), (polozka), (org_unit_id), (month)))
		select g.*, pa.name as paragraf_name, c.name as polozka_name, u.code as unit_code,
			u.name as unit_name
		from g
		left join cost_paragraf pa on g.g_paragraf = 0 and pa.paragraf = g.paragraf
		left join cost_category c on g.g_polozka = 0 and c.polozka = g.polozka
		left join org_unit u on g.g_unit = 0 and u.id = g.org_unit_id`.execute(db);
	return r.rows.map((row) => {
		const base = { amount: row.amount, entries: row.entries };
		if (row.g_paragraf === 0) {
			const key = row.paragraf;
			return { dimension: 'paragraf', key, code: key, name: row.paragraf_name ?? '', ...base };
		}
		if (row.g_polozka === 0) {
			const key = row.polozka;
			return { dimension: 'polozka', key, code: key, name: row.polozka_name ?? '', ...base };
		}
		if (row.g_unit === 0) {
			const key = row.org_unit_id === null ? null : String(row.org_unit_id);
			return { dimension: 'unit', key, code: row.unit_code, name: row.unit_name ?? '', ...base };
		}
		return { dimension: 'month', key: row.month, code: row.month, name: '', ...base };
	});
}

/** Sums per year (`year - 1` and `year`) and kind by one dimension, from the summary. */
export async function yearPairs(
	db: Executor,
	year: number,
	dimension: Exclude<Dimension, 'month'>
) {
	const column = sql.ref(dimension === 'unit' ? 'org_unit_id' : dimension);
	const r = await sql<{
		year: number;
		kind: 'actual' | 'budget';
		key: string | null;
		amount: bigint;
	}>`
		select year, kind, ${column}::text as key, sum(amount)::bigint as amount
		from cost_month_summary where year in (${year - 1}, ${year})
		group by year, kind, ${column}`.execute(db);
	return r.rows;
}

/** The names of the paragrafy (odvětvové třídění). */
export function paragrafNames(db: Executor) {
	return db.selectFrom('cost_paragraf').select(['paragraf', 'name']).execute();
}

/** The codes of the org unit, process and initiative a figure is narrowed to (null: none). */
export async function selectionCodes(db: Executor, f: DrillFilter) {
	const id = (v: number | 'none' | null | undefined) => (typeof v === 'number' ? v : null);
	const r = await sql<{ unit: string | null; process: string | null; initiative: string | null }>`
		select (select code from org_unit where id = ${id(f.orgUnitId)}::int) as unit,
			(select code from process where id = ${id(f.processId)}::int) as process,
			(select code from initiative where id = ${id(f.initiativeId)}::int) as initiative`.execute(db);
	return r.rows[0];
}

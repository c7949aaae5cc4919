// The aggregate tables pages read instead of the ledger (cost_month_summary, and from it
// cost_nature_month for the overview). Imports and rollbacks add or subtract a
// batch's own sums (reading only that batch's rows), manual changes one entry's amount; a full
// rebuild exists for maintenance, tests and the benchmark.
import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import type { CostMonthSummaryTable } from '../db/schema';

const UPSERT = sql`on conflict on constraint cost_month_summary_key do update set
	amount = cost_month_summary.amount + excluded.amount,
	entries = cost_month_summary.entries + excluded.entries`;

async function dropEmpty(db: Executor) {
	await db.deleteFrom('cost_month_summary').where('entries', '=', 0).execute();
}

/** Recomputes the totals per month, kind and nature from the summary (a few thousand rows). */
async function refreshNatureMonths(db: Executor) {
	await db.deleteFrom('cost_nature_month').execute();
	await sql`insert into cost_nature_month (year, month, kind, nature, amount)
		select year, month, kind, nature, sum(amount)::bigint from cost_month_summary
		group by year, month, kind, nature`.execute(db);
}

/** Adds (sign 1) or subtracts (sign -1) the ledger rows `where` selects to the summaries. */
export async function applyLedgerDelta(
	db: Executor,
	where: ReturnType<typeof sql>,
	sign: 1 | -1
): Promise<void> {
	await sql`
		insert into cost_month_summary (year, month, kind, nature, org_unit_id, process_id, polozka,
			paragraf, amount, entries)
		select extract(year from month)::int, month, kind, nature, org_unit_id, process_id, polozka,
			paragraf, ${sign}::int * sum(amount)::bigint, ${sign}::int * count(*)::int
		from cost_entry where ${where}
		group by month, kind, nature, org_unit_id, process_id, polozka, paragraf
		${UPSERT}`.execute(db);
	if (sign < 0) await dropEmpty(db);
	await refreshNatureMonths(db);
}

/** Adds (sign 1) or subtracts (sign -1) one batch's entries to the summaries. */
export function applyBatchDelta(db: Executor, batchId: number, sign: 1 | -1): Promise<void> {
	return applyLedgerDelta(db, sql`batch_id = ${batchId}`, sign);
}

/** What an entry adds to its month's summary row: the row's key and the amount. */
export type EntryShape = Omit<CostMonthSummaryTable, 'year' | 'entries'>;

/** Adds or subtracts one entry (manual entry, correction, deletion). */
export async function applyEntryDelta(db: Executor, e: EntryShape, sign: 1 | -1): Promise<void> {
	await sql`
		insert into cost_month_summary (year, month, kind, nature, org_unit_id, process_id, polozka,
			paragraf, amount, entries)
		values (${Number(e.month.slice(0, 4))}, ${e.month}::date, ${e.kind}, ${e.nature},
			${e.org_unit_id}::int, ${e.process_id}::int, ${e.polozka}, ${e.paragraf}::text,
			${sign * 1}::int * ${e.amount.toString()}::bigint,
			${sign}::int)
		${UPSERT}`.execute(db);
	if (sign < 0) await dropEmpty(db);
	await refreshNatureMonths(db);
}

/** Recomputes the summary of the given years (all years when none) from the ledger. */
export async function rebuildSummary(db: Executor, years?: number[]): Promise<void> {
	if (years && years.length === 0) return;
	if (years) {
		await db.deleteFrom('cost_month_summary').where('year', 'in', years).execute();
	} else {
		await db.deleteFrom('cost_month_summary').execute();
	}
	const where = years
		? sql`where month >= ${`${Math.min(...years)}-01-01`}::date
			and month < ${`${Math.max(...years) + 1}-01-01`}::date
			and extract(year from month)::int = any(${years}::int[])`
		: sql``;
	await sql`
		insert into cost_month_summary (year, month, kind, nature, org_unit_id, process_id, polozka,
			paragraf, amount, entries)
		select extract(year from month)::int, month, kind, nature, org_unit_id, process_id, polozka,
			paragraf, sum(amount)::bigint, count(*)::int
		from cost_entry ${where}
		group by month, kind, nature, org_unit_id, process_id, polozka, paragraf`.execute(db);
	await refreshNatureMonths(db);
}

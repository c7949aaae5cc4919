// The overview's queries. Each reads a small table: the costs area's aggregates
// (cost_nature_month, process_cost_year), goals and KPI statuses of one year, milestones,
// initiatives.
// None touches the cost ledger itself, so the page stays fast at any ledger size.
import { sql } from 'kysely';
import type { Executor } from '../audit/audit';

/** Totals per year, kind and nature over all years. */
export function yearTotals(db: Executor) {
	return db
		.selectFrom('cost_nature_month')
		.select(['year', 'kind', 'nature', sql<bigint>`sum(amount)::bigint`.as('amount')])
		.groupBy(['year', 'kind', 'nature'])
		.orderBy('year')
		.execute();
}

/** Totals per month, kind and nature over all years. */
export function monthTotals(db: Executor) {
	return db
		.selectFrom('cost_nature_month')
		.select(['year', 'month', 'kind', 'nature', 'amount'])
		.execute();
}

/** Which processes `processCosts` reads, and in which order (default: all, by code). */
export interface ProcessCostFilter {
	ids?: number[];
	/** the costliest first: by full cost, or by unit cost (only processes that have one) */
	orderBy?: 'full_cost' | 'unit_cost';
	limit?: number;
}

/** Processes with their full and unit cost in the year (actuals) and their potential scores. */
export function processCosts(db: Executor, year: number, filter: ProcessCostFilter = {}) {
	let query = db
		.selectFrom('process')
		.leftJoin('process_cost_year as c', (j) =>
			j.onRef('c.process_id', '=', 'process.id').on('c.year', '=', year).on('c.kind', '=', 'actual')
		)
		.leftJoin('process_year as y', (j) =>
			j.onRef('y.process_id', '=', 'process.id').on('y.year', '=', year)
		)
		.select([
			'process.id',
			'process.code',
			'process.name',
			'process.kind',
			'process.status',
			'process.org_unit_id',
			'process.potential_volume',
			'process.potential_manual',
			'process.potential_errors',
			'process.potential_impact',
			'process.potential_cost',
			'c.direct',
			'c.allocated',
			'c.full_cost',
			'c.unit_cost',
			'c.volume as cost_volume',
			'y.volume',
			'y.fte'
		])
		.where('process.status', '!=', 'retired');
	if (filter.ids) query = query.where('process.id', 'in', filter.ids.length ? filter.ids : [-1]);
	if (filter.orderBy === 'full_cost') {
		query = query.where('c.full_cost', '>', 0n).orderBy('c.full_cost', 'desc');
	} else if (filter.orderBy === 'unit_cost') {
		query = query.where('c.unit_cost', 'is not', null).orderBy('c.unit_cost', 'desc');
	}
	query = query.orderBy('process.code');
	if (filter.limit !== undefined) query = query.limit(filter.limit);
	return query.execute();
}

export function milestoneRows(db: Executor) {
	return db
		.selectFrom('milestone')
		.select(['id', 'name', 'current_due', 'baseline_due', 'done_date'])
		.orderBy('current_due')
		.execute();
}

export function dependencyRows(db: Executor) {
	return db.selectFrom('milestone_dependency').select(['predecessor_id', 'successor_id']).execute();
}

export function initiativeRows(db: Executor) {
	return db
		.selectFrom('initiative')
		.select([
			'id',
			'code',
			'name',
			'status',
			'expected_savings_czk',
			'expected_savings_hours',
			'valuation_org_unit_id'
		])
		.orderBy('code')
		.execute();
}

/** Realized savings whose period starts in the year. */
export function savingRows(db: Executor, year: number) {
	return db
		.selectFrom('initiative_saving')
		.select(['initiative_id', 'period_start', 'amount', 'hours'])
		.where('period_start', '>=', `${year}-01-01`)
		.where('period_start', '<=', `${year}-12-31`)
		.execute();
}

export function hourlyCosts(db: Executor, year: number) {
	return db
		.selectFrom('org_unit_year')
		.select(['org_unit_id', 'hourly_cost'])
		.where('year', '=', year)
		.execute();
}

export function initiativeProcessRows(db: Executor) {
	return db.selectFrom('initiative_process').select(['initiative_id', 'process_id']).execute();
}

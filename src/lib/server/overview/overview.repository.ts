// The overview's queries. Each reads a small table: the costs area's aggregates
// (cost_nature_month, process_cost_year), goals and KPI statuses of one year, milestones,
// initiatives.
// None touches the cost ledger itself, so the page stays fast at any ledger size.
import type { Executor } from '../audit/audit';
import { amountSum } from '../db/sums';

/** Totals per year, kind and nature over all years. */
export function yearTotals(db: Executor) {
	return db
		.selectFrom('cost_nature_month')
		.select(['year', 'kind', 'nature', amountSum])
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
			'c.passed_on',
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

export function initiativeProcessRows(db: Executor) {
	return db.selectFrom('initiative_process').select(['initiative_id', 'process_id']).execute();
}

/** KPIs and active processes an admin can choose to publish. */
export function publishable(db: Executor) {
	return Promise.all([
		db.selectFrom('kpi').select(['id', 'code', 'name']).orderBy('code').execute(),
		db
			.selectFrom('process')
			.select(['id', 'code', 'name'])
			.where('status', '=', 'active')
			.orderBy('code')
			.execute()
	]);
}

// The drill-downs from a goal and from a process.

export function goalProcessLinks(db: Executor, goalIds: number[]) {
	return db
		.selectFrom('goal_process')
		.select(['goal_id', 'process_id', 'weight'])
		.where('goal_id', 'in', goalIds)
		.execute();
}

/** The initiatives improving the processes (none asked: none). */
export async function initiativesOfProcesses(db: Executor, processIds: number[]) {
	if (processIds.length === 0) return [];
	return db
		.selectFrom('initiative_process as ip')
		.innerJoin('initiative as i', 'i.id', 'ip.initiative_id')
		.select(['ip.process_id', 'i.id', 'i.code', 'i.name', 'i.status'])
		.where('ip.process_id', 'in', processIds)
		.orderBy('i.code')
		.execute();
}

/** The KPIs computed from the processes (none asked: none). */
export async function kpisFromProcesses(db: Executor, processIds: number[]) {
	if (processIds.length === 0) return [];
	return db
		.selectFrom('kpi')
		.select(['id', 'code', 'name', 'source_process_id', 'goal_id'])
		.where('source_process_id', 'in', processIds)
		.execute();
}

export function initiativesOfGoals(db: Executor, goalIds: number[]) {
	return db
		.selectFrom('initiative_goal as ig')
		.innerJoin('initiative as i', 'i.id', 'ig.initiative_id')
		.select(['i.id', 'i.code', 'i.name', 'i.status'])
		.where('ig.goal_id', 'in', goalIds)
		.orderBy('i.code')
		.execute();
}

/** A process's actual cost in a year. */
export function processCost(db: Executor, processId: number, year: number) {
	return db
		.selectFrom('process_cost_year')
		.select(['direct', 'allocated', 'passed_on', 'full_cost', 'volume', 'unit_cost'])
		.where('process_id', '=', processId)
		.where('year', '=', year)
		.where('kind', '=', 'actual')
		.executeTakeFirst();
}

// The starting point of a what-if.

export function processHead(db: Executor, processId: number) {
	return db
		.selectFrom('process')
		.select(['id', 'code', 'name', 'kind'])
		.where('id', '=', processId)
		.executeTakeFirst();
}

export function processYear(db: Executor, processId: number, year: number) {
	return db
		.selectFrom('process_year')
		.select(['volume', 'fte'])
		.where('process_id', '=', processId)
		.where('year', '=', year)
		.executeTakeFirst();
}

/** A process's actual direct costs in a year, by nature. */
export function directByNature(db: Executor, processId: number, year: number) {
	return db
		.selectFrom('cost_month_summary')
		.select(['nature', amountSum])
		.where('year', '=', year)
		.where('kind', '=', 'actual')
		.where('process_id', '=', processId)
		.groupBy('nature')
		.execute();
}

/** Each step of a process's actual overhead allocation in a year, by unit name. */
export function allocationSteps(db: Executor, processId: number, year: number) {
	return db
		.selectFrom('process_cost_allocation as a')
		.innerJoin('org_unit as u', 'u.id', 'a.org_unit_id')
		.select(['a.org_unit_id', 'u.name', 'a.pool', 'a.percent', 'a.key_source', 'a.amount'])
		.where('a.stage', '=', 0)
		.$narrowType<{ org_unit_id: number }>()
		.where('a.year', '=', year)
		.where('a.kind', '=', 'actual')
		.where('a.process_id', '=', processId)
		.orderBy('u.name')
		.execute();
}

/** The KPIs computed from a process's unit cost, with the year's target. */
export function unitCostKpis(db: Executor, processId: number, year: number) {
	return db
		.selectFrom('kpi')
		.leftJoin('kpi_target as t', (j) =>
			j.onRef('t.kpi_id', '=', 'kpi.id').on('t.period', '=', String(year))
		)
		.select([
			'kpi.id',
			'kpi.code',
			'kpi.name',
			'kpi.goal_id',
			'kpi.direction',
			't.target',
			't.target_max',
			't.tolerance'
		])
		.where('kpi.source_process_id', '=', processId)
		.execute();
}

/** The FTE of every process in the allocation keys of the units, in a year. */
export function keyMembersFte(db: Executor, orgUnitIds: number[], year: number) {
	return db
		.selectFrom('process_cost_allocation as a')
		.leftJoin('process_year as y', (j) =>
			j.onRef('y.process_id', '=', 'a.process_id').on('y.year', '=', year)
		)
		.select(['a.org_unit_id', 'y.fte'])
		.where('a.stage', '=', 0)
		.$narrowType<{ org_unit_id: number }>()
		.where('a.year', '=', year)
		.where('a.kind', '=', 'actual')
		.where('a.org_unit_id', 'in', orgUnitIds)
		.execute();
}

/** The KPIs computed from one process, by code. */
export function kpisFromProcess(db: Executor, processId: number) {
	return db
		.selectFrom('kpi')
		.select(['id', 'code', 'name'])
		.where('source_process_id', '=', processId)
		.orderBy('code')
		.execute();
}

/** The initiatives improving one process, by code. */
export function initiativesOfProcess(db: Executor, processId: number) {
	return db
		.selectFrom('initiative_process as ip')
		.innerJoin('initiative as i', 'i.id', 'ip.initiative_id')
		.select(['i.id', 'i.code', 'i.name', 'i.status'])
		.where('ip.process_id', '=', processId)
		.orderBy('i.code')
		.execute();
}

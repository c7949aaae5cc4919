// The queries of a process's unit cost over time: its yearly results and the allocation steps it
// received, every year, actual costs.
import type { Executor } from '../audit/audit';

/** The process's yearly results (actual costs), oldest first. */
export function costYears(db: Executor, processId: number) {
	return db
		.selectFrom('process_cost_year')
		.select(['year', 'direct', 'allocated', 'full_cost', 'volume'])
		.where('process_id', '=', processId)
		.where('kind', '=', 'actual')
		.orderBy('year')
		.execute();
}

/**
 * Every allocation step the process received (actual costs): each unit's overhead (stage 0, its
 * unit) and each later stage of staged allocation (its stage and source process).
 */
export function receivedSteps(db: Executor, processId: number) {
	return db
		.selectFrom('process_cost_allocation')
		.select(['year', 'org_unit_id', 'stage', 'source_process_id', 'amount'])
		.where('process_id', '=', processId)
		.where('kind', '=', 'actual')
		.execute();
}

export function unitsById(db: Executor, ids: number[]) {
	if (ids.length === 0) return Promise.resolve([]);
	return db.selectFrom('org_unit').select(['id', 'code', 'name']).where('id', 'in', ids).execute();
}

export function processesById(db: Executor, ids: number[]) {
	if (ids.length === 0) return Promise.resolve([]);
	return db.selectFrom('process').select(['id', 'code', 'name']).where('id', 'in', ids).execute();
}

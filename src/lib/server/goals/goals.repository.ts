import type { Executor } from '../audit/audit';
import { countDependants, deleteByKeys } from '../shared/versioned';

/** Every goal with its owner's name, by code. */
export function all(db: Executor) {
	return db
		.selectFrom('goal as g')
		.leftJoin('app_user as u', 'u.id', 'g.owner_user_id')
		.selectAll('g')
		.select('u.display_name as owner_name')
		.orderBy('g.code')
		.execute();
}

/** The processes serving a goal, heaviest first. */
export function processesOf(db: Executor, goalId: number) {
	return db
		.selectFrom('goal_process as gp')
		.innerJoin('process as p', 'p.id', 'gp.process_id')
		.select(['p.id', 'p.code', 'p.name', 'p.kind', 'p.status', 'gp.weight'])
		.where('gp.goal_id', '=', goalId)
		.orderBy('gp.weight', 'desc')
		.orderBy('p.code')
		.execute();
}

/** Every goal's place in the tree (for the parent checks and the selects), by code. */
export function outline(db: Executor) {
	return db
		.selectFrom('goal')
		.select(['id', 'code', 'name', 'level', 'parent_id'])
		.orderBy('code')
		.execute();
}

export function findProcess(db: Executor, processId: number) {
	return db
		.selectFrom('process')
		.select(['id', 'code'])
		.where('id', '=', processId)
		.executeTakeFirst();
}

/** The link of a goal and a process, locked; undefined when they are not linked. */
export function lockProcessLink(trx: Executor, goalId: number, processId: number) {
	return trx
		.selectFrom('goal_process')
		.select('weight')
		.where('goal_id', '=', goalId)
		.where('process_id', '=', processId)
		.forUpdate()
		.executeTakeFirst();
}

/** Links the process with the weight, or sets the weight of the existing link. */
export function upsertProcessLink(
	trx: Executor,
	goalId: number,
	processId: number,
	weight: number
) {
	return trx
		.insertInto('goal_process')
		.values({ goal_id: goalId, process_id: processId, weight })
		.onConflict((oc) => oc.columns(['goal_id', 'process_id']).doUpdateSet({ weight }))
		.execute();
}

/** Unlinks the process; returns the link's weight, or undefined when they were not linked. */
export function deleteProcessLink(trx: Executor, goalId: number, processId: number) {
	return deleteByKeys(trx, 'goal_process', { goal_id: goalId, process_id: processId }, ['weight']);
}

/** What keeps a goal from being deleted: sub-goals, KPIs and linked processes. */
export function dependants(db: Executor, goalId: number) {
	return countDependants(db, goalId, [
		{ key: 'goals_dep_subgoals', table: 'goal', column: 'parent_id' },
		{ key: 'goals_dep_kpis', table: 'kpi', column: 'goal_id' },
		{ key: 'goals_dep_processes', table: 'goal_process', column: 'goal_id' }
	]);
}

/** Every goal–process link (the roll-up counts processes over sub-goals). */
export function processLinks(db: Executor) {
	return db.selectFrom('goal_process').select(['goal_id', 'process_id']).execute();
}

/** The goals some KPI measures. */
export function goalsWithKpi(db: Executor) {
	return db.selectFrom('kpi').select('goal_id').where('goal_id', 'is not', null).execute();
}

/** Active processes that serve no goal, with their unit's code. */
export function processesWithoutGoal(db: Executor) {
	return db
		.selectFrom('process as p')
		.leftJoin('org_unit as u', 'u.id', 'p.org_unit_id')
		.select(['p.id', 'p.code', 'p.name', 'u.code as unit_code'])
		.where('p.status', '=', 'active')
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('goal_process as gp')
						.select('gp.goal_id')
						.whereRef('gp.process_id', '=', 'p.id')
				)
			)
		)
		.orderBy('p.code')
		.execute();
}

import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import type { ProcessFilters } from './processes';

/** Processes with unit, owner, the year's figures and how many goals they serve. */
export function summaries(db: Executor, filters: ProcessFilters) {
	let q = db
		.selectFrom('process as p')
		.leftJoin('org_unit as u', 'u.id', 'p.org_unit_id')
		.leftJoin('app_user as o', 'o.id', 'p.owner_user_id')
		.leftJoin('process_year as y', (j) =>
			j.onRef('y.process_id', '=', 'p.id').on('y.year', '=', filters.year)
		)
		.selectAll('p')
		.select([
			'u.code as unit_code',
			'u.name as unit_name',
			'o.display_name as owner_name',
			'y.volume',
			'y.lead_time_days',
			'y.fte',
			sql<number>`(select count(*)::int from goal_process gp where gp.process_id = p.id)`.as(
				'goal_count'
			)
		]);
	if (filters.id !== undefined) q = q.where('p.id', '=', filters.id);
	if (filters.kind) q = q.where('p.kind', '=', filters.kind);
	if (filters.status) q = q.where('p.status', '=', filters.status);
	if (filters.orgUnitId) q = q.where('p.org_unit_id', '=', filters.orgUnitId);
	if (filters.ownerId) q = q.where('p.owner_user_id', '=', filters.ownerId);
	if (filters.q) {
		const like = `%${filters.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
		q = q.where((eb) => eb.or([eb('p.name', 'ilike', like), eb('p.code', 'ilike', like)]));
	}
	return q.orderBy('p.code').execute();
}

export function byId(db: Executor, id: number) {
	return db.selectFrom('process').selectAll().where('id', '=', id).executeTakeFirst();
}

export function years(db: Executor, processId: number) {
	return db
		.selectFrom('process_year')
		.selectAll()
		.where('process_id', '=', processId)
		.orderBy('year', 'desc')
		.execute();
}

export function roles(db: Executor, processId: number) {
	return db
		.selectFrom('process_role')
		.selectAll()
		.where('process_id', '=', processId)
		.orderBy('raci')
		.orderBy('job_role')
		.execute();
}

export function assetsOf(db: Executor, processId: number) {
	return db
		.selectFrom('process_asset as pa')
		.innerJoin('info_asset as a', 'a.id', 'pa.asset_id')
		.selectAll('a')
		.where('pa.process_id', '=', processId)
		.orderBy('a.code')
		.execute();
}

export function goalsOf(db: Executor, processId: number) {
	return db
		.selectFrom('goal_process as gp')
		.innerJoin('goal as g', 'g.id', 'gp.goal_id')
		.select(['g.id', 'g.code', 'g.name', 'gp.weight'])
		.where('gp.process_id', '=', processId)
		.orderBy('g.code')
		.execute();
}

export function allAssets(db: Executor) {
	return db
		.selectFrom('info_asset as a')
		.selectAll('a')
		.select(
			sql<number>`(select count(*)::int from process_asset pa where pa.asset_id = a.id)`.as(
				'process_count'
			)
		)
		.orderBy('a.code')
		.execute();
}

async function count(db: Executor, table: 'goal_process' | 'cost_entry', processId: number) {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('process_id', '=', processId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function dependants(db: Executor, processId: number) {
	return [
		{ key: 'processes_dep_goals', count: await count(db, 'goal_process', processId) },
		{ key: 'processes_dep_cost_entries', count: await count(db, 'cost_entry', processId) }
	];
}

import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import type { Raci } from '../db/schema';
import { countDependants, deleteByKeys, lockForUpdate } from '../shared/versioned';
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

/** What still depends on a process. */
export function dependants(db: Executor, processId: number) {
	return countDependants(db, processId, [
		{ key: 'processes_dep_goals', table: 'goal_process', column: 'process_id' },
		{ key: 'processes_dep_cost_entries', table: 'cost_entry', column: 'process_id' }
	]);
}

export const lockById = (trx: Executor, id: number) => lockForUpdate(trx, 'process', id);

export function insertRole(
	trx: Executor,
	processId: number,
	role: { jobRole: string; raci: Raci; competences: string | null }
) {
	return trx
		.insertInto('process_role')
		.values({
			process_id: processId,
			job_role: role.jobRole,
			raci: role.raci,
			competences: role.competences
		})
		.execute();
}

/** Deletes the process's role; returns it, or undefined when the process has no such role. */
export function deleteRole(trx: Executor, processId: number, roleId: number) {
	return deleteByKeys(trx, 'process_role', { id: roleId, process_id: processId }, [
		'job_role',
		'raci',
		'competences'
	]);
}

export function findAsset(db: Executor, assetId: number) {
	return db
		.selectFrom('info_asset')
		.select(['id', 'code'])
		.where('id', '=', assetId)
		.executeTakeFirst();
}

export function findAssetByCode(db: Executor, code: string) {
	return db.selectFrom('info_asset').select('id').where('code', '=', code).executeTakeFirst();
}

/** Links the asset; undefined when it was linked already. */
export function insertAssetLink(trx: Executor, processId: number, assetId: number) {
	return trx
		.insertInto('process_asset')
		.values({ process_id: processId, asset_id: assetId })
		.onConflict((oc) => oc.doNothing())
		.returning('asset_id')
		.executeTakeFirst();
}

/** Unlinks the asset; undefined when it was not linked. */
export function deleteAssetLink(trx: Executor, processId: number, assetId: number) {
	return deleteByKeys(trx, 'process_asset', { process_id: processId, asset_id: assetId }, [
		'asset_id'
	]);
}

/** The processes an information asset is linked to. */
export function assetDependants(db: Executor, assetId: number) {
	return countDependants(db, assetId, [
		{ key: 'processes_dep_processes', table: 'process_asset', column: 'asset_id' }
	]);
}

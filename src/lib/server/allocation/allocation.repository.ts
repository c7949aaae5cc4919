// The queries of overhead allocation: processes and their effort, the keys finance sets, the
// overhead pools and direct costs from the costs area's summary, and the computed results.
import { sql, type InsertObject } from 'kysely';
import type { Executor } from '../audit/audit';
import type { Database } from '../db/schema';
import { amountSum } from '../db/sums';

export function processes(db: Executor) {
	return db
		.selectFrom('process')
		.select(['id', 'code', 'name', 'org_unit_id', 'status', 'kind'])
		.orderBy('code')
		.execute();
}

/** Every process's yearly figures up to `year`, oldest first. */
export function processYearsUpTo(db: Executor, year: number) {
	return db
		.selectFrom('process_year')
		.select(['process_id', 'year', 'fte', 'volume'])
		.where('year', '<=', year)
		.orderBy('year')
		.execute();
}

/** Every process's volume in `year`. */
export function volumesIn(db: Executor, year: number) {
	return db
		.selectFrom('process_year')
		.select(['process_id', 'volume'])
		.where('year', '=', year)
		.execute();
}

/** The percentages finance set for `year` (of one unit, when given). */
export function keyRows(db: Executor, year: number, orgUnitId?: number) {
	let q = db
		.selectFrom('allocation_key')
		.select(['org_unit_id', 'process_id', 'percent'])
		.where('year', '=', year);
	if (orgUnitId !== undefined) q = q.where('org_unit_id', '=', orgUnitId);
	return q.execute();
}

/** Each unit's overhead in `year`: its fixed and variable costs not booked to a process. */
export function overheadPools(db: Executor, year: number) {
	return db
		.selectFrom('cost_month_summary')
		.select(['kind', 'org_unit_id', amountSum])
		.where('year', '=', year)
		.where('process_id', 'is', null)
		.where('org_unit_id', 'is not', null)
		.where('nature', 'in', ['fixed', 'variable'])
		.groupBy(['kind', 'org_unit_id'])
		.execute();
}

/** Each process's direct costs in `year`. */
export function directCosts(db: Executor, year: number) {
	return db
		.selectFrom('cost_month_summary')
		.select(['kind', 'process_id', amountSum])
		.where('year', '=', year)
		.where('process_id', 'is not', null)
		.groupBy(['kind', 'process_id'])
		.execute();
}

/** Replaces the year's computed allocation steps and process costs, and stamps the refresh. */
export async function replaceResults(
	db: Executor,
	year: number,
	steps: InsertObject<Database, 'process_cost_allocation'>[],
	costs: InsertObject<Database, 'process_cost_year'>[]
): Promise<void> {
	await db.deleteFrom('process_cost_allocation').where('year', '=', year).execute();
	for (let i = 0; i < steps.length; i += 2000) {
		await db
			.insertInto('process_cost_allocation')
			.values(steps.slice(i, i + 2000))
			.execute();
	}
	await db.deleteFrom('process_cost_year').where('year', '=', year).execute();
	for (let i = 0; i < costs.length; i += 2000) {
		await db
			.insertInto('process_cost_year')
			.values(costs.slice(i, i + 2000))
			.execute();
	}
	await sql`insert into cost_refresh (year, refreshed_at) values (${year}, now())
		on conflict (year) do update set refreshed_at = excluded.refreshed_at`.execute(db);
}

export function unitExists(db: Executor, orgUnitId: number) {
	return db.selectFrom('org_unit').select('id').where('id', '=', orgUnitId).executeTakeFirst();
}

/** The version of a unit's key for a year (undefined: never saved), locked when `lock`. */
export function keySet(db: Executor, orgUnitId: number, year: number, lock = false) {
	const q = db
		.selectFrom('allocation_key_set')
		.select(['version', 'driver_id'])
		.where('org_unit_id', '=', orgUnitId)
		.where('year', '=', year);
	return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** Replaces a unit's percentages for a year. */
export async function replaceKey(
	trx: Executor,
	orgUnitId: number,
	year: number,
	rows: { processId: number; percent: string }[]
): Promise<void> {
	await trx
		.deleteFrom('allocation_key')
		.where('org_unit_id', '=', orgUnitId)
		.where('year', '=', year)
		.execute();
	if (rows.length) {
		await trx
			.insertInto('allocation_key')
			.values(
				rows.map((r) => ({
					org_unit_id: orgUnitId,
					year,
					process_id: r.processId,
					percent: r.percent
				}))
			)
			.execute();
	}
}

/** Records who saved the key: `version + 1`, or version 1 for a unit's first key of the year. */
export async function stampKeySet(
	trx: Executor,
	orgUnitId: number,
	year: number,
	existing: boolean,
	actorId: number,
	driverId: number | null = null
): Promise<void> {
	if (existing) {
		await trx
			.updateTable('allocation_key_set')
			.set({
				version: sql`version + 1`,
				updated_by: actorId,
				updated_at: sql`now()`,
				driver_id: driverId
			})
			.where('org_unit_id', '=', orgUnitId)
			.where('year', '=', year)
			.execute();
	} else {
		await trx
			.insertInto('allocation_key_set')
			.values({
				org_unit_id: orgUnitId,
				year,
				updated_by: actorId,
				version: 1,
				driver_id: driverId
			})
			.execute();
	}
}

/** The driver each unit's overhead follows in `year` (units on FTE or percentages: absent). */
export function unitDrivers(db: Executor, year: number) {
	return db
		.selectFrom('allocation_key_set')
		.select(['org_unit_id', 'driver_id'])
		.where('year', '=', year)
		.where('driver_id', 'is not', null)
		.execute();
}

/** Every driver value of `year` (of one driver, when given). */
export function driverValues(db: Executor, year: number, driverId?: number) {
	let q = db
		.selectFrom('driver_value')
		.select(['driver_id', 'process_id', 'value'])
		.where('year', '=', year);
	if (driverId !== undefined) q = q.where('driver_id', '=', driverId);
	return q.execute();
}

/** The catalogue of drivers, by code. */
export function drivers(db: Executor) {
	return db
		.selectFrom('cost_driver')
		.select(['id', 'code', 'name', 'unit', 'version'])
		.orderBy('code')
		.execute();
}

export function driverById(db: Executor, id: number, lock = false) {
	const q = db
		.selectFrom('cost_driver')
		.select(['id', 'code', 'name', 'unit', 'version'])
		.where('id', '=', id);
	return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export function driverCodeTaken(db: Executor, code: string, exceptId?: number) {
	let q = db
		.selectFrom('cost_driver')
		.select('id')
		.where(sql`upper(code)`, '=', code.toUpperCase());
	if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
	return q.executeTakeFirst();
}

export async function insertDriver(
	db: Executor,
	row: { code: string; name: string; unit: string }
): Promise<number> {
	const r = await db
		.insertInto('cost_driver')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return r.id;
}

export function updateDriver(
	db: Executor,
	id: number,
	row: { code: string; name: string; unit: string }
) {
	return db
		.updateTable('cost_driver')
		.set({ ...row, version: sql`version + 1`, updated_at: sql`now()` })
		.where('id', '=', id)
		.execute();
}

/** The version of a driver's values for a year (undefined: never saved), locked when `lock`. */
export function driverValueSet(db: Executor, driverId: number, year: number, lock = false) {
	const q = db
		.selectFrom('driver_value_set')
		.select('version')
		.where('driver_id', '=', driverId)
		.where('year', '=', year);
	return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** Replaces a driver's values for a year and records who saved them (version + 1). */
export async function replaceDriverValues(
	trx: Executor,
	driverId: number,
	year: number,
	rows: { processId: number; value: string }[],
	existing: boolean,
	actorId: number
): Promise<void> {
	await trx
		.deleteFrom('driver_value')
		.where('driver_id', '=', driverId)
		.where('year', '=', year)
		.execute();
	for (let i = 0; i < rows.length; i += 2000) {
		await trx
			.insertInto('driver_value')
			.values(
				rows.slice(i, i + 2000).map((r) => ({
					driver_id: driverId,
					year,
					process_id: r.processId,
					value: r.value
				}))
			)
			.execute();
	}
	if (existing) {
		await trx
			.updateTable('driver_value_set')
			.set({ version: sql`version + 1`, updated_by: actorId, updated_at: sql`now()` })
			.where('driver_id', '=', driverId)
			.where('year', '=', year)
			.execute();
	} else {
		await trx
			.insertInto('driver_value_set')
			.values({ driver_id: driverId, year, updated_by: actorId, version: 1 })
			.execute();
	}
}

/** What each unit's overhead pool got allocated in `year` (actual costs), for the check. */
export function allocatedByUnit(db: Executor, year: number) {
	return db
		.selectFrom('process_cost_allocation')
		.select(['org_unit_id', 'kind', amountSum])
		.where('year', '=', year)
		.where('stage', '=', 0)
		.groupBy(['org_unit_id', 'kind'])
		.execute();
}

export function unitNames(db: Executor) {
	return db.selectFrom('org_unit').select(['id', 'code', 'name']).orderBy('code').execute();
}

/** The stages of `year` in the clerk's order. */
export function stages(db: Executor, year: number) {
	return db
		.selectFrom('allocation_stage')
		.select(['position', 'source_process_id', 'driver_id'])
		.where('year', '=', year)
		.orderBy('position')
		.execute();
}

/** The version of a year's stages (undefined: never saved), locked when `lock`. */
export function stageSet(db: Executor, year: number, lock = false) {
	const q = db.selectFrom('allocation_stage_set').select('version').where('year', '=', year);
	return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** Replaces a year's stages and records who saved them (version + 1, or 1 the first time). */
export async function replaceStages(
	trx: Executor,
	year: number,
	rows: { sourceId: number; driverId: number | null }[],
	existing: boolean,
	actorId: number
): Promise<void> {
	await trx.deleteFrom('allocation_stage').where('year', '=', year).execute();
	if (rows.length) {
		await trx
			.insertInto('allocation_stage')
			.values(
				rows.map((r, i) => ({
					year,
					position: i + 1,
					source_process_id: r.sourceId,
					driver_id: r.driverId
				}))
			)
			.execute();
	}
	if (existing) {
		await trx
			.updateTable('allocation_stage_set')
			.set({ version: sql`version + 1`, updated_by: actorId, updated_at: sql`now()` })
			.where('year', '=', year)
			.execute();
	} else {
		await trx
			.insertInto('allocation_stage_set')
			.values({ year, updated_by: actorId, version: 1 })
			.execute();
	}
}

/** The steps of `year`'s stages (stage 1 on) of the actual costs, in order. */
export function stageSteps(db: Executor, year: number) {
	return db
		.selectFrom('process_cost_allocation as a')
		.innerJoin('process as s', 's.id', 'a.source_process_id')
		.innerJoin('process as p', 'p.id', 'a.process_id')
		.leftJoin('cost_driver as d', 'd.id', 'a.driver_id')
		.select([
			'a.stage',
			'a.source_process_id',
			's.code as source_code',
			's.name as source_name',
			'a.process_id',
			'p.code',
			'p.name',
			'a.pool',
			'a.percent',
			'a.key_source',
			'a.amount',
			'd.name as driver_name'
		])
		.where('a.year', '=', year)
		.where('a.kind', '=', 'actual')
		.where('a.stage', '>', 0)
		.orderBy('a.stage')
		.orderBy('p.code')
		.execute();
}

/** Every process's computed costs of `year` (actual), for the scenarios' "before". */
export function processCostsOf(db: Executor, year: number) {
	return db
		.selectFrom('process_cost_year')
		.select(['process_id', 'direct', 'allocated', 'passed_on', 'full_cost', 'unit_cost'])
		.where('year', '=', year)
		.where('kind', '=', 'actual')
		.execute();
}

export function scenarios(db: Executor) {
	return db
		.selectFrom('allocation_scenario')
		.select(['id', 'name', 'year', 'created_at'])
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
}

export function scenarioById(db: Executor, id: number) {
	return db
		.selectFrom('allocation_scenario')
		.select(['id', 'name', 'year', 'inputs', 'version'])
		.where('id', '=', id)
		.executeTakeFirst();
}

import { sql, type Insertable } from 'kysely';
import type { Executor } from '../audit/audit';
import type { Database } from '../db/schema';
import { deleteByKeys, lockForUpdate } from '../shared/versioned';
import { amountSum } from '../db/sums';

export function initiativeRows(db: Executor) {
	return db
		.selectFrom('initiative as i')
		.leftJoin('app_user as u', 'u.id', 'i.owner_user_id')
		.selectAll('i')
		.select('u.display_name as owner_name')
		.orderBy('i.code')
		.execute();
}

export type InitiativeRow = Awaited<ReturnType<typeof initiativeRows>>[number];

export function budgetRows(db: Executor) {
	return db
		.selectFrom('initiative_budget')
		.select(['initiative_id', 'year', 'amount'])
		.orderBy('initiative_id')
		.orderBy('year')
		.execute();
}

/** Actual spending per initiative and month, from the cost ledger. */
export function spendByMonth(db: Executor) {
	return db
		.selectFrom('cost_entry')
		.select(['initiative_id', 'month', amountSum])
		.where('kind', '=', 'actual')
		.where('initiative_id', 'is not', null)
		.groupBy(['initiative_id', 'month'])
		.orderBy('month')
		.execute() as Promise<{ initiative_id: number; month: string; amount: bigint }[]>;
}

export function spendEntries(db: Executor, initiativeId: number) {
	return db
		.selectFrom('cost_entry as c')
		.leftJoin('org_unit as o', 'o.id', 'c.org_unit_id')
		.select(['c.id', 'c.month', 'c.amount', 'c.polozka', 'c.text', 'o.code as org_unit_code'])
		.where('c.kind', '=', 'actual')
		.where('c.initiative_id', '=', initiativeId)
		.orderBy('c.month')
		.orderBy('c.id')
		.execute();
}

export function savingRows(db: Executor, initiativeId?: number) {
	let q = db
		.selectFrom('initiative_saving as s')
		.leftJoin('app_user as u', 'u.id', 's.recorded_by')
		.selectAll('s')
		.select('u.display_name as recorded_by_name')
		.orderBy('s.period_start')
		.orderBy('s.id');
	if (initiativeId !== undefined) q = q.where('s.initiative_id', '=', initiativeId);
	return q.execute();
}

/** Hourly costs of org units per year (only years with a known cost). */
export function hourlyCostRows(db: Executor) {
	return db
		.selectFrom('org_unit_year as y')
		.innerJoin('org_unit as o', 'o.id', 'y.org_unit_id')
		.select(['y.org_unit_id', 'o.name', 'y.year', 'y.hourly_cost'])
		.where('y.hourly_cost', 'is not', null)
		.orderBy('y.year')
		.execute();
}

export function historyRows(db: Executor, initiativeId?: number) {
	let q = db
		.selectFrom('initiative_status_change as h')
		.leftJoin('app_user as u', 'u.id', 'h.user_id')
		.selectAll('h')
		.select('u.display_name as user_name')
		.orderBy('h.changed_at')
		.orderBy('h.id');
	if (initiativeId !== undefined) q = q.where('h.initiative_id', '=', initiativeId);
	return q.execute();
}

export async function links(db: Executor, initiativeId: number) {
	const [goals, processes, kpis] = await Promise.all([
		db
			.selectFrom('initiative_goal as l')
			.innerJoin('goal as g', 'g.id', 'l.goal_id')
			.select(['g.id', 'g.code', 'g.name'])
			.where('l.initiative_id', '=', initiativeId)
			.orderBy('g.code')
			.execute(),
		db
			.selectFrom('initiative_process as l')
			.innerJoin('process as p', 'p.id', 'l.process_id')
			.select(['p.id', 'p.code', 'p.name'])
			.where('l.initiative_id', '=', initiativeId)
			.orderBy('p.code')
			.execute(),
		db
			.selectFrom('initiative_kpi as l')
			.innerJoin('kpi as k', 'k.id', 'l.kpi_id')
			.select(['k.id', 'k.code', 'k.name'])
			.where('l.initiative_id', '=', initiativeId)
			.orderBy('k.code')
			.execute()
	]);
	return { goals, processes, kpis };
}

/** What an initiative can link to: every goal, process and KPI. */
export async function linkOptions(db: Executor) {
	const [goals, processes, kpis, orgUnits, activities] = await Promise.all([
		db.selectFrom('goal').select(['id', 'code', 'name']).orderBy('code').execute(),
		db.selectFrom('process').select(['id', 'code', 'name']).orderBy('code').execute(),
		db.selectFrom('kpi').select(['id', 'code', 'name']).orderBy('code').execute(),
		db.selectFrom('org_unit').select(['id', 'code', 'name']).orderBy('code').execute(),
		db.selectFrom('programme_activity').select(['id', 'code', 'name']).orderBy('code').execute()
	]);
	return { goals, processes, kpis, orgUnits, activities };
}

export const lockById = (trx: Executor, id: number) => lockForUpdate(trx, 'initiative', id);

export function insert(trx: Executor, values: Insertable<Database['initiative']>) {
	return trx.insertInto('initiative').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Writes a step of the initiative's status history. */
export function insertStatusChange(
	trx: Executor,
	values: Insertable<Database['initiative_status_change']>
) {
	return trx.insertInto('initiative_status_change').values(values).execute();
}

export function findBudget(db: Executor, initiativeId: number, year: number) {
	return db
		.selectFrom('initiative_budget')
		.select('amount')
		.where('initiative_id', '=', initiativeId)
		.where('year', '=', year)
		.executeTakeFirst();
}

/** Every initiative's budget of one year. */
export function budgetsOfYear(db: Executor, year: number) {
	return db
		.selectFrom('initiative_budget')
		.select(['initiative_id', 'amount'])
		.where('year', '=', year)
		.execute();
}

export function deleteBudget(trx: Executor, initiativeId: number, year: number) {
	return deleteByKeys(trx, 'initiative_budget', { initiative_id: initiativeId, year });
}

/** Sets the year's budget (a new row, or the amount with `version + 1`). */
export function upsertBudget(trx: Executor, initiativeId: number, year: number, amount: bigint) {
	return trx
		.insertInto('initiative_budget')
		.values({ initiative_id: initiativeId, year, amount })
		.onConflict((oc) =>
			oc
				.columns(['initiative_id', 'year'])
				.doUpdateSet({ amount, version: sql`initiative_budget.version + 1` })
		)
		.execute();
}

export function insertSaving(trx: Executor, values: Insertable<Database['initiative_saving']>) {
	return trx
		.insertInto('initiative_saving')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow();
}

/** How many of the goals, processes or KPIs exist. */
export async function countExisting(
	db: Executor,
	table: 'goal' | 'process' | 'kpi',
	ids: number[]
): Promise<number> {
	const found = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
	return found.length;
}

/** Replaces the goals, processes and KPIs the initiative is linked to. */
export async function replaceLinks(
	trx: Executor,
	initiativeId: number,
	links: { goalIds: number[]; processIds: number[]; kpiIds: number[] }
): Promise<void> {
	await trx.deleteFrom('initiative_goal').where('initiative_id', '=', initiativeId).execute();
	await trx.deleteFrom('initiative_process').where('initiative_id', '=', initiativeId).execute();
	await trx.deleteFrom('initiative_kpi').where('initiative_id', '=', initiativeId).execute();
	if (links.goalIds.length) {
		await trx
			.insertInto('initiative_goal')
			.values(links.goalIds.map((goal_id) => ({ initiative_id: initiativeId, goal_id })))
			.execute();
	}
	if (links.processIds.length) {
		await trx
			.insertInto('initiative_process')
			.values(links.processIds.map((process_id) => ({ initiative_id: initiativeId, process_id })))
			.execute();
	}
	if (links.kpiIds.length) {
		await trx
			.insertInto('initiative_kpi')
			.values(links.kpiIds.map((kpi_id) => ({ initiative_id: initiativeId, kpi_id })))
			.execute();
	}
}

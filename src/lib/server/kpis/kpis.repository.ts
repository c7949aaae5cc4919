import { sql, type Insertable } from 'kysely';
import type { Executor } from '../audit/audit';
import type { Database } from '../db/schema';
import { countDependants, lockForUpdate } from '../shared/versioned';
import type { KpiStatus } from '../../kpi-status';

export function definitions(db: Executor) {
	return db
		.selectFrom('kpi as k')
		.leftJoin('goal as g', 'g.id', 'k.goal_id')
		.leftJoin('app_user as u', 'u.id', 'k.responsible_user_id')
		.selectAll('k')
		.select(['g.code as goal_code', 'g.name as goal_name', 'u.display_name as responsible_name']);
}

/** Targets from `fromYear` on (null: all), ordered by period like actuals. */
export function targets(db: Executor, kpiIds: number[] | null, fromYear: number | null = null) {
	let q = db.selectFrom('kpi_target').selectAll().orderBy('period');
	if (kpiIds) q = q.where('kpi_id', 'in', kpiIds.length ? kpiIds : [-1]);
	if (fromYear !== null) q = q.where('period', '>=', String(fromYear));
	return q.execute();
}

/** Actuals from `fromYear` on (periods sort as text: `2026` < `2026-03` < `2026-Q1`). */
export function actuals(db: Executor, kpiIds: number[] | null, fromYear: number | null) {
	let q = db
		.selectFrom('kpi_actual as a')
		.leftJoin('app_user as u', 'u.id', 'a.recorded_by')
		.selectAll('a')
		.select('u.display_name as recorded_by_name')
		.orderBy('a.period');
	if (kpiIds) q = q.where('a.kpi_id', 'in', kpiIds.length ? kpiIds : [-1]);
	if (fromYear !== null) q = q.where('a.period', '>=', String(fromYear));
	return q.execute();
}

/** A KPI's status in the year of the kpi_year_status row joined as `s` (no row: no data). */
export const statusOf = sql<KpiStatus>`coalesce(s.status, 'no_data')`;

/** KPIs with what `year` shows of them (a KPI without a kpi_year_status row shows no data). */
export function inYear(db: Executor, year: number) {
	return db
		.selectFrom('kpi as k')
		.leftJoin('kpi_year_status as s', (j) =>
			j.onRef('s.kpi_id', '=', 'k.id').on('s.year', '=', year)
		)
		.leftJoin('goal as g', 'g.id', 'k.goal_id')
		.select([
			'k.id',
			'k.code',
			'k.name',
			'k.goal_id',
			'g.code as goal_code',
			'k.unit',
			'k.definition',
			's.period',
			's.actual',
			's.target',
			's.target_max',
			// As text: the engines' own jsonb parsing is slower than JSON.parse here.
			sql<string | null>`s.recent::text`.as('recent'),
			statusOf.as('status')
		]);
}

/** How many KPIs of each goal show each status in `year`. */
export function statusCounts(db: Executor, year: number) {
	return db
		.selectFrom('kpi as k')
		.leftJoin('kpi_year_status as s', (j) =>
			j.onRef('s.kpi_id', '=', 'k.id').on('s.year', '=', year)
		)
		.select(['k.goal_id', 's.status', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy(['k.goal_id', 's.status'])
		.execute();
}

/** The order of attention: off target, within tolerance, no data, on target. */
const attention = sql<number>`case ${statusOf} when 'off_target' then 0
	when 'within_tolerance' then 1 when 'no_data' then 2 else 3 end`;

/** Which KPIs a year's list shows, narrowed on the status rows alone. */
export interface InYearChoice {
	ids?: number[];
	goalIds?: number[];
	status?: KpiStatus;
	/** at most this many KPIs of each goal: those needing attention first */
	perGoal?: number;
	limit?: number;
}

/**
 * The ids of the KPIs `year` lists: filtered, ranked and limited on narrow rows (sorting wide rows
 * is what costs most on the embedded engine), as a subquery for `inYear`.
 */
export function chosenInYear(db: Executor, year: number, filter: InYearChoice) {
	let chosen = db
		.selectFrom('kpi as k')
		.leftJoin('kpi_year_status as s', (j) =>
			j.onRef('s.kpi_id', '=', 'k.id').on('s.year', '=', year)
		)
		.select([
			'k.id',
			'k.code',
			sql<number>`row_number() over (partition by k.goal_id order by ${attention}, k.code)`.as(
				'rank'
			)
		]);
	if (filter.ids) chosen = chosen.where('k.id', 'in', filter.ids.length ? filter.ids : [-1]);
	if (filter.goalIds) {
		chosen = chosen.where('k.goal_id', 'in', filter.goalIds.length ? filter.goalIds : [-1]);
	}
	if (filter.status) chosen = chosen.where(statusOf, '=', filter.status);
	let ids = db.selectFrom(chosen.as('c')).select('c.id');
	if (filter.perGoal !== undefined) ids = ids.where('c.rank', '<=', filter.perGoal);
	if (filter.limit !== undefined) ids = ids.orderBy('c.code').limit(filter.limit);
	return ids;
}

/** Replaces the year statuses of the given KPIs (all when null) with `rows`. */
export async function replaceYearStatuses(
	db: Executor,
	kpiIds: number[] | null,
	rows: Insertable<Database['kpi_year_status']>[]
): Promise<void> {
	let stale = db.deleteFrom('kpi_year_status');
	if (kpiIds) stale = stale.where('kpi_id', 'in', kpiIds);
	await stale.execute();
	for (let i = 0; i < rows.length; i += 1000) {
		await db
			.insertInto('kpi_year_status')
			.values(rows.slice(i, i + 1000))
			.execute();
	}
}

/** Whether KPIs have targets or actuals but no year statuses (a database from before the table). */
export async function yearStatusMissing(db: Executor): Promise<boolean> {
	const r = await sql<{ missing: boolean }>`
		select (exists (select 1 from kpi_target) or exists (select 1 from kpi_actual))
			and not exists (select 1 from kpi_year_status) as missing`.execute(db);
	return r.rows[0]?.missing ?? false;
}

export const lockById = (trx: Executor, id: number) => lockForUpdate(trx, 'kpi', id);

/** Every KPI, locked for the rest of the transaction (an import of actuals). */
export function lockAll(trx: Executor) {
	return trx.selectFrom('kpi').selectAll().forUpdate().execute();
}

/** Whether the KPI has any recorded actual. */
export async function hasActuals(db: Executor, kpiId: number): Promise<boolean> {
	const row = await db
		.selectFrom('kpi_actual')
		.select('id')
		.where('kpi_id', '=', kpiId)
		.executeTakeFirst();
	return row !== undefined;
}

/** What keeps a KPI from being deleted: its recorded actuals. */
export function dependants(db: Executor, kpiId: number) {
	return countDependants(db, kpiId, [
		{ key: 'goals_dep_actuals', table: 'kpi_actual', column: 'kpi_id' }
	]);
}

/** The targets a period is judged against: its own and its year's. */
export function targetsForPeriod(db: Executor, kpiId: number, period: string) {
	return db
		.selectFrom('kpi_target')
		.selectAll()
		.where('kpi_id', '=', kpiId)
		.where('period', 'in', [period, period.slice(0, 4)])
		.execute();
}

/**
 * Writes the year's actual unit cost (CZK, two decimals) of each KPI whose source is
 * `process_unit_cost` as its yearly actual; returns the KPIs whose value changed.
 */
export async function syncUnitCostActuals(db: Executor, year: number): Promise<number[]> {
	const changed = await sql<{ kpi_id: number }>`
		insert into kpi_actual (kpi_id, period, value, comment)
		select k.id, ${String(year)}, pcy.unit_cost::numeric / 100, 'costs'
		from kpi k
		join process_cost_year pcy on pcy.process_id = k.source_process_id
			and pcy.year = ${year} and pcy.kind = 'actual'
		where k.source = 'process_unit_cost' and pcy.unit_cost is not null
		on conflict (kpi_id, period) do update set value = excluded.value,
			recorded_at = now(), version = kpi_actual.version + 1
		where kpi_actual.value is distinct from excluded.value
		returning kpi_id`.execute(db);
	return changed.rows.map((r) => r.kpi_id);
}

/** The comments recorded with the actuals of the KPIs (typed KPIs only: computed ones mark theirs). */
export function actualComments(db: Executor, kpiIds: number[]) {
	return db
		.selectFrom('kpi_actual as a')
		.innerJoin('kpi as k', 'k.id', 'a.kpi_id')
		.select(['a.kpi_id', 'a.period', 'a.comment'])
		.where('a.kpi_id', 'in', kpiIds)
		.where('k.source', '=', 'manual')
		.where('a.comment', 'is not', null)
		.where('a.comment', '<>', '')
		.execute();
}

/**
 * Writes `value` as the actual for `period` of every KPI whose source is `source` (null removes
 * it); returns the KPIs whose value changed.
 */
export async function syncSourceActuals(
	db: Executor,
	source: string,
	period: string,
	value: string | null
): Promise<number[]> {
	if (value === null) {
		const gone = await db
			.deleteFrom('kpi_actual')
			.where('period', '=', period)
			.where('kpi_id', 'in', db.selectFrom('kpi').select('id').where('source', '=', source))
			.returning('kpi_id')
			.execute();
		return gone.map((r) => r.kpi_id);
	}
	const changed = await sql<{ kpi_id: number }>`
		insert into kpi_actual (kpi_id, period, value, comment)
		select k.id, ${period}, ${value}::numeric, 'costs' from kpi k where k.source = ${source}
		on conflict (kpi_id, period) do update set value = excluded.value,
			recorded_at = now(), version = kpi_actual.version + 1
		where kpi_actual.value is distinct from excluded.value
		returning kpi_id`.execute(db);
	return changed.rows.map((r) => r.kpi_id);
}

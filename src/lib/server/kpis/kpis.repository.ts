import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
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

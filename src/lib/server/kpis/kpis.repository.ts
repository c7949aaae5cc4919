import type { Executor } from '../audit/audit';

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

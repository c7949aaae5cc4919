import type { Executor } from '../audit/audit';

/** KPIs and processes an admin can choose to publish. */
export async function choices(db: Executor) {
	const [kpis, processes] = await Promise.all([
		db.selectFrom('kpi').select(['id', 'code', 'name']).orderBy('code').execute(),
		db
			.selectFrom('process')
			.select(['id', 'code', 'name'])
			.where('status', '=', 'active')
			.orderBy('code')
			.execute()
	]);
	return { kpis, processes };
}

// Choices the costs forms offer: org units, processes, initiatives, položky.
import type { Executor } from '../audit/audit';

/** The org units, by code (a filter's choices). */
export function units(db: Executor) {
	return db.selectFrom('org_unit').select(['id', 'code', 'name']).orderBy('code').execute();
}

export async function options(db: Executor) {
	const [unitList, processes, initiatives, categories] = await Promise.all([
		units(db),
		db
			.selectFrom('process')
			.select(['id', 'code', 'name', 'org_unit_id'])
			.where('status', '!=', 'retired')
			.orderBy('code')
			.execute(),
		db.selectFrom('initiative').select(['id', 'code', 'name']).orderBy('code').execute(),
		db
			.selectFrom('cost_category')
			.select(['polozka', 'name', 'nature'])
			.orderBy('polozka')
			.execute()
	]);
	return { units: unitList, processes, initiatives, categories };
}

// Choices the costs forms offer: org units, processes, initiatives, položky.
import type { Executor } from '../audit/audit';

export async function options(db: Executor) {
	const [units, processes, initiatives, categories] = await Promise.all([
		db.selectFrom('org_unit').select(['id', 'code', 'name']).orderBy('code').execute(),
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
	return { units, processes, initiatives, categories };
}

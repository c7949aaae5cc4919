import type { Executor } from '../audit/audit';

export function all(db: Executor) {
	return db
		.selectFrom('org_unit')
		.select(['id', 'code', 'name', 'parent_id', 'description', 'version'])
		.orderBy('code')
		.execute();
}

export function years(db: Executor, fromYear: number, toYear: number) {
	return db
		.selectFrom('org_unit_year')
		.selectAll()
		.where('year', '>=', fromYear)
		.where('year', '<=', toYear)
		.execute();
}

export async function dependants(db: Executor, id: number) {
	const [children, processes, costs] = await Promise.all([
		db
			.selectFrom('org_unit')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('parent_id', '=', id)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('process')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('org_unit_id', '=', id)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('cost_entry')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('org_unit_id', '=', id)
			.executeTakeFirstOrThrow()
	]);
	return [
		{ key: 'processes_dep_child_units', count: Number(children.n) },
		{ key: 'processes_dep_processes', count: Number(processes.n) },
		{ key: 'processes_dep_cost_entries', count: Number(costs.n) }
	];
}

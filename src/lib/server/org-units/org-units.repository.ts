import type { Executor } from '../audit/audit';
import { countDependants, lockForUpdate } from '../shared/versioned';

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

/** What keeps a unit from being deleted: its sub-units, processes and cost entries. */
export function dependants(db: Executor, id: number) {
	return countDependants(db, id, [
		{ key: 'processes_dep_child_units', table: 'org_unit', column: 'parent_id' },
		{ key: 'processes_dep_processes', table: 'process', column: 'org_unit_id' },
		{ key: 'processes_dep_cost_entries', table: 'cost_entry', column: 'org_unit_id' }
	]);
}

/** Every unit's parent (for the parent checks). */
export function parents(db: Executor) {
	return db.selectFrom('org_unit').select(['id', 'parent_id']).execute();
}

export const lockById = (trx: Executor, id: number) => lockForUpdate(trx, 'org_unit', id);

/** Deletes a unit's yearly staff and cost rows (before the unit itself). */
export function deleteYears(trx: Executor, id: number) {
	return trx.deleteFrom('org_unit_year').where('org_unit_id', '=', id).execute();
}

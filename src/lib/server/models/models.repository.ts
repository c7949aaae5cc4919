import type { Executor } from '../audit/audit';

export function modelOf(db: Executor, processId: number) {
	return db
		.selectFrom('process_model')
		.selectAll()
		.where('process_id', '=', processId)
		.executeTakeFirst();
}

export function lockModel(db: Executor, processId: number) {
	return db
		.selectFrom('process_model')
		.selectAll()
		.where('process_id', '=', processId)
		.forUpdate()
		.executeTakeFirst();
}

export function insertModel(db: Executor, processId: number) {
	return db
		.insertInto('process_model')
		.values({ process_id: processId, version: 0 })
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function bumpModel(db: Executor, modelId: number, version: number, now: Date) {
	return db
		.updateTable('process_model')
		.set({ version, updated_at: now })
		.where('id', '=', modelId)
		.execute();
}

export function versions(db: Executor, modelId: number) {
	return db
		.selectFrom('process_model_version as v')
		.leftJoin('app_user as u', 'u.id', 'v.created_by')
		.select([
			'v.number',
			'v.note',
			'v.counts',
			'v.laid_out',
			'v.restored_from',
			'v.created_at',
			'u.display_name as created_by_name'
		])
		.where('v.model_id', '=', modelId)
		.orderBy('v.number', 'desc')
		.execute();
}

export function version(db: Executor, modelId: number, number: number) {
	return db
		.selectFrom('process_model_version as v')
		.leftJoin('app_user as u', 'u.id', 'v.created_by')
		.select([
			'v.number',
			'v.xml',
			'v.elements',
			'v.laid_out',
			'v.note',
			'v.created_at',
			'u.display_name as created_by_name'
		])
		.where('v.model_id', '=', modelId)
		.where('v.number', '=', number)
		.executeTakeFirst();
}

export function insertVersion(
	db: Executor,
	row: {
		model_id: number;
		number: number;
		xml: string;
		note: string | null;
		counts: string;
		elements: string;
		laid_out: boolean;
		restored_from: number | null;
		created_by: number | null;
		created_at: Date;
	}
) {
	return db.insertInto('process_model_version').values(row).execute();
}

export function links(db: Executor, modelId: number) {
	return db
		.selectFrom('process_model_link')
		.selectAll()
		.where('model_id', '=', modelId)
		.orderBy('element_id')
		.execute();
}

export function lockLink(db: Executor, modelId: number, elementId: string) {
	return db
		.selectFrom('process_model_link')
		.selectAll()
		.where('model_id', '=', modelId)
		.where('element_id', '=', elementId)
		.forUpdate()
		.executeTakeFirst();
}

/** Every process's model with its latest version's date and how complete its links are. */
export function coverage(db: Executor) {
	return db
		.selectFrom('process_model as m')
		.select(['m.id', 'm.process_id', 'm.version', 'm.updated_at'])
		.where('m.version', '>', 0)
		.execute();
}

export function allLinks(db: Executor) {
	return db
		.selectFrom('process_model_link')
		.select(['model_id', 'element_id', 'kind', 'process_role_id', 'minutes'])
		.execute();
}

export function latestElements(db: Executor) {
	return db
		.selectFrom('process_model as m')
		.innerJoin('process_model_version as v', (j) =>
			j.onRef('v.model_id', '=', 'm.id').onRef('v.number', '=', 'm.version')
		)
		.select(['m.id', 'm.process_id', 'v.elements'])
		.execute();
}

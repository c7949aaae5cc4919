// Every query of the process-models area; the service keeps the rules, the transactions and the
// audit record.
import type { Executor } from '../audit/audit';

/** The process a model belongs to: its code and owner (who may edit). */
export function processOf(db: Executor, processId: number) {
	return db
		.selectFrom('process')
		.select(['id', 'code', 'owner_user_id'])
		.where('id', '=', processId)
		.executeTakeFirst();
}

export function processByCode(db: Executor, code: string) {
	return db.selectFrom('process').select('id').where('code', '=', code).executeTakeFirst();
}

/** What a link may name: the card's RACI roles and information assets, and any org unit. */
export async function linkOptions(db: Executor, processId: number) {
	const [roles, assets, units] = await Promise.all([
		db.selectFrom('process_role').select('id').where('process_id', '=', processId).execute(),
		db.selectFrom('process_asset').select('asset_id').where('process_id', '=', processId).execute(),
		db.selectFrom('org_unit').select('id').execute()
	]);
	return {
		roles: new Set(roles.map((r) => r.id)),
		assets: new Set(assets.map((a) => a.asset_id)),
		units: new Set(units.map((u) => u.id))
	};
}

/** The process's volume, its full cost (actual) and every unit's hourly cost in a year. */
export async function yearFigures(db: Executor, processId: number, year: number) {
	const [volume, units, cost] = await Promise.all([
		db
			.selectFrom('process_year')
			.select('volume')
			.where('process_id', '=', processId)
			.where('year', '=', year)
			.executeTakeFirst(),
		hourlyCosts(db, year),
		db
			.selectFrom('process_cost_year')
			.select('full_cost')
			.where('process_id', '=', processId)
			.where('year', '=', year)
			.where('kind', '=', 'actual')
			.executeTakeFirst()
	]);
	return { volume: volume?.volume ?? null, hourly: units, fullCost: cost?.full_cost ?? null };
}

/** Every org unit's hourly cost in a year (haléře; null = unknown). */
export async function hourlyCosts(db: Executor, year: number) {
	const units = await db
		.selectFrom('org_unit_year')
		.select(['org_unit_id', 'hourly_cost'])
		.where('year', '=', year)
		.execute();
	return new Map(units.map((u) => [u.org_unit_id, u.hourly_cost]));
}

/** Every process's volume in a year. */
export async function volumes(db: Executor, year: number) {
	const rows = await db
		.selectFrom('process_year')
		.select(['process_id', 'volume'])
		.where('year', '=', year)
		.execute();
	return new Map(rows.map((r) => [r.process_id, r.volume]));
}

export function modelOf(db: Executor, processId: number) {
	return db
		.selectFrom('process_model')
		.selectAll()
		.where('process_id', '=', processId)
		.executeTakeFirst();
}

export function insertModel(db: Executor, processId: number) {
	return db
		.insertInto('process_model')
		.values({ process_id: processId, version: 0 })
		.returningAll()
		.executeTakeFirstOrThrow();
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
			'v.svg',
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
		svg: string | null;
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
		.select(['m.id', 'm.process_id', 'm.version', 'v.elements'])
		.execute();
}

/** The links of every model (one query for the modelled hours of many processes). */
export function everyLink(db: Executor) {
	return db.selectFrom('process_model_link').selectAll().orderBy('element_id').execute();
}

/** The processes that have a model, by code (the council report's choice of diagrams). */
export function modelledProcesses(db: Executor) {
	return db
		.selectFrom('process_model as m')
		.innerJoin('process as p', 'p.id', 'm.process_id')
		.select(['p.id', 'p.code', 'p.name'])
		.where('m.version', '>', 0)
		.orderBy('p.code')
		.execute();
}

/** The latest version's picture and elements of the chosen processes, for the report. */
export function latestDiagrams(db: Executor, processIds: number[]) {
	return db
		.selectFrom('process_model as m')
		.innerJoin('process as p', 'p.id', 'm.process_id')
		.innerJoin('process_model_version as v', (j) =>
			j.onRef('v.model_id', '=', 'm.id').onRef('v.number', '=', 'm.version')
		)
		.select(['p.id', 'p.code', 'p.name', 'v.number', 'v.created_at', 'v.svg', 'v.elements'])
		.where('p.id', 'in', processIds)
		.orderBy('p.code')
		.execute();
}

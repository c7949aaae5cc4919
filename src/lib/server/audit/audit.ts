import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditRecord {
	userId: number | null;
	action: string;
	entity: string;
	entityId: string | number | null;
	before?: unknown;
	after?: unknown;
}

/** JSON that survives bigint money and Dates. */
function toJson(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * Records a change in the audit log. Pass the transaction that makes the change, so the record
 * and the change commit or roll back together.
 */
export async function record(db: Executor, event: AuditRecord): Promise<void> {
	await db
		.insertInto('audit_event')
		.values({
			user_id: event.userId,
			action: event.action,
			entity: event.entity,
			entity_id: event.entityId === null ? null : String(event.entityId),
			before: toJson(event.before),
			after: toJson(event.after)
		})
		.execute();
}

export interface AuditFilter {
	entity?: string;
	entityId?: string;
	userId?: number;
	/** Records from this instant on (inclusive) … */
	from?: Date;
	/** … and before this one (exclusive). */
	to?: Date;
	limit?: number;
	before?: bigint;
}

export async function list(db: Executor, filter: AuditFilter = {}) {
	let query = db
		.selectFrom('audit_event')
		.leftJoin('app_user', 'app_user.id', 'audit_event.user_id')
		.select([
			'audit_event.id',
			'audit_event.occurred_at',
			'audit_event.action',
			'audit_event.entity',
			'audit_event.entity_id',
			'audit_event.before',
			'audit_event.after',
			'app_user.username',
			'app_user.display_name'
		])
		.orderBy('audit_event.id', 'desc')
		.limit(filter.limit ?? 100);
	if (filter.entity) query = query.where('audit_event.entity', '=', filter.entity);
	if (filter.entityId) query = query.where('audit_event.entity_id', '=', filter.entityId);
	if (filter.userId) query = query.where('audit_event.user_id', '=', filter.userId);
	if (filter.before !== undefined) query = query.where('audit_event.id', '<', filter.before);
	if (filter.from) query = query.where('audit_event.occurred_at', '>=', filter.from);
	if (filter.to) query = query.where('audit_event.occurred_at', '<', filter.to);
	return query.execute();
}

/** The users who have changed anything, for the log's "who" filter. */
export async function actors(db: Executor): Promise<{ id: number; name: string }[]> {
	return db
		.selectFrom('app_user')
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('audit_event')
					.select('id')
					.whereRef('audit_event.user_id', '=', 'app_user.id')
			)
		)
		.select(['id', 'display_name as name'])
		.orderBy('display_name')
		.execute();
}

export async function userNames(db: Executor, ids: number[]): Promise<Record<string, string>> {
	if (ids.length === 0) return {};
	const rows = await db
		.selectFrom('app_user')
		.select(['id', 'display_name'])
		.where('id', 'in', ids)
		.execute();
	return Object.fromEntries(rows.map((r) => [String(r.id), r.display_name]));
}

/** Where the name of an object of each kind is kept. */
const NAME_SOURCES: Record<string, { table: string; column: string }> = {
	goal: { table: 'goal', column: 'name' },
	kpi: { table: 'kpi', column: 'name' },
	process: { table: 'process', column: 'name' },
	initiative: { table: 'initiative', column: 'name' },
	milestone: { table: 'milestone', column: 'name' },
	risk: { table: 'programme_risk', column: 'description' },
	org_unit: { table: 'org_unit', column: 'name' },
	person: { table: 'person', column: 'name' },
	user: { table: 'app_user', column: 'display_name' },
	app_user: { table: 'app_user', column: 'display_name' },
	caf_round: { table: 'caf_round', column: 'name' },
	caf_action: { table: 'caf_action', column: 'title' },
	competence: { table: 'competence', column: 'name' },
	info_asset: { table: 'info_asset', column: 'name' },
	import_batch: { table: 'import_batch', column: 'file_name' },
	api_token: { table: 'api_token', column: 'name' }
};

/**
 * The present names of the objects a page of the log refers to, by kind and id. An object deleted
 * since has none; people's names only when `withPeople`.
 */
export async function objectNames(
	db: Executor,
	refs: { entity: string; entityId: string | null }[],
	withPeople: boolean
): Promise<Map<string, string>> {
	const byKind = new Map<string, Set<string>>();
	for (const { entity, entityId } of refs) {
		if (!entityId || !/^\d{1,18}$/.test(entityId) || !NAME_SOURCES[entity]) continue;
		if (entity === 'person' && !withPeople) continue;
		if (!byKind.has(entity)) byKind.set(entity, new Set());
		byKind.get(entity)!.add(entityId);
	}
	const names = new Map<string, string>();
	for (const [entity, ids] of byKind) {
		const { table, column } = NAME_SOURCES[entity];
		const rows = await sql<{ id: string; name: string }>`
			select id::text as id, ${sql.ref(column)} as name from ${sql.table(table)}
			where id in (${sql.join([...ids].map((id) => BigInt(id)))})`.execute(db);
		for (const row of rows.rows) names.set(`${entity}:${row.id}`, row.name);
	}
	return names;
}

export async function entities(db: Executor): Promise<string[]> {
	const rows = await db
		.selectFrom('audit_event')
		.select('entity')
		.distinct()
		.orderBy('entity')
		.execute();
	return rows.map((r) => r.entity);
}

import type { Kysely, Transaction } from 'kysely';
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
	if (filter.before) query = query.where('audit_event.id', '<', filter.before);
	return query.execute();
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

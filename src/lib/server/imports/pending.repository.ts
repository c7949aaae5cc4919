// Every query on import_pending: files pushed to POST /api/v1/imports that wait, whole, for a
// clerk to decide their unknown codes on /costs/import.
import { sql, type Insertable } from 'kysely';
import type { Executor } from '../audit/audit';
import type { Database } from '../db/schema';
import { lockForUpdate } from '../shared/versioned';

export async function insert(db: Executor, values: Insertable<Database['import_pending']>) {
	return db.insertInto('import_pending').values(values).returning('id').executeTakeFirstOrThrow();
}

/** The files still waiting, oldest first, without their bytes. */
export function waiting(db: Executor) {
	return db
		.selectFrom('import_pending as p')
		.leftJoin('app_user as u', 'u.id', 'p.pushed_by')
		.select([
			'p.id',
			'p.file_name',
			'p.format',
			'p.options',
			'p.unknown',
			'p.rows_read',
			'p.pushed_at',
			'p.version',
			'u.display_name as pushed_by_name'
		])
		.where('p.status', '=', 'pending')
		.orderBy('p.id')
		.execute();
}

/** One waiting file with its bytes; undefined when there is none or it is no longer pending. */
export function findWaiting(db: Executor, id: number) {
	return db
		.selectFrom('import_pending')
		.selectAll()
		.where('id', '=', id)
		.where('status', '=', 'pending')
		.executeTakeFirst();
}

export const lockById = (trx: Executor, id: number) =>
	lockForUpdate(trx, 'import_pending', id, 'import_pending');

/** Done (imported as `batchId`) or discarded: the bytes go, the record stays for the audit. */
export async function resolve(
	trx: Executor,
	id: number,
	actorId: number,
	outcome: { status: 'imported'; batchId: number } | { status: 'discarded' }
): Promise<void> {
	await trx
		.updateTable('import_pending')
		.set({
			status: outcome.status,
			batch_id: outcome.status === 'imported' ? outcome.batchId : null,
			content: null,
			resolved_by: actorId,
			resolved_at: sql`now()`,
			version: sql`version + 1`
		})
		.where('id', '=', id)
		.execute();
}

/** A file with these bytes already waiting (the same push repeated). */
export function findWaitingByHash(db: Executor, hash: string) {
	return db
		.selectFrom('import_pending')
		.select('id')
		.where('content_hash', '=', hash)
		.where('status', '=', 'pending')
		.executeTakeFirst();
}

// Step 4, rollback: an imported batch (by id, at the version the user saw) → its ledger lines
// removed in one transaction, the months it replaced put back as they were, aggregates and process
// costs refreshed, audited. The batch stays listed as rolled back. Refused (BatchStateError) when
// the batch is no longer imported, or while a later import that replaced some of its months stands.
import { sql } from 'kysely';
import { refreshLedgerStatistics } from '../db/statistics';
import * as audit from '../audit/audit';
import type { Db } from '../db';
import { applyBatchDelta } from '../costs/aggregates';
import { ConflictError, NotFoundError } from '../shared/errors';
import { refreshProcessCosts } from '../allocation/allocation.service';
import { restoreReplaced, standingReplacements } from './replace';

export class BatchStateError extends Error {
	/** `replacedBy`: later batches that replaced some of this batch's months (undo those first). */
	constructor(
		readonly status: string,
		readonly replacedBy: number[] = []
	) {
		super(`batch is ${status}`);
	}
}

/** Removes a batch's entries in one transaction; the batch stays listed as rolled back. */
export async function rollback(db: Db, actorId: number, batchId: number, expectedVersion: number) {
	const result = await db.transaction().execute(async (trx) => {
		const batch = await trx
			.selectFrom('import_batch')
			.selectAll()
			.where('id', '=', batchId)
			.forUpdate()
			.executeTakeFirst();
		if (!batch) throw new NotFoundError('import_batch');
		if (batch.version !== expectedVersion) throw new ConflictError({ status: batch.status });
		if (batch.status !== 'imported') throw new BatchStateError(batch.status);
		const replacedBy = await standingReplacements(trx, batchId);
		if (replacedBy.length) throw new BatchStateError('replaced', replacedBy);
		await applyBatchDelta(trx, batchId, -1);
		const deleted = await trx.deleteFrom('cost_entry').where('batch_id', '=', batchId).execute();
		const restored = await restoreReplaced(trx, actorId, batchId);
		await trx
			.updateTable('import_batch')
			.set({
				status: 'rolled_back',
				rolled_back_at: sql`now()`,
				rolled_back_by: actorId,
				version: sql`version + 1`
			})
			.where('id', '=', batchId)
			.execute();
		const years: number[] = [];
		if (batch.month_from && batch.month_to) {
			for (
				let y = Number(batch.month_from.slice(0, 4));
				y <= Number(batch.month_to.slice(0, 4));
				y++
			) {
				years.push(y);
			}
		}
		await refreshProcessCosts(trx, years);
		await audit.record(trx, {
			userId: actorId,
			action: 'costs.rollback',
			entity: 'import_batch',
			entityId: batchId,
			before: { status: batch.status, rows: batch.rows_imported, total: batch.total },
			after: {
				status: 'rolled_back',
				deleted: Number(deleted[0]?.numDeletedRows ?? 0n),
				restored
			}
		});
		return { deleted: Number(deleted[0]?.numDeletedRows ?? 0n), restored };
	});
	// Taking many lines out changes the planner's counts as much as putting them in.
	await refreshLedgerStatistics(db, result.deleted);
	return result;
}

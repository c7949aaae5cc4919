// Per-month replace: a file from the same source (format family and kind) that covers months the
// ledger already holds from that source replaces exactly those months — never the whole year. The
// rows it takes out are kept whole in cost_entry_replaced, so rolling the replacing batch back puts
// them back as they were; the earlier batch stays listed, linked through import_batch_replacement.
import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import { applyLedgerDelta } from '../costs/aggregates';
import type { EntryKind } from './source-row';

/** Accounting-system formats whose monthly exports replace earlier ones by default. */
const REPLACING_FORMATS = new Set(['kxx', 'internet-stream', 'zip', 'vera', 'cityvizor']);

export type ImportMode = 'replace' | 'append';

/** Replace for the accounting formats (their exports are re-sent per month), append otherwise. */
export function defaultMode(format: string): ImportMode {
	return REPLACING_FORMATS.has(format) ? 'replace' : 'append';
}

/** The formats that count as one source: an Internet Stream ZIP and its CSVs are the same system. */
export function sourceFormats(format: string): string[] {
	return format === 'zip' || format === 'internet-stream' ? ['internet-stream', 'zip'] : [format];
}

export interface ReplacedBatch {
	batchId: number;
	fileName: string;
	format: string;
	/** `YYYY-MM`, ascending */
	months: string[];
	rows: number;
	/** haléře */
	total: bigint;
}

export interface ReplacePlan {
	/** The months of the file that the ledger already holds from the same source, `YYYY-MM`. */
	months: string[];
	batches: ReplacedBatch[];
}

/**
 * Imports from one source (format family and kind) take turns: a transaction-level advisory lock,
 * held until the caller's transaction ends, on PostgreSQL and PGlite alike. The second import
 * waits here and then sees what the first committed.
 */
export async function lockSource(
	trx: Executor,
	source: { format: string; kind: EntryKind }
): Promise<void> {
	const key = `import:${sourceFormats(source.format)[0]}:${source.kind}`;
	await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** What a file covering `months` would replace; nothing is written. */
export async function planReplace(
	db: Executor,
	source: { format: string; kind: EntryKind; months: string[] }
): Promise<ReplacePlan> {
	if (source.months.length === 0) return { months: [], batches: [] };
	const found = await sql<{
		batch_id: number;
		file_name: string;
		format: string;
		month: string;
		rows: number;
		total: bigint;
	}>`
		select e.batch_id, b.file_name, b.format, to_char(e.month, 'YYYY-MM') as month,
			count(*)::int as rows, sum(e.amount)::bigint as total
		from cost_entry e join import_batch b on b.id = e.batch_id
		where b.status = 'imported' and b.kind = ${source.kind}
			and b.format = any(${sourceFormats(source.format)}::text[])
			and e.kind = ${source.kind}
			and e.month = any(${source.months.map((m) => `${m}-01`)}::date[])
		group by e.batch_id, b.file_name, b.format, e.month
		order by e.batch_id, e.month`.execute(db);
	const batches = new Map<number, ReplacedBatch>();
	for (const r of found.rows) {
		const b = batches.get(r.batch_id) ?? {
			batchId: r.batch_id,
			fileName: r.file_name,
			format: r.format,
			months: [],
			rows: 0,
			total: 0n
		};
		b.months.push(r.month);
		b.rows += r.rows;
		b.total += r.total;
		batches.set(r.batch_id, b);
	}
	const months = [...new Set(found.rows.map((r) => r.month))].sort();
	return { months, batches: [...batches.values()] };
}

/**
 * Takes the planned months of the earlier batches out of the ledger (kept for undo) on behalf of
 * `replacingBatchId`, inside the caller's transaction. Plans again at write time (the preview may
 * be stale), under a per-source lock so two imports of the same source cannot both keep a month.
 */
export async function replaceMonths(
	trx: Executor,
	actorId: number | null,
	replacingBatchId: number,
	source: { format: string; kind: EntryKind; months: string[] }
): Promise<ReplacePlan> {
	// Imports from one source take turns: the second plans only after the first has committed.
	await lockSource(trx, source);
	const plan = await planReplace(trx, source);
	if (plan.batches.length === 0) return plan;
	const ids = plan.batches.map((b) => b.batchId);
	await trx.selectFrom('import_batch').select('id').where('id', 'in', ids).forUpdate().execute();
	const monthDates = plan.months.map((m) => `${m}-01`);
	const where = sql`batch_id = any(${ids}::int[]) and kind = ${source.kind}
		and month = any(${monthDates}::date[])`;
	await applyLedgerDelta(trx, where, -1);
	await sql`
		insert into cost_entry_replaced (replacing_batch_id, batch_id, month, entry)
		select ${replacingBatchId}::int, e.batch_id, e.month, to_jsonb(e)
		from cost_entry e where ${where}`.execute(trx);
	await sql`delete from cost_entry where ${where}`.execute(trx);
	const replaced = await sql<{ batch_id: number; month: string; rows: number; total: bigint }>`
		select batch_id, month::text as month, count(*)::int as rows,
			sum((entry->>'amount')::bigint)::bigint as total
		from cost_entry_replaced where replacing_batch_id = ${replacingBatchId}
		group by batch_id, month`.execute(trx);
	await trx
		.insertInto('import_batch_replacement')
		.values(
			replaced.rows.map((r) => ({
				replacing_batch_id: replacingBatchId,
				replaced_batch_id: r.batch_id,
				month: r.month,
				rows: r.rows,
				total: r.total
			}))
		)
		.execute();
	await audit.record(trx, {
		userId: actorId,
		action: 'costs.import_replace',
		entity: 'import_batch',
		entityId: replacingBatchId,
		before: {
			batches: plan.batches.map((b) => ({
				id: b.batchId,
				months: b.months,
				rows: b.rows,
				total: b.total
			}))
		},
		after: { months: plan.months }
	});
	return plan;
}

/** Batches that replaced months of `batchId` and still stand (undo goes newest first). */
export async function standingReplacements(db: Executor, batchId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('import_batch_replacement')
		.select('replacing_batch_id')
		.distinct()
		.where('replaced_batch_id', '=', batchId)
		.where('undone_at', 'is', null)
		.orderBy('replacing_batch_id')
		.execute();
	return rows.map((r) => r.replacing_batch_id);
}

/**
 * Rolling back a replacing batch: puts the rows it replaced back into the ledger (same ids, same
 * values) and into the monthly summary, in the caller's transaction. Returns the rows restored.
 */
export async function restoreReplaced(
	trx: Executor,
	actorId: number | null,
	replacingBatchId: number
): Promise<number> {
	const restored = await sql<{ id: string }>`
		insert into cost_entry
		select (jsonb_populate_record(null::cost_entry, r.entry)).*
		from cost_entry_replaced r where r.replacing_batch_id = ${replacingBatchId}
		returning id::text`.execute(trx);
	if (restored.rows.length === 0) return 0;
	const ids = restored.rows.map((r) => r.id);
	await applyLedgerDelta(trx, sql`id = any(${ids}::bigint[])`, 1);
	await trx
		.deleteFrom('cost_entry_replaced')
		.where('replacing_batch_id', '=', replacingBatchId)
		.execute();
	const undone = await trx
		.updateTable('import_batch_replacement')
		.set({ undone_at: sql`now()` })
		.where('replacing_batch_id', '=', replacingBatchId)
		.where('undone_at', 'is', null)
		.returning(['replaced_batch_id', 'month'])
		.execute();
	await audit.record(trx, {
		userId: actorId,
		action: 'costs.import_replace_undo',
		entity: 'import_batch',
		entityId: replacingBatchId,
		after: {
			restoredRows: ids.length,
			batches: [...new Set(undone.map((u) => u.replaced_batch_id))],
			months: [...new Set(undone.map((u) => u.month.slice(0, 7)))].sort()
		}
	});
	return ids.length;
}

/** What each batch replaced and what replaced it, for the batch list. */
export async function replacementsByBatch(db: Executor, batchIds: number[]) {
	if (batchIds.length === 0) return [];
	return db
		.selectFrom('import_batch_replacement')
		.select(['replacing_batch_id', 'replaced_batch_id', 'month', 'rows', 'total', 'undone_at'])
		.where((eb) =>
			eb.or([eb('replacing_batch_id', 'in', batchIds), eb('replaced_batch_id', 'in', batchIds)])
		)
		.orderBy('month')
		.execute();
}

/**
 * Appending: an earlier batch of the same source whose rows in the file's months are the file's
 * rows again (same count and sum per month and položka) — a re-export of the same data with
 * different bytes, which the content hash cannot see. The newest such batch, or null.
 */
export async function findSameRows(
	db: Executor,
	source: {
		format: string;
		kind: EntryKind;
		totals: { month: string; polozka: string; amount: bigint; rows: number }[];
	}
): Promise<{ id: number; fileName: string; importedAt: Date } | null> {
	if (source.totals.length === 0) return null;
	const months = [...new Set(source.totals.map((t) => `${t.month}-01`))];
	const found = await sql<{
		batch_id: number;
		month: string;
		polozka: string;
		amount: bigint;
		rows: number;
	}>`
		select e.batch_id, to_char(e.month, 'YYYY-MM') as month, e.polozka,
			sum(e.amount)::bigint as amount, count(*)::int as rows
		from cost_entry e join import_batch b on b.id = e.batch_id
		where b.status = 'imported' and b.kind = ${source.kind}
			and b.format = any(${sourceFormats(source.format)}::text[])
			and e.month = any(${months}::date[])
		group by e.batch_id, e.month, e.polozka`.execute(db);
	const want = new Map(source.totals.map((t) => [`${t.month}|${t.polozka}`, t]));
	const byBatch = new Map<number, typeof found.rows>();
	for (const r of found.rows) byBatch.set(r.batch_id, [...(byBatch.get(r.batch_id) ?? []), r]);
	const same = [...byBatch]
		.filter(
			([, rows]) =>
				rows.length === want.size &&
				rows.every((r) => {
					const w = want.get(`${r.month}|${r.polozka}`);
					return !!w && w.amount === r.amount && w.rows === r.rows;
				})
		)
		.map(([id]) => id)
		.sort((a, b) => b - a);
	if (same.length === 0) return null;
	const batch = await db
		.selectFrom('import_batch')
		.select(['id', 'file_name', 'imported_at'])
		.where('id', '=', same[0])
		.executeTakeFirstOrThrow();
	return { id: batch.id, fileName: batch.file_name, importedAt: batch.imported_at };
}

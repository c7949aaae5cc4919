// Step 3, write: a clean Validation → one import batch, in one transaction: the batch row, the ORJ/
// ORG mappings chosen in the preview, the "unmapped" org unit when needed, the months a replace
// takes over, the ledger lines (bulk insert), the monthly aggregates, process costs and the audit
// entry; then the reconciliation of the file's totals with the ledger. All or nothing: any failure
// rolls the whole transaction back. `writeBatch` is the core (batch row + lines) the demo seed
// writes its ledger with.
import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Db } from '../db';
import { copyFromStdin, copyValue, pgliteOf } from '../db/engine';
import { refreshLedgerStatistics } from '../db/statistics';
import type { Executor } from '../audit/audit';
import { applyBatchDelta } from '../costs/aggregates';
import { reclassify } from '../costs/costs.repository';
import { refreshProcessCosts } from '../allocation/allocation.service';
import { isPrivatePerson } from '../costs/privacy';
import { ensureUnmappedOrgUnit } from './codes';
import { saveCodeMappings } from './code-mappings';
import { lockSource, replaceMonths } from './replace';
import type { EntryKind } from './source-row';
import type {
	ImportOptions,
	ReadResult,
	ReconciliationLine,
	ResolvedRow,
	Validation
} from './types';
import { fileTotals, findDuplicate } from './validate';

const CHUNK = 5000;

/** What an import batch records about its file, besides what its rows add up to. */
export interface BatchHeader {
	source: ImportOptions['source'];
	format: string;
	fileName: string;
	contentHash: string;
	kind: EntryKind;
	profileName: string | null;
	rowsRead: number;
	rowsSkipped: number;
}

/** The import_batch row for `rows`: their count, total, months and totals per month and položka. */
export async function insertBatch(
	trx: Executor,
	actorId: number | null,
	header: BatchHeader,
	rows: ResolvedRow[]
): Promise<number> {
	const totals = fileTotals(rows);
	const months = totals.map((t) => t.month);
	const batch = await trx
		.insertInto('import_batch')
		.values({
			source: header.source,
			format: header.format,
			file_name: header.fileName.slice(0, 255),
			content_hash: header.contentHash,
			kind: header.kind,
			profile_name: header.profileName,
			rows_read: header.rowsRead,
			rows_imported: rows.length,
			rows_skipped: header.rowsSkipped,
			total: rows.reduce((sum, r) => sum + r.row.amount, 0n),
			month_from: `${months[0]}-01`,
			month_to: `${months[months.length - 1]}-01`,
			file_totals: JSON.stringify(totals.map((t) => ({ ...t, amount: t.amount.toString() }))),
			imported_by: actorId
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return batch.id;
}

/** What every line of one batch shares. */
interface EntryContext {
	kind: EntryKind;
	batchId: number | null;
	actorId: number | null;
}

/**
 * The ledger columns an import writes, each with its type and its value for a row: the one list
 * both ways of writing use (the insert below and COPY on PostgreSQL). A new column goes here only.
 */
export const ENTRY_COLUMNS: readonly {
	name: string;
	type: 'text' | 'date' | 'bigint' | 'int' | 'bool';
	value: (r: ResolvedRow, c: EntryContext) => string | number | boolean | null;
}[] = [
	{ name: 'kind', type: 'text', value: (_, c) => c.kind },
	{ name: 'month', type: 'date', value: (r) => `${r.row.month}-01` },
	{ name: 'amount', type: 'bigint', value: (r) => r.row.amount.toString() },
	{ name: 'nature', type: 'text', value: (r) => r.nature },
	{ name: 'polozka', type: 'text', value: (r) => r.row.polozka },
	{ name: 'paragraf', type: 'text', value: (r) => r.row.paragraf },
	{ name: 'org_unit_id', type: 'int', value: (r) => r.orgUnitId },
	{ name: 'process_id', type: 'int', value: (r) => r.processId ?? null },
	{ name: 'initiative_id', type: 'int', value: (r) => r.initiativeId },
	{ name: 'text', type: 'text', value: (r) => r.row.text },
	{ name: 'orj', type: 'text', value: (r) => r.row.orj },
	{ name: 'org', type: 'text', value: (r) => r.row.org },
	{ name: 'uz', type: 'text', value: (r) => r.row.uz },
	{ name: 'document', type: 'text', value: (r) => r.row.document ?? null },
	{ name: 'entry_date', type: 'date', value: (r) => r.row.date ?? null },
	{ name: 'partner_name', type: 'text', value: (r) => r.row.partnerName ?? null },
	{ name: 'partner_ico', type: 'text', value: (r) => r.row.partnerIco ?? null },
	{
		name: 'partner_person',
		type: 'bool',
		value: (r) => isPrivatePerson(r.row.partnerName, r.row.partnerIco)
	},
	{ name: 'source_line', type: 'int', value: (r) => (r.row.line > 0 ? r.row.line : null) },
	{ name: 'batch_id', type: 'int', value: (_, c) => c.batchId },
	{ name: 'created_by', type: 'int', value: (_, c) => c.actorId }
];

/** COPY's text lines for `rows`, a chunk at a time (ENTRY_COLUMNS in order). */
function* copyChunks(rows: ResolvedRow[], c: EntryContext): Generator<string> {
	for (let i = 0; i < rows.length; i += CHUNK) {
		let text = '';
		for (const r of rows.slice(i, i + CHUNK)) {
			text += ENTRY_COLUMNS.map((col) => copyValue(col.value(r, c))).join('\t') + '\n';
		}
		yield text;
	}
}

/** Lets other work (requests, timers) run between two chunks of a long write. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The ledger lines of a batch. On PostgreSQL one COPY FROM STDIN on the transaction's own
 * connection; on PGlite a bulk insert through unnest() per chunk (a handful of array parameters),
 * giving the event loop a turn between chunks.
 */
export async function insertEntries(
	trx: Executor,
	batchId: number | null,
	actorId: number | null,
	kind: EntryKind,
	rows: ResolvedRow[],
	engine: 'postgres' | 'pglite' = 'pglite'
): Promise<void> {
	const context = { kind, batchId, actorId };
	if (engine === 'postgres') {
		const columns = ENTRY_COLUMNS.map((c) => c.name);
		await copyFromStdin(trx, 'cost_entry', columns, copyChunks(rows, context));
		return;
	}
	const columns = sql.join(ENTRY_COLUMNS.map((c) => sql.ref(c.name)));
	for (let i = 0; i < rows.length; i += CHUNK) {
		if (i > 0) await yieldToLoop();
		const chunk = rows.slice(i, i + CHUNK);
		const arrays = ENTRY_COLUMNS.map(
			(col) => sql`${chunk.map((r) => col.value(r, context))}::${sql.raw(col.type)}[]`
		);
		await sql`insert into cost_entry (${columns}) select * from unnest(${sql.join(arrays)})`.execute(
			trx
		);
	}
}

/** Which way `insertEntries` writes on this database. */
export function engineOf(db: Db): 'postgres' | 'pglite' {
	return pgliteOf(db) ? 'pglite' : 'postgres';
}

/**
 * A batch and its ledger lines, nothing else, inside the caller's transaction: no replace, no
 * aggregates, no audit (the demo seed rebuilds the aggregates once when all its batches are in).
 */
export async function writeBatch(
	trx: Executor,
	actorId: number | null,
	header: BatchHeader,
	rows: ResolvedRow[]
): Promise<number> {
	const batchId = await insertBatch(trx, actorId, header, rows);
	await insertEntries(trx, batchId, actorId, header.kind, rows);
	await reclassify(trx, sql`l.batch_id = ${batchId}`);
	return batchId;
}

/** Another import of the same file or rows committed while this one was checked: nothing written. */
export class DuplicateMeanwhile extends Error {
	constructor(readonly duplicate: NonNullable<Validation['duplicateOf']>) {
		super('imported meanwhile');
	}
}

export interface Written {
	batchId: number;
	reconciliation: ReconciliationLine[];
	replaced: Awaited<ReturnType<typeof replaceMonths>>;
	/** ms for the batch and its lines, and for aggregates, process costs, audit, reconciliation */
	writeMs: number;
	refreshMs: number;
}

/** Writes a validated file (no errors, at least one row) as one batch in one transaction. */
export async function write(
	db: Db,
	actorId: number | null,
	read: ReadResult,
	validation: Validation,
	options: ImportOptions
): Promise<Written> {
	const kind = read.kind ?? options.kind;
	const written = await db.transaction().execute(async (trx) => {
		// Imports of one source take turns; one that committed while this file was being checked
		// makes it a duplicate (unless the clerk confirmed one), never a second import.
		await lockSource(trx, { format: read.format, kind });
		if (!options.confirmDuplicate) {
			const duplicate = await findDuplicate(trx, {
				hash: validation.hash,
				format: read.format,
				kind,
				mode: validation.mode,
				resolved: validation.resolved
			});
			if (duplicate) throw new DuplicateMeanwhile(duplicate);
		}
		const w0 = performance.now();
		const rows = validation.resolved;
		const batchId = await insertBatch(
			trx,
			actorId,
			{
				source: options.source,
				format: read.format,
				fileName: options.fileName,
				contentHash: validation.hash,
				kind,
				profileName: options.profileName ?? null,
				rowsRead: validation.rowsRead,
				rowsSkipped: validation.skippedRevenue + validation.skippedFinancing
			},
			rows
		);
		if (options.mappings) await saveCodeMappings(trx, actorId, options.mappings, read.format);
		if (validation.unmappedRows) {
			const unitId = await ensureUnmappedOrgUnit(trx, actorId, 'Nezařazeno (nenamapované ORJ)');
			for (const r of rows) if (r.unmapped) r.orgUnitId = unitId;
		}
		const months = validation.monthTotals.map((m) => m.month);
		// The earlier batches' months go before this batch's lines go in, or the plan would see them.
		const replaced =
			validation.mode === 'replace'
				? await replaceMonths(trx, actorId, batchId, { format: read.format, kind, months })
				: { months: [], batches: [] };
		await insertEntries(trx, batchId, actorId, kind, rows, engineOf(db));
		// Lines booked to an approved initiative are improvement investment whatever their položka.
		await reclassify(trx, sql`l.batch_id = ${batchId}`);
		const w1 = performance.now();
		await applyBatchDelta(trx, batchId, 1);
		await refreshProcessCosts(trx, [...new Set(months.map((m) => Number(m.slice(0, 4))))]);
		await audit.record(trx, {
			userId: actorId,
			action: 'costs.import',
			entity: 'import_batch',
			entityId: batchId,
			after: {
				fileName: options.fileName,
				kind,
				format: read.format,
				rows: rows.length,
				total: validation.total,
				hash: validation.hash,
				duplicateConfirmed: !!validation.duplicateOf,
				unmappedRows: validation.unmappedRows,
				unverifiedRows: validation.unverifiedRows,
				skippedUnknown: validation.skippedUnknown,
				replaced: replaced.batches.map((b) => ({ id: b.batchId, months: b.months }))
			}
		});
		await options.onWritten?.(trx, batchId);
		const reconciliation = await reconcile(trx, batchId);
		return {
			batchId,
			reconciliation,
			replaced,
			writeMs: w1 - w0,
			refreshMs: performance.now() - w1
		};
	});
	await refreshLedgerStatistics(db, validation.resolved.length);
	return written;
}

/** File totals per month and položka beside what the ledger holds (this batch, and in all). */
export async function reconcile(db: Executor, batchId: number): Promise<ReconciliationLine[]> {
	const batch = await db
		.selectFrom('import_batch')
		.select(['file_totals', 'kind'])
		.where('id', '=', batchId)
		.executeTakeFirstOrThrow();
	const file = (
		typeof batch.file_totals === 'string' ? JSON.parse(batch.file_totals) : batch.file_totals
	) as { month: string; polozka: string; amount: string }[];
	const inBatch = await sql<{ month: string; polozka: string; amount: bigint }>`
		select to_char(month, 'YYYY-MM') as month, polozka, sum(amount)::bigint as amount
		from cost_entry where batch_id = ${batchId} group by 1, 2`.execute(db);
	const months = [...new Set(file.map((f) => `${f.month}-01`))];
	const ledger = months.length
		? await sql<{ month: string; polozka: string; amount: bigint }>`
		select to_char(month, 'YYYY-MM') as month, polozka, sum(amount)::bigint as amount
		from cost_month_summary
		where kind = ${batch.kind} and month = any(${months}::date[])
		group by 1, 2`.execute(db)
		: { rows: [] };
	const key = (r: { month: string; polozka: string }) => `${r.month}|${r.polozka}`;
	const batchMap = new Map(inBatch.rows.map((r) => [key(r), r.amount]));
	const ledgerMap = new Map(ledger.rows.map((r) => [key(r), r.amount]));
	return file.map((f) => ({
		month: f.month,
		polozka: f.polozka,
		file: BigInt(f.amount),
		batch: batchMap.get(key(f)) ?? 0n,
		ledger: ledgerMap.get(key(f)) ?? 0n
	}));
}

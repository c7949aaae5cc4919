// The import pipeline: bytes → adapter → AdapterResult → checks against code lists and mappings →
// preview → one transaction (batch, bulk insert, audit, aggregates) → reconciliation. The web
// screen and the command line both call readFile/validate/importFile.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Db } from '../db';
import type { Executor } from '../audit/audit';
import type { CostNature } from '../db/schema';
import { applyBatchDelta } from '../costs/aggregates';
import { ConflictError, NotFoundError } from '../shared/errors';
import { refreshProcessCosts } from '../allocation/allocation.service';
import { adaptTable, type Table } from './generic';
import { recogniseColumns, type ColumnMapping } from './columns';
import { detectFormat, formatAdapters } from './registry';
import { registryEntries } from './formats';
import { codeKey, ensureUnmappedOrgUnit, UNMAPPED_ORG_UNIT_CODE } from './codes';
import { keepOneKind } from './formats/kind';
import {
	defaultMode,
	findSameRows,
	planReplace,
	replaceMonths,
	restoreReplaced,
	standingReplacements,
	type ImportMode,
	type ReplacePlan
} from './replace';
import { saveCodeMappings, type CodeMappings } from './code-mappings';
import type { AdapterResult, EntryKind, RowMessage, SourceRow } from './source-row';
import { decode, guessDelimiter, isZip, looksBinary, parseCsv, type EncodingChoice } from './text';
import { readXlsx } from './xlsx';
import { currentMonth, systemClock, type Clock } from '../shared/clock';

for (const [id, adapter] of registryEntries) formatAdapters.set(id, adapter);

export const LIMITS = {
	/** bytes */
	maxFileSize: 50 * 1024 * 1024,
	maxRows: 200_000
};

export interface ReadOptions {
	fileName: string;
	kind: EntryKind;
	encoding?: EncodingChoice;
	/** Column mapping for CSV/XLSX; without it, columns are recognised by their header names. */
	mapping?: ColumnMapping | null;
	/** Force a registered format (or `csv`, `xlsx`) instead of detecting it. */
	format?: string | null;
	/** The year for budget lines without a date (CityVizor, Internet Stream budgets). */
	year?: number | null;
}

export interface ReadResult {
	format: string;
	encoding: string | null;
	delimiter: string | null;
	headers: string[];
	mapping: ColumnMapping;
	/** The first lines as read, for the mapping screen. */
	sample: { line: number; cells: string[] }[];
	result: AdapterResult;
	/** The kind the file itself says (KXX sections, Internet Stream file names), when it does. */
	kind?: EntryKind;
}

function fileFailure(format: string, key: string, params?: RowMessage['params']): ReadResult {
	return {
		format,
		encoding: null,
		delimiter: null,
		headers: [],
		mapping: {},
		sample: [],
		result: {
			format,
			rowsRead: 0,
			rows: [],
			skipped: [],
			errors: [{ line: 0, field: 'file', key, params }],
			warnings: []
		}
	};
}

function fromTable(table: Table, options: ReadOptions, format: string): ReadResult {
	const mapping =
		options.mapping && Object.values(options.mapping).some(Boolean)
			? options.mapping
			: recogniseColumns(table.headers);
	const sample = table.records.slice(0, 10);
	if (table.headers.length === 0) return fileFailure(format, 'costs_err_empty');
	if (table.records.length === 0) {
		return { ...fileFailure(format, 'costs_err_header_only'), headers: table.headers, mapping };
	}
	if (table.records.length > LIMITS.maxRows) {
		return fileFailure(format, 'costs_err_too_many_rows', { max: LIMITS.maxRows });
	}
	return {
		format,
		encoding: null,
		delimiter: null,
		headers: table.headers,
		mapping,
		sample,
		result: adaptTable(table, mapping, options.kind, format)
	};
}

export async function readFile(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
	if (bytes.length === 0) return fileFailure('csv', 'costs_err_empty');
	if (bytes.length > LIMITS.maxFileSize) {
		return fileFailure('csv', 'costs_err_too_large', {
			max: Math.round(LIMITS.maxFileSize / 1024 / 1024)
		});
	}
	const name = options.fileName.toLowerCase();
	const format = options.format || detectFormat(bytes, options.fileName);
	const adapter = format ? formatAdapters.get(format) : undefined;
	if (format && adapter) {
		const read = await adapter.read(bytes, {
			fileName: options.fileName,
			encoding: options.encoding,
			kind: options.kind,
			year: options.year ?? undefined
		});
		const { result, kind } = keepOneKind(read, options.kind);
		return {
			format,
			encoding: result.encoding ?? null,
			delimiter: null,
			headers: [],
			mapping: {},
			sample: [],
			result,
			kind
		};
	}
	if (isZip(bytes) || name.endsWith('.xlsx') || format === 'xlsx') {
		try {
			const table = await readXlsx(bytes, LIMITS.maxRows);
			return fromTable(table, options, 'xlsx');
		} catch {
			return fileFailure('xlsx', 'costs_err_not_xlsx');
		}
	}
	if (looksBinary(bytes)) return fileFailure('csv', 'costs_err_binary');
	const decoded = decode(bytes, options.encoding ?? 'auto');
	if (decoded.invalidLine !== null) {
		return fileFailure('csv', 'costs_err_encoding', {
			line: decoded.invalidLine,
			encoding: decoded.encoding
		});
	}
	const delimiter = guessDelimiter(decoded.text);
	const records = parseCsv(decoded.text, delimiter);
	const [header, ...rest] = records;
	const table: Table = {
		headerLine: header?.line ?? 1,
		headers: (header?.cells ?? []).map((h) => h.trim()),
		records: rest
	};
	if (table.headers.length === 1 && table.headers[0] === '') table.headers = [];
	const read = fromTable(table, options, 'csv');
	return { ...read, encoding: decoded.encoding, delimiter };
}

export interface UnknownCode {
	field: 'polozka' | 'orj' | 'org' | 'paragraf';
	code: string;
	count: number;
}

export interface MonthTotal {
	month: string;
	amount: bigint;
	rows: number;
}

export interface Validation {
	hash: string;
	rowsRead: number;
	rowsToImport: number;
	skippedRevenue: number;
	skippedFinancing: number;
	ignored: number;
	total: bigint;
	year: number | null;
	errors: RowMessage[];
	warnings: RowMessage[];
	unknown: UnknownCode[];
	monthTotals: MonthTotal[];
	/** The same file (content hash), or — when appending — the same rows from the same source. */
	duplicateOf: { id: number; fileName: string; importedAt: Date } | null;
	/** Resolved per row (same order as result.rows) when there are no errors. */
	resolved: ResolvedRow[];
	/** Rows whose ORJ nobody mapped, going to the "unmapped" org unit (only when allowed). */
	unmappedRows: number;
	/** Append, or replace the months the ledger already holds from the same source. */
	mode: ImportMode;
	/** What a replace takes out (empty when appending or nothing overlaps). */
	replaces: ReplacePlan;
}

export interface ResolvedRow {
	row: SourceRow;
	orgUnitId: number | null;
	initiativeId: number | null;
	nature: CostNature;
	/** ORJ not mapped: the row goes to the "unmapped" org unit. */
	unmapped?: boolean;
}

export function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

interface Lookups {
	categories: Map<string, CostNature>;
	paragrafy: Set<string>;
	orj: Map<string, number>;
	org: Map<string, number>;
}

async function lookups(db: Executor): Promise<Lookups> {
	const [categories, paragrafy, orjMap, units, orgMap, initiatives] = await Promise.all([
		db.selectFrom('cost_category').select(['polozka', 'nature']).execute(),
		db.selectFrom('cost_paragraf').select('paragraf').execute(),
		db.selectFrom('orj_mapping').select(['orj', 'org_unit_id']).execute(),
		db.selectFrom('org_unit').select(['id', 'code']).execute(),
		db.selectFrom('org_mapping').select(['org', 'initiative_id']).execute(),
		db.selectFrom('initiative').select(['id', 'code']).execute()
	]);
	// An ORJ equal to an org unit's code needs no mapping row; an explicit mapping wins. Codes
	// compare by codeKey (case and a numeric code's leading zeros ignored).
	const orj = new Map(
		units.filter((u) => u.code !== UNMAPPED_ORG_UNIT_CODE).map((u) => [codeKey(u.code), u.id])
	);
	for (const m of orjMap) orj.set(codeKey(m.orj), m.org_unit_id);
	const org = new Map(initiatives.map((i) => [codeKey(i.code), i.id]));
	for (const m of orgMap) org.set(codeKey(m.org), m.initiative_id);
	return {
		categories: new Map(categories.map((c) => [c.polozka, c.nature])),
		paragrafy: new Set(paragrafy.map((p) => p.paragraf)),
		orj,
		org
	};
}

/** Checks every row against the code lists, mappings and the year; nothing is written. */
export async function validate(
	db: Executor,
	bytes: Uint8Array,
	read: ReadResult,
	options: {
		year?: number | null;
		/** ORJ → org unit, ORG → initiative chosen in the preview, not yet saved. */
		mappings?: CodeMappings;
		/** Unknown ORJ codes go to the "unmapped" org unit instead of being errors. */
		allowUnmapped?: boolean;
		mode?: ImportMode;
		kind?: EntryKind;
		/** Months after the current one (by this clock, in Prague) are future months. */
		clock?: Clock;
	} = {}
): Promise<Validation> {
	const { result } = read;
	const errors = [...result.errors];
	const warnings = [...result.warnings];
	const hash = sha256(bytes);
	const unknownCounts = new Map<string, UnknownCode>();
	const countUnknown = (field: UnknownCode['field'], code: string) => {
		const key = `${field}|${code}`;
		const u = unknownCounts.get(key) ?? { field, code, count: 0 };
		u.count++;
		unknownCounts.set(key, u);
	};
	const years = new Map<number, number>();
	for (const row of result.rows) {
		const y = Number(row.month.slice(0, 4));
		years.set(y, (years.get(y) ?? 0) + 1);
	}
	const year =
		options.year ?? [...years].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null;
	const look = await lookups(db);
	// Mappings chosen in the preview count only when they point at an existing unit/initiative.
	const unitIds = new Set(look.orj.values());
	const initiativeIds = new Set(look.org.values());
	for (const [code, id] of Object.entries(options.mappings?.orj ?? {})) {
		if (unitIds.has(id)) look.orj.set(codeKey(code), id);
	}
	for (const [code, id] of Object.entries(options.mappings?.org ?? {})) {
		if (initiativeIds.has(id)) look.org.set(codeKey(code), id);
	}
	let unmappedRows = 0;
	const resolved: ResolvedRow[] = [];
	const months = new Map<string, MonthTotal>();
	const latest = currentMonth(options.clock ?? systemClock);
	let total = 0n;
	for (const row of result.rows) {
		let ok = true;
		const nature = look.categories.get(row.polozka);
		if (!nature) {
			errors.push({
				line: row.line,
				field: 'polozka',
				key: 'costs_err_polozka_unknown',
				params: { value: row.polozka }
			});
			countUnknown('polozka', row.polozka);
			ok = false;
		}
		let orgUnitId: number | null = null;
		let unmapped = false;
		if (row.orj) {
			orgUnitId = look.orj.get(codeKey(row.orj)) ?? null;
			if (orgUnitId === null && options.allowUnmapped) {
				countUnknown('orj', row.orj);
				unmapped = true;
			} else if (orgUnitId === null) {
				errors.push({
					line: row.line,
					field: 'orj',
					key: 'costs_err_orj_unknown',
					params: { value: row.orj }
				});
				countUnknown('orj', row.orj);
				ok = false;
			}
		}
		let initiativeId: number | null = null;
		if (row.org) {
			initiativeId = look.org.get(codeKey(row.org)) ?? null;
			if (initiativeId === null) countUnknown('org', row.org);
		}
		if (row.paragraf && !look.paragrafy.has(row.paragraf)) {
			warnings.push({
				line: row.line,
				field: 'paragraf',
				key: 'costs_warn_paragraf_unknown',
				params: { value: row.paragraf }
			});
			countUnknown('paragraf', row.paragraf);
		}
		if (year !== null && Number(row.month.slice(0, 4)) !== year) {
			errors.push({
				line: row.line,
				field: 'date',
				key: 'costs_err_year',
				params: { value: row.month, year }
			});
			ok = false;
		} else if (row.kind === 'actual' && row.month > latest) {
			errors.push({
				line: row.line,
				field: 'date',
				key: 'costs_err_future',
				params: { value: row.month }
			});
			ok = false;
		}
		if (!ok) continue;
		total += row.amount;
		const m = months.get(row.month) ?? { month: row.month, amount: 0n, rows: 0 };
		m.amount += row.amount;
		m.rows++;
		months.set(row.month, m);
		if (unmapped) unmappedRows++;
		resolved.push({ row, orgUnitId, initiativeId, nature: nature!, unmapped });
	}
	errors.sort((a, b) => a.line - b.line);
	const previous = await db
		.selectFrom('import_batch')
		.select(['id', 'file_name', 'imported_at'])
		.where('content_hash', '=', hash)
		.where('status', '=', 'imported')
		.orderBy('id', 'desc')
		.executeTakeFirst();
	const mode = options.mode ?? defaultMode(read.format);
	// Appending rows the ledger already holds from the same source (a re-export with other bytes).
	const sameRows =
		!previous && mode === 'append' && !errors.length && resolved.length
			? await findSameRows(db, {
					format: read.format,
					kind: read.kind ?? options.kind ?? 'actual',
					totals: fileTotals(resolved).map((t) => ({ ...t, amount: BigInt(t.amount) }))
				})
			: null;
	const replaces =
		mode === 'replace' && !errors.length
			? await planReplace(db, {
					format: read.format,
					kind: read.kind ?? options.kind ?? 'actual',
					months: [...months.keys()]
				})
			: { months: [], batches: [] };
	return {
		hash,
		rowsRead: result.rowsRead,
		rowsToImport: errors.length ? 0 : resolved.length,
		skippedRevenue: result.skipped.filter((s) => s.reason === 'revenue').length,
		skippedFinancing: result.skipped.filter((s) => s.reason === 'financing').length,
		ignored: result.ignored ?? 0,
		total,
		year,
		errors,
		warnings,
		unknown: [...unknownCounts.values()].sort((a, b) => b.count - a.count),
		monthTotals: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
		duplicateOf: previous
			? { id: previous.id, fileName: previous.file_name, importedAt: previous.imported_at }
			: sameRows,
		resolved: errors.length ? [] : resolved,
		unmappedRows: errors.length ? 0 : unmappedRows,
		mode,
		replaces
	};
}

export interface ReconciliationLine {
	month: string;
	polozka: string;
	/** what the file holds */
	file: bigint;
	/** what the ledger holds from this batch */
	batch: bigint;
	/** what the ledger holds in all, this batch included */
	ledger: bigint;
}

export type ImportOutcome =
	| { status: 'invalid'; read: ReadResult; validation: Validation }
	| { status: 'duplicate'; read: ReadResult; validation: Validation }
	| { status: 'dry-run'; read: ReadResult; validation: Validation }
	| {
			status: 'imported';
			read: ReadResult;
			validation: Validation;
			batchId: number;
			reconciliation: ReconciliationLine[];
			/** The months this import took over from earlier batches of the same source. */
			replaced: ReplacePlan;
			timings: Record<string, number>;
	  };

export interface ImportOptions extends ReadOptions {
	source: 'web' | 'cli' | 'seed';
	year?: number | null;
	confirmDuplicate?: boolean;
	dryRun?: boolean;
	profileName?: string | null;
	/** Default: replace for the accounting formats, append for CSV/XLSX. */
	mode?: ImportMode;
	/** ORJ/ORG mappings chosen in the preview; saved (audited) in the import's transaction. */
	mappings?: CodeMappings;
	/** Unknown ORJ codes go to the "unmapped" org unit (command line without --strict). */
	allowUnmapped?: boolean;
	/** What "this month" is when checking for future months; the app clock by default. */
	clock?: Clock;
}

const CHUNK = 5000;

/** Reads, validates and — only when every row is good — writes the file in one transaction. */
export async function importFile(
	db: Db,
	actorId: number | null,
	bytes: Uint8Array,
	options: ImportOptions
): Promise<ImportOutcome> {
	const t0 = performance.now();
	const read = await readFile(bytes, options);
	const t1 = performance.now();
	const kind = read.kind ?? options.kind;
	const validation = await validate(db, bytes, read, {
		year: options.year,
		mappings: options.mappings,
		allowUnmapped: options.allowUnmapped,
		mode: options.mode,
		kind,
		clock: options.clock
	});
	const t2 = performance.now();
	if (validation.errors.length) return { status: 'invalid', read, validation };
	if (validation.resolved.length === 0) {
		validation.errors.push({ line: 0, field: 'file', key: 'costs_err_no_rows' });
		return { status: 'invalid', read, validation };
	}
	if (options.dryRun) return { status: 'dry-run', read, validation };
	if (validation.duplicateOf && !options.confirmDuplicate) {
		return { status: 'duplicate', read, validation };
	}
	const { batchId, reconciliation, replaced, writeMs, refreshMs } = await db
		.transaction()
		.execute(async (trx) => {
			const w0 = performance.now();
			const monthsSorted = validation.monthTotals.map((m) => m.month);
			const batch = await trx
				.insertInto('import_batch')
				.values({
					source: options.source,
					format: read.format,
					file_name: options.fileName.slice(0, 255),
					content_hash: validation.hash,
					kind,
					profile_name: options.profileName ?? null,
					rows_read: validation.rowsRead,
					rows_imported: validation.resolved.length,
					rows_skipped: validation.skippedRevenue + validation.skippedFinancing,
					total: validation.total,
					month_from: `${monthsSorted[0]}-01`,
					month_to: `${monthsSorted[monthsSorted.length - 1]}-01`,
					file_totals: JSON.stringify(fileTotals(validation.resolved)),
					imported_by: actorId
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			if (options.mappings) await saveCodeMappings(trx, actorId, options.mappings);
			if (validation.unmappedRows) {
				const unitId = await ensureUnmappedOrgUnit(trx, actorId, 'Nezařazeno (nenamapované ORJ)');
				for (const r of validation.resolved) if (r.unmapped) r.orgUnitId = unitId;
			}
			const replaced =
				validation.mode === 'replace'
					? await replaceMonths(trx, actorId, batch.id, {
							format: read.format,
							kind,
							months: monthsSorted
						})
					: { months: [], batches: [] };
			await insertEntries(trx, batch.id, actorId, kind, validation.resolved);
			const w1 = performance.now();
			await applyBatchDelta(trx, batch.id, 1);
			const years = [...new Set(monthsSorted.map((m) => Number(m.slice(0, 4))))];
			await refreshProcessCosts(trx, years);
			await audit.record(trx, {
				userId: actorId,
				action: 'costs.import',
				entity: 'import_batch',
				entityId: batch.id,
				after: {
					fileName: options.fileName,
					kind,
					format: read.format,
					rows: validation.resolved.length,
					total: validation.total,
					hash: validation.hash,
					duplicateConfirmed: !!validation.duplicateOf,
					unmappedRows: validation.unmappedRows,
					replaced: replaced.batches.map((b) => ({ id: b.batchId, months: b.months }))
				}
			});
			const reconciliation = await reconcile(trx, batch.id);
			return {
				batchId: batch.id,
				reconciliation,
				replaced,
				writeMs: w1 - w0,
				refreshMs: performance.now() - w1
			};
		});
	return {
		status: 'imported',
		read,
		validation,
		batchId,
		reconciliation,
		replaced,
		timings: { read: t1 - t0, validate: t2 - t1, write: writeMs, refresh: refreshMs }
	};
}

function fileTotals(rows: ResolvedRow[]) {
	const map = new Map<string, { month: string; polozka: string; amount: bigint; rows: number }>();
	for (const { row } of rows) {
		const key = `${row.month}|${row.polozka}`;
		const t = map.get(key) ?? { month: row.month, polozka: row.polozka, amount: 0n, rows: 0 };
		t.amount += row.amount;
		t.rows++;
		map.set(key, t);
	}
	return [...map.values()]
		.sort((a, b) => a.month.localeCompare(b.month) || a.polozka.localeCompare(b.polozka))
		.map((t) => ({ ...t, amount: t.amount.toString() }));
}

/** Bulk insert through unnest(): one statement per chunk, a handful of array parameters. */
export async function insertEntries(
	trx: Executor,
	batchId: number | null,
	actorId: number | null,
	kind: EntryKind,
	rows: ResolvedRow[]
): Promise<void> {
	for (let i = 0; i < rows.length; i += CHUNK) {
		const chunk = rows.slice(i, i + CHUNK);
		const col = <T>(f: (r: ResolvedRow) => T) => chunk.map(f);
		await sql`
			insert into cost_entry (kind, month, amount, nature, polozka, paragraf, org_unit_id,
				initiative_id, text, orj, org, uz, batch_id, created_by)
			select ${kind}, u.month::date, u.amount, u.nature, u.polozka, u.paragraf, u.org_unit_id,
				u.initiative_id, u.text, u.orj, u.org, u.uz, ${batchId}::int, ${actorId}::int
			from unnest(
				${col((r) => `${r.row.month}-01`)}::text[],
				${col((r) => r.row.amount.toString())}::bigint[],
				${col((r) => r.nature)}::text[],
				${col((r) => r.row.polozka)}::text[],
				${col((r) => r.row.paragraf)}::text[],
				${col((r) => r.orgUnitId)}::int[],
				${col((r) => r.initiativeId)}::int[],
				${col((r) => r.row.text)}::text[],
				${col((r) => r.row.orj)}::text[],
				${col((r) => r.row.org)}::text[],
				${col((r) => r.row.uz)}::text[]
			) as u(month, amount, nature, polozka, paragraf, org_unit_id, initiative_id, text, orj, org, uz)
		`.execute(trx);
	}
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
	return db.transaction().execute(async (trx) => {
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
}

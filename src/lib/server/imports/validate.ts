// Step 2, validate: a ReadResult → a Validation. Checks every line against the code lists
// (položka → nature, paragraf), the ORJ/ORG mappings (saved ones and those chosen in the preview)
// and the year, finds a duplicate file or a re-export of rows already imported, plans what a
// replace would take out, and resolves each line to its org unit, initiative and nature. Reads
// the database, writes nothing: the preview is this step's answer.
import { createHash } from 'node:crypto';
import type { Executor } from '../audit/audit';
import type { CostNature } from '../db/schema';
import { codeKey, natureOfClass, UNMAPPED_ORG_UNIT_CODE } from './codes';
import {
	choiceFor,
	loadChoices,
	type CodeChoice,
	type CodeChoices,
	type CodeField
} from './code-mappings';
import { codeStatus } from './code-lists/code-lists';
import { defaultMode, findSameRows, planReplace, type ImportMode } from './replace';
import type { EntryKind, RowMessage, SourceRow } from './source-row';
import type {
	MonthTotal,
	ReadResult,
	ResolvedRow,
	UnknownCode,
	ValidateOptions,
	Validation
} from './types';
import { currentMonth, systemClock, type Clock } from '../shared/clock';

export function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export interface Lookups {
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

/**
 * What the row checks read from the database, as plain data a worker thread can be handed: the
 * choices saved for the source, the code lists' and mappings' lookups, and this month.
 */
export interface CheckContext {
	saved: CodeChoices;
	look: Lookups;
	/** `YYYY-MM`: later months are future months */
	latest: string;
}

export async function checkContext(
	db: Executor,
	source: string,
	clock: Clock = systemClock
): Promise<CheckContext> {
	return {
		saved: await loadChoices(db, source),
		look: await lookups(db),
		latest: currentMonth(clock)
	};
}

/** What the row checks give, before the database is asked about duplicates and replaces. */
export type Checked = Omit<Validation, 'duplicateOf' | 'mode' | 'replaces'>;

/** Rows checked so far, of all: the checks report every PROGRESS_STEP rows. */
export type CheckProgress = (checked: number, total: number) => void;
const PROGRESS_STEP = 10_000;

/** Checks every row against the code lists, mappings and the year; no database, nothing written. */
export function checkRows(
	read: ReadResult,
	context: CheckContext,
	hash: string,
	options: Omit<ValidateOptions, 'clock'> = {},
	progress?: CheckProgress
): Checked {
	const { result } = read;
	const errors = [...result.errors];
	const warnings = [...result.warnings];
	const unknownCounts = new Map<string, UnknownCode>();
	const saved = context.saved;
	const given = options.mappings?.choices;
	const fallback: CodeChoice | null =
		options.unknown === 'accept' || options.unknown === 'skip' ? { action: options.unknown } : null;
	/** A choice made now wins over the one saved for the source; then the command line's default. */
	const decide = (field: CodeField, code: string) =>
		choiceFor(given, field, code) ?? choiceFor(saved, field, code) ?? fallback;
	const countUnknown = (field: CodeField, row: SourceRow, code: string) => {
		const key = `${field}|${code}`;
		const u = unknownCounts.get(key) ?? {
			field,
			code,
			count: 0,
			amount: 0n,
			choice: decide(field, code)
		};
		u.count++;
		u.amount += row.amount;
		unknownCounts.set(key, u);
		return u.choice;
	};
	let undecided = 0;
	let skippedUnknown = 0;
	let skippedAmount = 0n;
	let unverifiedRows = 0;
	/** A row the clerk chose to leave out, by one of its codes: none of its other checks count. */
	const leaveOut = (row: SourceRow) => {
		skippedUnknown++;
		skippedAmount += row.amount;
	};
	const years = new Map<number, number>();
	for (const row of result.rows) {
		const y = Number(row.month.slice(0, 4));
		years.set(y, (years.get(y) ?? 0) + 1);
	}
	const year =
		options.year ?? [...years].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null;
	// A copy: the preview's choices below are this file's, not the context's.
	const look: Lookups = {
		...context.look,
		orj: new Map(context.look.orj),
		org: new Map(context.look.org)
	};
	// Mappings chosen in the preview count only when they point at an existing unit/initiative.
	const unitIds = new Set(look.orj.values());
	const initiativeIds = new Set(look.org.values());
	for (const [code, id] of Object.entries(options.mappings?.orj ?? {})) {
		if (unitIds.has(id)) look.orj.set(codeKey(code), id);
	}
	for (const [code, id] of Object.entries(options.mappings?.org ?? {})) {
		if (initiativeIds.has(id)) look.org.set(codeKey(code), id);
	}
	// Checked against the code lists of the file's own year: a code valid only in other years is
	// unknown here; one valid this year that the cost categories lack takes its class's nature.
	const natureOf = (polozka: string): CostNature | undefined => {
		const status = year === null ? null : codeStatus('polozky', polozka, year);
		if (status === 'other-year') return undefined;
		return (
			look.categories.get(polozka) ?? (status === 'valid' ? natureOfClass(polozka) : undefined)
		);
	};
	const paragrafKnown = (paragraf: string) => {
		const status = year === null ? null : codeStatus('paragrafy', paragraf, year);
		return status !== 'other-year' && (look.paragrafy.has(paragraf) || status === 'valid');
	};
	let unmappedRows = 0;
	const resolved: ResolvedRow[] = [];
	const months = new Map<string, MonthTotal>();
	const latest = context.latest;
	let done = 0;
	let total = 0n;
	const message = (row: SourceRow, field: string, key: string, params: RowMessage['params']) => ({
		line: row.line,
		field,
		key,
		params
	});
	for (const sourceRow of result.rows) {
		if (progress && ++done % PROGRESS_STEP === 0) progress(done, result.rows.length);
		let row = sourceRow;
		let ok = true;
		let unverified = false;
		let nature = natureOf(row.polozka);
		if (!nature) {
			const choice = countUnknown('polozka', row, row.polozka);
			if (choice?.action === 'skip') {
				leaveOut(row);
				continue;
			} else if (choice?.action === 'map' && natureOf(choice.target)) {
				nature = natureOf(choice.target);
				row = { ...row, polozka: choice.target };
			} else if (choice?.action === 'accept' && /^[5-6]\d{3}$/.test(row.polozka)) {
				nature = natureOfClass(row.polozka);
				unverified = true;
			} else {
				if (choice) {
					errors.push(
						message(row, 'polozka', 'imports_error_choice_target', { value: row.polozka })
					);
				} else undecided++;
				ok = false;
			}
		}
		let orgUnitId: number | null = null;
		let unmapped = false;
		if (row.orj) {
			orgUnitId = look.orj.get(codeKey(row.orj)) ?? null;
			if (orgUnitId === null) {
				const choice = countUnknown('orj', row, row.orj);
				if (choice?.action === 'skip') {
					leaveOut(row);
					continue;
				} else if (choice?.action === 'accept' || options.allowUnmapped) unmapped = true;
				else {
					errors.push(message(row, 'orj', 'costs_err_orj_unknown', { value: row.orj }));
					ok = false;
				}
			}
		}
		let initiativeId: number | null = null;
		if (row.org) {
			initiativeId = look.org.get(codeKey(row.org)) ?? null;
			if (initiativeId === null && countUnknown('org', row, row.org)?.action === 'skip') {
				leaveOut(row);
				continue;
			}
		}
		if (row.paragraf && !paragrafKnown(row.paragraf)) {
			const choice = countUnknown('paragraf', row, row.paragraf);
			if (choice?.action === 'skip') {
				leaveOut(row);
				continue;
			} else if (choice?.action === 'map' && paragrafKnown(choice.target)) {
				row = { ...row, paragraf: choice.target };
			} else if (choice?.action !== 'accept') {
				warnings.push(
					message(row, 'paragraf', 'costs_warn_paragraf_unknown', { value: row.paragraf })
				);
			}
		}
		if (year !== null && Number(row.month.slice(0, 4)) !== year) {
			errors.push(message(row, 'date', 'costs_err_year', { value: row.month, year }));
			ok = false;
		} else if (row.kind === 'actual' && row.month > latest) {
			errors.push(message(row, 'date', 'costs_err_future', { value: row.month }));
			ok = false;
		}
		if (!ok) continue;
		total += row.amount;
		const m = months.get(row.month) ?? { month: row.month, amount: 0n, rows: 0 };
		m.amount += row.amount;
		m.rows++;
		months.set(row.month, m);
		if (unmapped) unmappedRows++;
		if (unverified) unverifiedRows++;
		resolved.push({ row, orgUnitId, initiativeId, nature: nature!, unmapped, unverified });
	}
	// Codes nobody decided on: one message for the file; the preview lists them to decide.
	if (undecided) {
		const codes = [...unknownCounts.values()].filter((u) => u.field === 'polozka' && !u.choice);
		errors.push({
			line: 0,
			field: 'polozka',
			key: 'imports_error_unknown_undecided',
			params: { rows: undecided, codes: codes.map((u) => u.code).join(', ') }
		});
	}
	errors.sort((a, b) => a.line - b.line);
	progress?.(result.rows.length, result.rows.length);
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
		resolved: errors.length ? [] : resolved,
		unmappedRows: errors.length ? 0 : unmappedRows,
		skippedUnknown: { rows: skippedUnknown, amount: skippedAmount },
		unverifiedRows: errors.length ? 0 : unverifiedRows
	};
}

/**
 * The checked rows → the Validation: an earlier import they repeat and, replacing, the months
 * they would take over. Reads the database, writes nothing.
 */
export async function finishValidation(
	db: Executor,
	read: ReadResult,
	checked: Checked,
	options: ValidateOptions = {}
): Promise<Validation> {
	const { errors, resolved } = checked;
	const hash = checked.hash;
	const months = checked.monthTotals.map((m) => m.month);
	const mode = options.mode ?? defaultMode(read.format);
	// The same file whatever else is wrong with it; the same rows only when they are all good.
	const duplicateOf = await findDuplicate(db, {
		hash,
		format: read.format,
		kind: read.kind ?? options.kind ?? 'actual',
		mode,
		resolved: errors.length ? [] : resolved
	});
	const replaces =
		mode === 'replace' && !errors.length
			? await planReplace(db, {
					format: read.format,
					kind: read.kind ?? options.kind ?? 'actual',
					months
				})
			: { months: [], batches: [] };
	return { ...checked, duplicateOf, mode, replaces };
}

/** Checks every row against the code lists, mappings and the year; nothing is written. */
export async function validate(
	db: Executor,
	bytes: Uint8Array,
	read: ReadResult,
	options: ValidateOptions = {}
): Promise<Validation> {
	const context = await checkContext(db, read.format, options.clock);
	const checked = checkRows(read, context, sha256(bytes), options);
	return finishValidation(db, read, checked, options);
}

/**
 * An earlier import this file would repeat: the same file (its content hash), or — appending —
 * the same rows from the same source under other bytes (a re-export). Validation asks it for the
 * preview; the write asks again under the source's lock, for an import that ran meanwhile.
 */
export async function findDuplicate(
	db: Executor,
	file: {
		hash: string;
		format: string;
		kind: EntryKind;
		mode: ImportMode;
		resolved: ResolvedRow[];
	}
): Promise<Validation['duplicateOf']> {
	const previous = await db
		.selectFrom('import_batch')
		.select(['id', 'file_name', 'imported_at'])
		.where('content_hash', '=', file.hash)
		.where('status', '=', 'imported')
		.orderBy('id', 'desc')
		.executeTakeFirst();
	if (previous) {
		return { id: previous.id, fileName: previous.file_name, importedAt: previous.imported_at };
	}
	if (file.mode !== 'append' || file.resolved.length === 0) return null;
	return findSameRows(db, {
		format: file.format,
		kind: file.kind,
		totals: fileTotals(file.resolved)
	});
}

/** The file's totals per month and položka: what the batch stores and reconciliation compares. */
export function fileTotals(rows: ResolvedRow[]) {
	const map = new Map<string, { month: string; polozka: string; amount: bigint; rows: number }>();
	for (const { row } of rows) {
		const key = `${row.month}|${row.polozka}`;
		const t = map.get(key) ?? { month: row.month, polozka: row.polozka, amount: 0n, rows: 0 };
		t.amount += row.amount;
		t.rows++;
		map.set(key, t);
	}
	return [...map.values()].sort(
		(a, b) => a.month.localeCompare(b.month) || a.polozka.localeCompare(b.polozka)
	);
}

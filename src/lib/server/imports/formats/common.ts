// What every format adapter is built from: the options it takes, the ResultBuilder that collects
// its rows and row-numbered messages, and the CSV table reader and column mapper the CSV formats
// (generic, VERA, CityVizor, Internet Stream) share.
import type { AdapterResult, EntryKind, RowMessage, SkippedRow, SourceRow } from '../source-row';
import { amountFromDebitCredit, parseAmount, type AmountResult } from './amount';
import { monthFromParts, monthOf, parseDate } from './dates';
import { matchColumns, normalizeHeader, type ColumnMapping, type YearlyColumn } from './columns';
import { guessDelimiter, parseCsv, type CsvRecord } from './csv';
import { decodeText, looksBinary, type EncodingChoice } from './encoding';
import { LIMITS } from '../types';
import { normalizeIco } from '../../costs/privacy';

/** What a caller may tell an adapter; everything is optional. */
export interface AdapterOptions {
	/** The uploaded file's name: Internet Stream takes the kind from it (`SR`, `RU`, `SK`). */
	fileName?: string;
	/** `auto` (default) detects UTF-8 or Windows-1250; anything else forces that encoding. */
	encoding?: EncodingChoice;
	/**
	 * The kind for lines whose file does not say it. KXX section headers, Internet Stream file names
	 * and CityVizor's `ROZ` agenda always decide; VERA is accounting (actual) unless told otherwise.
	 */
	kind?: EntryKind;
	/**
	 * The year for budget lines with no date (CityVizor and Internet Stream budgets may have none);
	 * without it, the year column, or in CityVizor the one year of the file's dated lines.
	 */
	year?: number;
	/** A yearly table's amount column (approved, amended, final budget, actual); by kind without it. */
	yearlyColumn?: YearlyColumn | null;
	/** Generic CSV/XLSX only: field → header; without it the columns are recognised by name. */
	mapping?: ColumnMapping | null;
}

export type PolozkaClass = 'expenditure' | 'revenue' | 'financing' | 'other';

/** Class of a 4-digit položka: 1–4 revenue, 5–6 expenditure, 8 financing, anything else other. */
export function classifyPolozka(polozka: string): PolozkaClass {
	const c = polozka[0];
	if (c === '5' || c === '6') return 'expenditure';
	if (c === '1' || c === '2' || c === '3' || c === '4') return 'revenue';
	if (c === '8') return 'financing';
	return 'other';
}

/** A code cell of a CSV export as written (trimmed); empty or all zeros is no code. */
export function cleanCode(code: string | null | undefined): string | null {
	const s = (code ?? '').trim();
	return s === '' || /^0+$/.test(s) ? null : s;
}

/**
 * A zero-padded fixed-width code (KXX writes ORJ `0000000920`) without its padding: `920`. The
 * file cannot say how many leading zeros the office's own code list uses.
 */
export function unpadCode(code: string | null | undefined): string | null {
	const s = cleanCode(code);
	return s && /^\d+$/.test(s) ? s.replace(/^0+/, '') : s;
}

/** A paragraf as 4 digits (KXX pads it to 6), null when absent; `undefined` when malformed. */
export function normalizeParagraf(code: string | null | undefined): string | null | undefined {
	const s = (code ?? '').trim();
	if (s === '' || /^0+$/.test(s)) return null;
	const digits = s.replace(/^0+/, '');
	return /^\d{4}$/.test(digits) ? digits : undefined;
}

export function firstLine(text: string | null | undefined, max = 500): string | null {
	const s = (text ?? '').split(/\r\n|\n|\r|\\n/, 1)[0].trim();
	return s === '' ? null : s.slice(0, max);
}

/** A ledger line as an adapter hands it over (the ZIP entry name is added by the builder). */
export type LineInput = Omit<SourceRow, 'file'>;

/** Collects one file's rows, skipped lines and messages into an AdapterResult. */
export class ResultBuilder {
	readonly rows: SourceRow[] = [];
	readonly skipped: SkippedRow[] = [];
	readonly errors: RowMessage[] = [];
	readonly warnings: RowMessage[] = [];
	rowsRead = 0;
	ignored = 0;

	constructor(
		readonly format: string,
		readonly file?: string
	) {}

	private message(line: number, key: string, field?: string, params?: RowMessage['params']) {
		const m: RowMessage = { line, key };
		if (this.file) m.file = this.file;
		if (field) m.field = field;
		if (params) m.params = params;
		return m;
	}

	error(line: number, key: string, field?: string, params?: RowMessage['params']): void {
		this.errors.push(this.message(line, key, field, params));
	}

	warn(line: number, key: string, field?: string, params?: RowMessage['params']): void {
		this.warnings.push(this.message(line, key, field, params));
	}

	/**
	 * Reads an amount cell; on failure records the row error and returns null; a float artefact is
	 * read with a warning.
	 */
	amount(line: number, field: string, text: string, required = true): bigint | null {
		const result: AmountResult = parseAmount(text);
		if (result.ok) {
			if (result.artefact) {
				this.warn(
					line,
					result.value === 0n
						? 'imports_warning_amount_artefact_zero'
						: 'imports_warning_amount_artefact',
					field,
					{ value: text.trim() }
				);
			}
			return result.value;
		}
		if (result.reason === 'empty' && !required) return 0n;
		const key = {
			empty: 'imports_error_amount_missing',
			invalid: 'imports_error_amount_invalid',
			'too-precise': 'imports_error_amount_too_precise',
			'too-large': 'imports_error_amount_too_large'
		}[result.reason];
		this.error(line, key, field, { value: text.trim().slice(0, 40) });
		return null;
	}

	/**
	 * The signed amount of a line kept as a debit/credit pair (`[column, text]` each, an empty side
	 * is zero), or null with the row error recorded.
	 */
	debitCredit(
		line: number,
		polozka: string,
		[debitField, debitText]: [string, string],
		[creditField, creditText]: [string, string]
	): bigint | null {
		const debit = this.amount(line, debitField, debitText, false);
		const credit = this.amount(line, creditField, creditText, false);
		return debit === null || credit === null ? null : amountFromDebitCredit(polozka, debit, credit);
	}

	/**
	 * The date and month of a line from its date cell. A budget line without a date belongs to its
	 * year (`budgetYear`; null for other lines or when no year is known), filed under January as the
	 * ledger does. Otherwise a missing date is the row's error, at `missingField`.
	 */
	dateOf(
		line: number,
		dateText: string,
		budgetYear: string | null,
		missingField = 'date'
	): { date: string | null; month: string | null } {
		if (dateText) {
			const date = parseDate(dateText);
			if (!date) {
				this.error(line, 'imports_error_date_invalid', 'date', { value: dateText.slice(0, 30) });
			}
			return { date, month: date ? monthOf(date) : null };
		}
		if (budgetYear) {
			const month = monthFromParts(1, budgetYear);
			if (!month) this.error(line, 'imports_error_year_invalid', 'year', { value: budgetYear });
			return { date: null, month };
		}
		this.error(line, 'imports_error_date_missing', missingField);
		return { date: null, month: null };
	}

	/**
	 * True for a cost line (položka class 5 or 6); a revenue or financing line is filed as skipped,
	 * anything else counted as ignored.
	 */
	isCost(line: number, polozka: string, amount: bigint): boolean {
		const cls = classifyPolozka(polozka);
		if (cls === 'other') {
			this.ignored++;
			return false;
		}
		if (cls === 'revenue' || cls === 'financing') {
			const s: SkippedRow = { line, reason: cls, polozka, amount };
			if (this.file) s.file = this.file;
			this.skipped.push(s);
			return false;
		}
		return true;
	}

	/** Files a budget line by its položka class: a cost row, a skipped line, or ignored. */
	add(input: LineInput): void {
		if (!this.isCost(input.line, input.polozka, input.amount)) return;
		const row: SourceRow = { ...input };
		if (this.file) row.file = this.file;
		this.rows.push(row);
	}

	result(encoding?: string): AdapterResult {
		// Messages in file order (column-count checks run before the field checks).
		const byLine = (x: RowMessage, y: RowMessage) => x.line - y.line;
		this.errors.sort(byLine);
		this.warnings.sort(byLine);
		const r: AdapterResult = {
			format: this.format,
			rowsRead: this.rowsRead,
			rows: this.rows,
			skipped: this.skipped,
			errors: this.errors,
			warnings: this.warnings,
			ignored: this.ignored
		};
		if (encoding) r.encoding = encoding;
		return r;
	}
}

/** An AdapterResult holding only a file-level error (line 1), e.g. an empty or binary file. */
export function fileError(
	format: string,
	key: string,
	params?: RowMessage['params']
): AdapterResult {
	const b = new ResultBuilder(format);
	b.error(0, key, 'file', params);
	return b.result();
}

/** Merges per-file results (the files of a ZIP) into one. */
export function mergeResults(format: string, results: AdapterResult[]): AdapterResult {
	return {
		format,
		rowsRead: results.reduce((a, r) => a + r.rowsRead, 0),
		rows: results.flatMap((r) => r.rows),
		skipped: results.flatMap((r) => r.skipped),
		errors: results.flatMap((r) => r.errors),
		warnings: results.flatMap((r) => r.warnings),
		ignored: results.reduce((a, r) => a + (r.ignored ?? 0), 0),
		encoding: [...new Set(results.map((r) => r.encoding).filter(Boolean))].join(', ') || undefined
	};
}

export interface CsvTable {
	/** Line of the header record. */
	headerLine: number;
	/** Normalised header names (see `normalizeHeader`). */
	headers: string[];
	/** The header names as the file writes them (trimmed), for the generic column mapping. */
	rawHeaders: string[];
	/** Data records (header excluded), each with its line number. */
	records: CsvRecord[];
	encoding: string;
	delimiter: string;
}

/**
 * Decodes and tokenizes a CSV export: an empty or binary file becomes a file-level error (null).
 * The records are as read; `checkRecords` drops the broken ones.
 */
export function decodeCsv(
	bytes: Uint8Array,
	options: AdapterOptions,
	b: ResultBuilder
): CsvTable | null {
	if (looksBinary(bytes)) {
		b.error(0, 'imports_error_binary_file', 'file');
		return null;
	}
	const { text, encoding } = decodeText(bytes, options.encoding ?? 'auto');
	if (text.trim() === '') {
		b.error(0, 'imports_error_empty_file', 'file');
		return null;
	}
	const delimiter = guessDelimiter(text);
	// The header, the row limit and one more: enough to know the file is over the limit.
	const [header, ...records] = parseCsv(text, { delimiter, maxRecords: LIMITS.maxRows + 2 });
	const rawHeaders = (header?.fields ?? []).map((h) => h.trim());
	return {
		headerLine: header?.line ?? 1,
		headers: rawHeaders.map(normalizeHeader),
		rawHeaders,
		records,
		encoding,
		delimiter
	};
}

/** A trailing field past the header that carries nothing: empty, or a number such as `0`. */
const NOISE = /^\s*-?[\d\s]*([.,]\d*)?\s*$/;

/**
 * Counts the records as read and keeps the complete ones as long as the header: an unterminated
 * quote or a ragged record is a row error. Trailing fields past the header are dropped when they
 * are empty, or numeric noise (`…;0`, as some Internet Stream exports write): one warning for the
 * file then, with the count and the first line.
 */
export function checkRecords(width: number, records: CsvRecord[], b: ResultBuilder): CsvRecord[] {
	const complete: CsvRecord[] = [];
	let noisy = 0;
	let firstNoisy = 0;
	for (const record of records) {
		b.rowsRead++;
		if (record.unterminated) {
			b.error(record.line, 'imports_error_unterminated_quote');
			continue;
		}
		let fields = record.fields;
		if (fields.length > width && width > 0 && fields.slice(width).every((f) => NOISE.test(f))) {
			if (fields.slice(width).some((f) => f.trim() !== '')) {
				noisy++;
				firstNoisy ||= record.line;
			}
			fields = fields.slice(0, width);
		}
		if (fields.length !== width) {
			b.error(record.line, 'imports_error_column_count', undefined, {
				found: fields.length,
				expected: width
			});
			continue;
		}
		complete.push({ line: record.line, fields });
	}
	if (noisy) {
		b.warn(firstNoisy, 'imports_warning_extra_fields', 'file', {
			count: noisy,
			expected: width
		});
	}
	return complete;
}

/**
 * `decodeCsv` for an adapter that needs data lines: a header-only file is a file-level error, and
 * the records left are complete.
 */
export function readCsvTable(
	bytes: Uint8Array,
	options: AdapterOptions,
	b: ResultBuilder
): CsvTable | null {
	const table = decodeCsv(bytes, options, b);
	if (!table) return null;
	if (table.rawHeaders.length === 0 || table.records.length === 0) {
		b.error(0, 'imports_error_no_data', 'file');
		return null;
	}
	if (table.records.length > LIMITS.maxRows) {
		// Every CSV format (CityVizor, VERA, Internet Stream) counts against the one limit.
		b.rowsRead = table.records.length;
		b.error(0, 'costs_err_too_many_rows', 'file', { max: LIMITS.maxRows });
		return null;
	}
	return { ...table, records: checkRecords(table.headers.length, table.records, b) };
}

/**
 * The required column groups none of whose roles has a column, each as `A / B`; one file-level
 * error names them all.
 */
export function missingColumns<R extends string>(
	columns: Record<R, number>,
	required: readonly (R | readonly R[])[],
	label: (role: R) => string,
	headerLine: number,
	b: ResultBuilder
): boolean {
	const missing: string[] = [];
	for (const req of required) {
		const group = (Array.isArray(req) ? req : [req]) as R[];
		if (group.every((role) => columns[role] < 0)) missing.push(group.map(label).join(' / '));
	}
	if (missing.length) {
		b.error(headerLine, 'imports_error_columns_missing', 'file', { columns: missing.join(', ') });
	}
	return missing.length > 0;
}

/** Column indexes by role, matched exactly; a missing required column is one file-level error. */
export function mapColumns<R extends string>(
	{ headers, headerLine }: CsvTable,
	aliases: Record<R, readonly string[]>,
	required: readonly (R | readonly R[])[],
	b: ResultBuilder
): Record<R, number> | null {
	const columns = matchColumns(headers, aliases);
	const label = (role: R) => aliases[role][0].toUpperCase();
	return missingColumns(columns, required, label, headerLine, b) ? null : columns;
}

/** One record of a named-column CSV: its line number and the cell of each role ('' when absent). */
export interface NamedRecord<R extends string> {
	line: number;
	get: (role: R) => string;
}

/**
 * The frame every named-column CSV format (CityVizor, Internet Stream, VERA) shares: read the
 * table, find its columns by their aliases (a missing required one refuses the file), hand the
 * records to the format's own reading, and answer with what the builder gathered.
 */
export function readNamedCsv<R extends string>(
	format: string,
	bytes: Uint8Array,
	options: AdapterOptions,
	columns: {
		aliases: Record<R, readonly string[]>;
		required: readonly (NoInfer<R> | readonly NoInfer<R>[])[];
	},
	readRecords: (records: NamedRecord<R>[], b: ResultBuilder) => void
): AdapterResult {
	const b = new ResultBuilder(format);
	const table = readCsvTable(bytes, options, b);
	if (!table) return b.result();
	const c = mapColumns<R>(table, columns.aliases, columns.required, b);
	if (!c) return b.result(table.encoding);
	const records = table.records.map(({ line, fields }) => ({
		line,
		get: (role: R) => cell(fields, c[role])
	}));
	readRecords(records, b);
	return b.result(table.encoding);
}

/** The cell of a column, or '' when the column is absent. */
export function cell(fields: readonly string[], index: number): string {
	return index >= 0 ? (fields[index] ?? '').trim() : '';
}

/** A položka cell: 4 digits, `''` when absent or zero (no budget classification), null when bad. */
export function readPolozka(text: string): string | null {
	const s = text.trim();
	if (s === '' || /^0+$/.test(s)) return '';
	return /^\d{4}$/.test(s) ? s : null;
}

export interface CsvLine {
	line: number;
	kind: EntryKind;
	/** `YYYY-MM`, or null when the line's date could not be read (already reported). */
	month: string | null;
	/** haléře, or null when the amount could not be read (already reported). */
	amount: bigint | null;
	polozka: string;
	paragraf: string;
	orj: string;
	org: string;
	uz: string;
	text: string;
	/** provenance, where the format has it (see SourceRow) */
	document?: string;
	date?: string | null;
	partnerName?: string;
	partnerIco?: string;
}

/**
 * Checks a CSV line's codes and files it: a bad položka or paragraf is a row error; a line with no
 * položka is outside the budget classification and only counted.
 */
export function addCsvLine(b: ResultBuilder, l: CsvLine): void {
	const polozka = readPolozka(l.polozka);
	if (polozka === null) {
		b.error(l.line, 'imports_error_polozka_invalid', 'polozka', { value: l.polozka.slice(0, 20) });
	}
	if (polozka === '' || (polozka && classifyPolozka(polozka) === 'other')) {
		b.ignored++;
		return;
	}
	// Only a cost line needs a valid paragraf; revenue and financing lines are merely counted.
	const paragraf = normalizeParagraf(l.paragraf);
	const badParagraf =
		paragraf === undefined && polozka !== null && classifyPolozka(polozka) === 'expenditure';
	if (badParagraf) {
		b.error(l.line, 'imports_error_paragraf_invalid', 'paragraf', {
			value: l.paragraf.slice(0, 20)
		});
	}
	if (polozka === null || badParagraf || l.month === null || l.amount === null) return;
	b.add({
		line: l.line,
		kind: l.kind,
		month: l.month,
		amount: l.amount,
		polozka,
		paragraf: paragraf ?? null,
		orj: cleanCode(l.orj),
		org: cleanCode(l.org),
		uz: cleanCode(l.uz),
		text: firstLine(l.text),
		document: l.document?.slice(0, 100) || null,
		date: l.date ?? null,
		partnerName: l.partnerName?.slice(0, 200) || null,
		partnerIco: normalizeIco(l.partnerIco)
	});
}

// The generic adapter: any CSV export, or the first sheet of an XLSX workbook, read through a
// column mapping (given by finance, or recognised from the header names). It shares the CSV
// reader, amounts, dates, messages and položka classes with the accounting formats; what it adds is
// the mapping, a month from many period spellings and XLSX's numeric codes (`5011.0`).
import type { AdapterResult, EntryKind } from '../source-row';
import { LIMITS } from '../types';
import {
	AMOUNT_SAMPLE,
	type ColumnMapping,
	FIELDS,
	type Field,
	fieldLabel,
	pickYearlyColumn,
	REQUIRED_FIELDS,
	recogniseColumns,
	yearlyColumns,
	YEARLY_COLUMNS,
	type YearlyColumn
} from './columns';
import type { CsvRecord } from './csv';
import { parseDate, parseMonth } from './dates';
import { normalizeIco } from '../../costs/privacy';
import { invalidUtf8Line } from './encoding';
import {
	checkRecords,
	decodeCsv,
	missingColumns,
	ResultBuilder,
	type AdapterOptions
} from './common';
import { readXlsx, XlsxTooLargeError } from './xlsx';
import { readOds } from './ods';
import { mergeResults } from './common';

export interface Table {
	/** The header line's number (1 for a usual file). */
	headerLine: number;
	/** Header names as the file writes them (trimmed). */
	headers: string[];
	records: CsvRecord[];
}

const MAX_TEXT = 500;
const SAMPLE = 10;

function code(value: string): string {
	// XLSX hands codes over as numbers (`5011` or `5011.0`).
	return value.trim().replace(/\.0+$/, '');
}

/** How far down a sheet the header row is looked for (below a title block). */
const HEADER_SEARCH = 20;

/** A row that names a položka column (and one more known field) is a header row. */
function looksLikeHeader(cells: string[]): boolean {
	const m = recogniseColumns(cells);
	return !!m.polozka && Object.keys(m).length >= 2;
}

/**
 * Finds the header row among the first rows when the first one is not it (a title block above
 * the table): the rows above it are dropped; every row keeps the number the user sees.
 */
export function findHeaderRow(table: Table): Table {
	if (looksLikeHeader(table.headers)) return table;
	const i = table.records.slice(0, HEADER_SEARCH).findIndex((r) => looksLikeHeader(r.fields));
	if (i < 0) return table;
	const header = table.records[i];
	const width = header.fields.length;
	return {
		headerLine: header.line,
		headers: header.fields.map((f) => f.trim()),
		records: table.records.slice(i + 1).map((r) => {
			const fields = [...r.fields];
			while (fields.length < width) fields.push('');
			return { line: r.line, fields };
		})
	};
}

/**
 * The given mapping when it maps anything, else the one recognised from the headers and the
 * first rows (an amount column must hold amounts).
 */
function mappingFor(table: Table, given: ColumnMapping | null | undefined): ColumnMapping {
	if (given && Object.values(given).some(Boolean)) return given;
	return recogniseColumns(
		table.headers,
		table.records.slice(0, AMOUNT_SAMPLE).map((r) => r.fields)
	);
}

/** A yearly table read for one year: the amount column taken and the month its rows go under. */
export interface YearlyRead {
	year: number;
	column: YearlyColumn | null;
	header: string;
	/** `YYYY-01`: a year's amounts are filed under its January, as the accounting formats do. */
	month: string;
}

/**
 * A table with no date or month column, read for a given year: one row per paragraf × položka
 * with yearly amounts. Its amount column is the one asked for, else the one the user mapped, else
 * by kind (budget: amended, final, approved; actual: the result). Null when the table has dates.
 */
function yearlyRead(
	table: Table,
	mapping: ColumnMapping,
	options: AdapterOptions,
	userMapped: boolean,
	b: ResultBuilder
): { mapping: ColumnMapping; yearly: YearlyRead } | null {
	if (mapping.date || mapping.month) return null;
	const found = yearlyColumns(table.headers);
	const anyYearly = Object.keys(found).length > 0;
	if (!options.year) {
		if (anyYearly) b.error(table.headerLine, 'imports_error_yearly_needs_year', 'file');
		return null;
	}
	const month = `${options.year}-01`;
	if (userMapped && mapping.amount && !options.yearlyColumn) {
		const column = YEARLY_COLUMNS.find((c) => found[c] === mapping.amount) ?? null;
		return { mapping, yearly: { year: options.year, column, header: mapping.amount, month } };
	}
	const column = pickYearlyColumn(found, options.kind ?? 'actual', options.yearlyColumn);
	if (!column) {
		if (options.yearlyColumn) {
			b.error(table.headerLine, 'imports_error_yearly_column_missing', 'amount', {
				column: options.yearlyColumn
			});
			return null;
		}
		if (!mapping.amount) return null;
		return {
			mapping,
			yearly: { year: options.year, column: null, header: mapping.amount, month }
		};
	}
	const header = found[column]!;
	return {
		mapping: { ...mapping, amount: header, debit: null, credit: null },
		yearly: { year: options.year, column, header, month }
	};
}

/** Reads the records of a table through the mapping into the builder. */
function readRows(
	table: Table,
	mapping: ColumnMapping,
	kind: EntryKind,
	b: ResultBuilder,
	yearly: YearlyRead | null = null
): void {
	const col = Object.fromEntries(
		FIELDS.map((f) => [f, mapping[f] ? table.headers.indexOf(mapping[f]) : -1])
	) as Record<Field, number>;
	const required = yearly ? REQUIRED_FIELDS.filter((g) => !g.includes('date')) : REQUIRED_FIELDS;
	if (missingColumns(col, required, fieldLabel, table.headerLine, b)) return;
	for (const [field, header] of Object.entries(mapping)) {
		if (header && !table.headers.includes(header)) {
			b.error(table.headerLine, 'costs_err_column_unknown', field, { column: header });
		}
	}
	if (b.errors.length) return;
	for (const { line, fields } of checkRecords(table.headers.length, table.records, b)) {
		const cell = (i: number) => (i >= 0 ? (fields[i] ?? '').trim() : '');
		const polozkaText = cell(col.polozka);
		const polozka = code(polozkaText);
		if (!/^\d{4}$/.test(polozka)) {
			b.error(line, 'imports_error_polozka_invalid', 'polozka', {
				value: polozkaText.slice(0, 20)
			});
			continue;
		}
		let amount: bigint | null;
		if (col.amount >= 0) {
			amount = b.amount(line, 'amount', cell(col.amount));
		} else {
			const debit = b.amount(line, 'amount', cell(col.debit), false);
			const credit = debit === null ? null : b.amount(line, 'amount', cell(col.credit), false);
			amount = debit === null || credit === null ? null : debit - credit;
		}
		if (amount === null) continue;
		// Revenue and financing lines are counted before their date is even read.
		if (!b.isCost(line, polozka, amount)) continue;
		const dateField = col.date >= 0 ? 'date' : 'month';
		const dateText = cell(col[dateField]);
		const month = yearly
			? yearly.month
			: parseMonth(dateText, col.year >= 0 ? cell(col.year) : null);
		if (!month) {
			if (dateText === '') b.error(line, 'imports_error_date_missing', dateField);
			else b.error(line, 'imports_error_date_invalid', dateField, { value: dateText.slice(0, 30) });
			continue;
		}
		const paragraf = code(cell(col.paragraf));
		if (paragraf && !/^\d{4}$/.test(paragraf)) {
			b.error(line, 'imports_error_paragraf_invalid', 'paragraf', { value: paragraf.slice(0, 20) });
			continue;
		}
		const text = cell(col.text);
		const document = cell(col.document);
		const partner = cell(col.partner);
		b.add({
			line,
			kind,
			month,
			amount,
			polozka,
			paragraf: paragraf && paragraf !== '0000' ? paragraf : null,
			orj: code(cell(col.orj)) || null,
			org: code(cell(col.org)) || null,
			uz: code(cell(col.uz)) || null,
			text: text ? text.slice(0, MAX_TEXT) : null,
			document: document ? document.slice(0, 100) : null,
			date: col.date >= 0 && !yearly ? parseDate(dateText) : null,
			partnerName: partner ? partner.slice(0, 200) : null,
			partnerIco: normalizeIco(cell(col.ico))
		});
	}
}

/** A table read through a mapping; what the mapping screen shows comes along in `table`. */
function readTable(
	input: Table,
	options: AdapterOptions,
	b: ResultBuilder,
	delimiter: string | null,
	encoding?: string
): AdapterResult {
	const table = findHeaderRow(input);
	const userMapped = !!options.mapping && Object.values(options.mapping).some(Boolean);
	const recognised = mappingFor(table, options.mapping);
	const asYearly = yearlyRead(table, recognised, options, userMapped, b);
	const mapping = asYearly?.mapping ?? recognised;
	const view = {
		headers: table.headers,
		mapping,
		sample: table.records.slice(0, SAMPLE).map((r) => ({ line: r.line, cells: r.fields })),
		delimiter,
		yearly: asYearly?.yearly ?? null
	};
	if (b.errors.length) return { ...b.result(encoding), table: view };
	if (table.records.length === 0) b.error(0, 'imports_error_no_data', 'file');
	// Too many lines: the reader refuses the file before reading them (LIMITS.maxRows).
	else if (table.records.length <= LIMITS.maxRows) {
		readRows(table, mapping, options.kind ?? 'actual', b, asYearly?.yearly ?? null);
	} else b.rowsRead = table.records.length;
	return { ...b.result(encoding), table: view };
}

/** For tests and tools: a table already split into cells, read through a mapping. */
export function adaptTable(
	table: Table,
	mapping: ColumnMapping,
	kind: EntryKind,
	format: string
): AdapterResult {
	const b = new ResultBuilder(format);
	readRows(table, mapping, kind, b);
	return b.result();
}

export function parseGenericCsv(bytes: Uint8Array, options: AdapterOptions = {}): AdapterResult {
	const b = new ResultBuilder('csv');
	const decoded = decodeCsv(bytes, options, b);
	if (!decoded) return b.result();
	const invalidLine = invalidUtf8Line(bytes, options.encoding ?? 'auto');
	if (invalidLine !== null) {
		b.error(0, 'costs_err_encoding', 'file', { line: invalidLine, encoding: decoded.encoding });
		return b.result(decoded.encoding);
	}
	const { headerLine, rawHeaders, records } = decoded;
	const table = { headerLine, headers: rawHeaders, records };
	return readTable(table, options, b, decoded.delimiter, decoded.encoding);
}

export async function parseGenericXlsx(
	bytes: Uint8Array,
	options: AdapterOptions = {}
): Promise<AdapterResult> {
	const b = new ResultBuilder('xlsx');
	let table: Table;
	try {
		table = await readXlsx(bytes, LIMITS.maxRows);
	} catch (error) {
		b.error(
			0,
			error instanceof XlsxTooLargeError ? 'imports_error_zip_too_large' : 'costs_err_not_xlsx',
			'file'
		);
		return b.result();
	}
	if (table.headers.length === 0) {
		b.error(0, 'imports_error_empty_file', 'file');
		return b.result();
	}
	return readTable(table, options, b, null);
}

/**
 * An ODS workbook: every sheet with a recognisable header (below a title block too) is read
 * through the same mapping, each row tagged with its sheet; a sheet without one is passed over.
 */
export function parseGenericOds(bytes: Uint8Array, options: AdapterOptions = {}): AdapterResult {
	let sheets;
	try {
		sheets = readOds(bytes, LIMITS.maxRows);
	} catch {
		const b = new ResultBuilder('ods');
		b.error(0, 'imports_error_not_ods', 'file');
		return b.result();
	}
	const tables = sheets
		.map((s) => {
			const [first, ...rest] = s.rows;
			const table: Table = first
				? { headerLine: first.line, headers: first.fields, records: rest }
				: { headerLine: 1, headers: [], records: [] };
			return { name: s.name, table: findHeaderRow(table) };
		})
		.filter((s) => looksLikeHeader(s.table.headers));
	if (!tables.length) {
		const b = new ResultBuilder('ods');
		b.error(
			0,
			sheets.some((s) => s.rows.length) ? 'imports_error_ods_no_table' : 'imports_error_empty_file',
			'file'
		);
		return b.result();
	}
	const results = tables.map(({ name, table }) => {
		const r = readTable(table, options, new ResultBuilder('ods'), null);
		if (tables.length > 1) {
			for (const list of [r.rows, r.skipped, r.errors, r.warnings]) {
				for (const x of list) x.file = name;
			}
		}
		return r;
	});
	return { ...mergeResults('ods', results), table: results[0].table };
}

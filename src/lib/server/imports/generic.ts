// The generic adapter: a table (CSV or the first XLSX sheet) plus a column mapping → AdapterResult.
import type { AdapterResult, EntryKind, RowMessage, SkippedRow, SourceRow } from './source-row';
import { missingFields, type ColumnMapping } from './columns';
import { parseAmount, parseMonth } from './values';

export interface Table {
	/** The header line's number (1 for a usual file). */
	headerLine: number;
	headers: string[];
	records: { line: number; cells: string[] }[];
}

const MAX_TEXT = 500;

function code(value: string | undefined): string {
	// XLSX hands codes over as numbers (`5011` or `5011.0`).
	return (value ?? '').trim().replace(/\.0+$/, '');
}

export function adaptTable(
	table: Table,
	mapping: ColumnMapping,
	kind: EntryKind,
	format: string
): AdapterResult {
	const result: AdapterResult = {
		format,
		rowsRead: table.records.length,
		rows: [],
		skipped: [],
		errors: [],
		warnings: [],
		ignored: 0
	};
	const missing = missingFields(mapping);
	if (missing.length) {
		for (const field of missing) {
			result.errors.push({ line: table.headerLine, field, key: 'costs_err_column_missing' });
		}
		return result;
	}
	const index = (field: keyof ColumnMapping) => {
		const header = mapping[field];
		if (!header) return -1;
		return table.headers.indexOf(header);
	};
	const col = Object.fromEntries(
		(
			[
				'date',
				'month',
				'year',
				'amount',
				'debit',
				'credit',
				'polozka',
				'paragraf',
				'orj',
				'org',
				'uz',
				'text'
			] as const
		).map((f) => [f, index(f)])
	) as Record<keyof ColumnMapping, number>;
	for (const [field, header] of Object.entries(mapping)) {
		if (header && !table.headers.includes(header)) {
			result.errors.push({
				line: table.headerLine,
				field,
				key: 'costs_err_column_unknown',
				params: { column: header }
			});
		}
	}
	if (result.errors.length) return result;
	const width = table.headers.length;
	for (const { line, cells } of table.records) {
		const error = (field: string, key: string, params?: RowMessage['params']) =>
			result.errors.push({ line, field, key, params });
		// A trailing separator leaves one empty cell more; that is not a ragged line.
		const count = cells.length === width + 1 && cells[width].trim() === '' ? width : cells.length;
		if (count !== width) {
			error('line', 'costs_err_columns', { expected: width, found: cells.length });
			continue;
		}
		const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
		const polozka = code(cell(col.polozka));
		if (!/^\d{4}$/.test(polozka)) {
			error('polozka', 'costs_err_polozka', { value: cell(col.polozka) });
			continue;
		}
		let amount: bigint;
		let rounded = false;
		if (col.amount >= 0) {
			const parsed = parseAmount(cell(col.amount));
			if (!parsed) {
				error('amount', 'costs_err_amount', { value: cell(col.amount) });
				continue;
			}
			amount = parsed.value;
			rounded = parsed.rounded;
		} else {
			const debit =
				cell(col.debit) === '' ? { value: 0n, rounded: false } : parseAmount(cell(col.debit));
			const credit =
				cell(col.credit) === '' ? { value: 0n, rounded: false } : parseAmount(cell(col.credit));
			if (!debit || !credit) {
				error('amount', 'costs_err_amount', { value: !debit ? cell(col.debit) : cell(col.credit) });
				continue;
			}
			amount = debit.value - credit.value;
			rounded = debit.rounded || credit.rounded;
		}
		const first = polozka[0];
		if ('1234'.includes(first) || first === '8') {
			const skipped: SkippedRow = {
				line,
				reason: first === '8' ? 'financing' : 'revenue',
				polozka,
				amount
			};
			result.skipped.push(skipped);
			continue;
		}
		if (first !== '5' && first !== '6') {
			result.ignored = (result.ignored ?? 0) + 1;
			continue;
		}
		const dateText = col.date >= 0 ? cell(col.date) : cell(col.month);
		const month = parseMonth(dateText, col.year >= 0 ? cell(col.year) : null);
		if (!month) {
			error(col.date >= 0 ? 'date' : 'month', 'costs_err_date', { value: dateText });
			continue;
		}
		const paragrafText = code(cell(col.paragraf));
		if (paragrafText && !/^\d{4}$/.test(paragrafText)) {
			error('paragraf', 'costs_err_paragraf', { value: paragrafText });
			continue;
		}
		if (rounded) result.warnings.push({ line, field: 'amount', key: 'costs_warn_rounded' });
		const text = cell(col.text);
		const row: SourceRow = {
			line,
			kind,
			month,
			amount,
			polozka,
			paragraf: paragrafText && paragrafText !== '0000' ? paragrafText : null,
			orj: code(cell(col.orj)) || null,
			org: code(cell(col.org)) || null,
			uz: code(cell(col.uz)) || null,
			text: text ? text.slice(0, MAX_TEXT) : null
		};
		result.rows.push(row);
	}
	return result;
}

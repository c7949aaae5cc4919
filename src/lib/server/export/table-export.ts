// Every table in Dílna downloads as CSV and XLSX through here, so formula neutralisation and the
// money format are done once. Money arrives as bigint haléře and leaves as exact decimal text
// (CSV) or as a number with two decimals (XLSX; spreadsheets have no exact decimals).
import ExcelJS from 'exceljs';
import { czkText } from '../../money';

export type ExportFormat = 'csv' | 'xlsx';
export type CellValue = string | number | bigint | null | undefined;

export interface ExportColumn {
	header: string;
	/** money: bigint haléře; percent: a ratio (0.125 = 12,5 %); number; text (default) */
	kind?: 'text' | 'money' | 'number' | 'percent';
}

export interface ExportTable {
	/** The file name without extension, e.g. `naklady-2026-kategorie`. */
	name: string;
	/** The sheet name in XLSX (at most 31 characters are kept). */
	title?: string;
	columns: ExportColumn[];
	rows: CellValue[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage return) would run as a
 * formula when the file is opened in a spreadsheet; a leading apostrophe keeps it text.
 */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

export function parseExportFormat(value: string | null): ExportFormat | null {
	return value === 'csv' || value === 'xlsx' ? value : null;
}

function csvCell(
	value: CellValue,
	kind: ExportColumn['kind'],
	decimal: '.' | ',',
	separator: string
): string {
	if (value === null || value === undefined) return '';
	let text: string;
	if (kind === 'money' && typeof value === 'bigint') text = czkText(value, decimal);
	else if (typeof value === 'number' || typeof value === 'bigint') {
		const n = kind === 'percent' && typeof value === 'number' ? value * 100 : value;
		text = String(n).replace('.', decimal);
	} else text = neutralise(value);
	const needsQuotes = text.includes(separator) || /["\n\r]/.test(text);
	return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV as Czech spreadsheets open it: UTF-8 with BOM, `;` between fields, decimal comma (English:
 * `,` and a decimal point), CRLF line ends.
 */
export function toCsv(table: ExportTable, locale: 'cs' | 'en' = 'cs'): string {
	const separator = locale === 'cs' ? ';' : ',';
	const decimal = locale === 'cs' ? ',' : '.';
	const lines = [
		table.columns.map((c) => csvCell(c.header, 'text', decimal, separator)).join(separator),
		...table.rows.map((row) =>
			table.columns.map((c, i) => csvCell(row[i], c.kind, decimal, separator)).join(separator)
		)
	];
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function toXlsx(table: ExportTable): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const title = (table.title ?? table.name).replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
	const sheet = workbook.addWorksheet(title || 'data');
	sheet.columns = table.columns.map((c) => ({
		header: neutralise(c.header),
		width: Math.min(60, Math.max(12, c.header.length + 2)),
		style:
			c.kind === 'money'
				? { numFmt: '#,##0.00' }
				: c.kind === 'percent'
					? { numFmt: '0.0%' }
					: c.kind === 'number'
						? { numFmt: '#,##0.##' }
						: {}
	}));
	sheet.getRow(1).font = { bold: true };
	for (const row of table.rows) {
		sheet.addRow(
			table.columns.map((c, i) => {
				const v = row[i];
				if (v === null || v === undefined) return null;
				if (typeof v === 'bigint') return c.kind === 'money' ? Number(v) / 100 : Number(v);
				if (typeof v === 'number') return v;
				return neutralise(v);
			})
		);
	}
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}

/** The download response for a GET endpoint: `return exportResponse(table, format, locale)`. */
export async function exportResponse(
	table: ExportTable,
	format: ExportFormat,
	locale: 'cs' | 'en' = 'cs'
): Promise<Response> {
	const safeName = table.name.replace(/[^A-Za-z0-9._-]+/g, '-');
	if (format === 'csv') {
		return new Response(toCsv(table, locale), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${safeName}.csv"`
			}
		});
	}
	const body = await toXlsx(table);
	return new Response(body as unknown as BodyInit, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${safeName}.xlsx"`
		}
	});
}

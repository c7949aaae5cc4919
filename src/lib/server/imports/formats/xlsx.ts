// The first sheet of an XLSX workbook as a table of text cells, for the generic adapter.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { unzipBounded } from './unzip';
import type { Table } from './generic';

function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? '1' : '0';
	if (typeof value === 'object') {
		if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('text' in value) return String(value.text);
	}
	return '';
}

/** Bytes a workbook's parts may really unpack to (the sheet XML is far larger than the file). */
export const XLSX_MAX_UNPACKED = 256 * 1024 * 1024;

/** The workbook unpacks to more than XLSX_MAX_UNPACKED, whatever it declares. */
export class XlsxTooLargeError extends Error {
	constructor() {
		super('workbook too large');
	}
}

/**
 * The first sheet as a table. Throws when the bytes are not a workbook (the adapter says so), and
 * XlsxTooLargeError when its parts really unpack to more than XLSX_MAX_UNPACKED (counted while
 * inflating and kept nowhere, so a forged size cannot fill memory). The sheet is then read as a
 * stream, row by row, and reading stops one row past `maxRows`: an oversized sheet is refused
 * with at most that many rows in memory, never the whole sheet.
 */
export async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<Table> {
	if (!unzipBounded(bytes, XLSX_MAX_UNPACKED, { keep: false }).ok) throw new XlsxTooLargeError();
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(
		Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
		{
			sharedStrings: 'cache',
			styles: 'cache',
			hyperlinks: 'ignore',
			worksheets: 'emit',
			entries: 'emit'
		}
	);
	const table: Table = { headerLine: 1, headers: [], records: [] };
	let headerFound = false;
	let width = 0;
	for await (const sheet of reader) {
		for await (const row of sheet) {
			const values = row.values as ExcelJS.CellValue[];
			const cells: string[] = [];
			for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
			if (cells.every((c) => c === '')) continue;
			if (!headerFound) {
				headerFound = true;
				table.headerLine = row.number;
				table.headers = cells;
				width = cells.length;
				continue;
			}
			while (cells.length < width) cells.push('');
			table.records.push({ line: row.number, fields: cells });
			if (table.records.length > maxRows) break;
		}
		// The first sheet only.
		break;
	}
	return table;
}

// The first sheet of an XLSX workbook as a table of text cells, for the generic adapter.
import ExcelJS from 'exceljs';
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

/**
 * Throws when the bytes are not a workbook (the adapter says so). Stops collecting one row past
 * `maxRows`, so an oversized sheet is refused without holding all of it.
 */
export async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<Table> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(
		bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
	);
	const sheet = workbook.worksheets[0];
	const table: Table = { headerLine: 1, headers: [], records: [] };
	if (!sheet) return table;
	let headerFound = false;
	let width = 0;
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		if (table.records.length > maxRows) return;
		const values = row.values as ExcelJS.CellValue[];
		const cells: string[] = [];
		for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
		if (cells.every((c) => c === '')) return;
		if (!headerFound) {
			headerFound = true;
			table.headerLine = rowNumber;
			table.headers = cells;
			width = cells.length;
			return;
		}
		while (cells.length < width) cells.push('');
		table.records.push({ line: rowNumber, fields: cells });
	});
	return table;
}

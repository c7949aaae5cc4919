import type { ImportRow } from './kpis';

/**
 * Reads a KPI actuals file: CSV (`;`, `,` or tab separated, UTF-8 with or without BOM, quoted
 * fields) or XLSX (first sheet). Columns: period, KPI code, value, optional comment. A first row
 * that names the columns (`období;kód;hodnota;komentář`, `period,kpi,value,comment`, any order) is
 * a header; without one the order above applies. Line numbers are the file's own.
 */
export type FileParse = { ok: true; rows: ImportRow[] } | { ok: false; key: string };

const HEADERS: Record<string, keyof Omit<ImportRow, 'line'>> = {
	period: 'period',
	obdobi: 'period',
	kpi: 'code',
	code: 'code',
	kod: 'code',
	kodkpi: 'code',
	ukazatel: 'code',
	kpicode: 'code',
	value: 'value',
	hodnota: 'value',
	skutecnost: 'value',
	actual: 'value',
	comment: 'comment',
	komentar: 'comment',
	poznamka: 'comment'
};

function headerKey(cell: string) {
	return cell
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z]/g, '');
}

function toRows(table: { line: number; cells: string[] }[]): FileParse {
	const data = table.filter((r) => r.cells.some((c) => c.trim() !== ''));
	if (!data.length) return { ok: false, key: 'goals_import_empty' };
	let order: (keyof Omit<ImportRow, 'line'>)[] = ['period', 'code', 'value', 'comment'];
	const first = data[0].cells.map(headerKey);
	// A header names columns and holds no digits; a data row always has a period (digits), even
	// when its KPI code happens to read like a column name (`KPI-02`).
	const isHeader = first.some((c) => c in HEADERS) && !data[0].cells.some((c) => /\d/.test(c));
	if (isHeader) {
		const mapped = first.map((c) => HEADERS[c]);
		if (!mapped.includes('period') || !mapped.includes('code') || !mapped.includes('value')) {
			return { ok: false, key: 'goals_import_bad_header' };
		}
		order = mapped;
		data.shift();
	}
	if (!data.length) return { ok: false, key: 'goals_import_empty' };
	return {
		ok: true,
		rows: data.map(({ line, cells }) => {
			const row: ImportRow = { line, period: '', code: '', value: '', comment: '' };
			order.forEach((field, i) => {
				if (field) row[field] = (cells[i] ?? '').trim();
			});
			return row;
		})
	};
}

/** Splits CSV text into cells, honouring quotes (which may hold separators and newlines). */
export function parseCsv(text: string): FileParse {
	const body = text.replace(/^\uFEFF/, '');
	const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = [';', '\t', ','].find((d) => firstLine.includes(d)) ?? ';';
	const table: { line: number; cells: string[] }[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let rowLine = 1;
	for (let i = 0; i < body.length; i++) {
		const ch = body[i];
		if (quoted) {
			if (ch === '"' && body[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else {
				if (ch === '\n') line++;
				cell += ch;
			}
		} else if (ch === '"' && cell === '') quoted = true;
		else if (ch === delimiter) {
			cells.push(cell);
			cell = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && body[i + 1] === '\n') i++;
			cells.push(cell);
			table.push({ line: rowLine, cells });
			cells = [];
			cell = '';
			line++;
			rowLine = line;
		} else cell += ch;
	}
	if (cell !== '' || cells.length) {
		cells.push(cell);
		table.push({ line: rowLine, cells });
	}
	return toRows(table);
}

/** Text of an XLSX cell as a person would have typed it. */
function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) {
		// Excel turns `2026-03` into a date: read it back as the month.
		return `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}`;
	}
	if (typeof value === 'number') return String(value);
	if (typeof value === 'object') {
		const v = value as { result?: unknown; text?: unknown; richText?: { text: string }[] };
		if (v.result !== undefined) return cellText(v.result);
		if (v.richText) return v.richText.map((r) => r.text).join('');
		if (typeof v.text === 'string') return v.text;
	}
	return String(value as string);
}

export async function parseXlsx(data: ArrayBuffer): Promise<FileParse> {
	const { default: ExcelJS } = await import('exceljs');
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(data);
	} catch {
		return { ok: false, key: 'goals_import_unreadable' };
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) return { ok: false, key: 'goals_import_empty' };
	const table: { line: number; cells: string[] }[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const cells: string[] = [];
		for (let c = 1; c <= Math.max(row.cellCount, 4); c++) {
			cells.push(cellText(row.getCell(c).value));
		}
		table.push({ line: rowNumber, cells });
	});
	return toRows(table);
}

export async function parseFile(name: string, data: ArrayBuffer): Promise<FileParse> {
	if (data.byteLength === 0) return { ok: false, key: 'goals_import_empty' };
	if (data.byteLength > 5 * 1024 * 1024) return { ok: false, key: 'goals_import_too_large' };
	if (/\.xlsx$/i.test(name)) return parseXlsx(data);
	const text = new TextDecoder('utf-8', { fatal: false }).decode(data);
	if (text.includes('\uFFFD')) {
		// Not UTF-8: Czech spreadsheets often save CSV as Windows-1250.
		return parseCsv(new TextDecoder('windows-1250').decode(data));
	}
	return parseCsv(text);
}

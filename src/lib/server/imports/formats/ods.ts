// OpenDocument spreadsheets (.ods, LibreOffice): a ZIP holding content.xml, whose sheets are
// <table:table> elements of <table:table-row> and <table:table-cell>. Read with a small reader of
// just those elements, not a library: exceljs reads only XLSX, and the spreadsheet libraries that
// read ODS (SheetJS and the like) are large, not installed here, and would be one more parser of
// untrusted files to keep patched. Cells repeat (`table:number-columns-repeated`,
// `table:number-rows-repeated`); numbers come from `office:value` (never the formatted text, so
// `1 234,50 Kč` reads as 1234.5), dates from `office:date-value`, text from the <text:p> parts.
// content.xml is unpacked through the one bounded unzip, which counts the bytes it really inflates
// (never the sizes the archive declares).
import type { CsvRecord } from './csv';
import { unzipBounded } from './unzip';
import { ZIP_MAX_UNPACKED } from './zip';

export interface OdsSheet {
	name: string;
	/** Rows as the user sees them numbered (1-based), empty rows left out. */
	rows: CsvRecord[];
}

/** Rows repeated beyond this many are blank padding LibreOffice writes to the sheet's end. */
const MAX_REPEAT = 1000;

function attr(tag: string, name: string): string | null {
	const m = new RegExp(`${name}="([^"]*)"`).exec(tag);
	return m ? decode(m[1]) : null;
}

function decode(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
		.replace(/&amp;/g, '&');
}

function cellText(open: string, inner: string): string {
	const type = attr(open, 'office:value-type');
	if (type === 'float' || type === 'currency' || type === 'percentage') {
		return attr(open, 'office:value') ?? '';
	}
	if (type === 'date') return (attr(open, 'office:date-value') ?? '').slice(0, 10);
	const paragraphs = [...inner.matchAll(/<text:p[^>]*>([\s\S]*?)<\/text:p>/g)].map((p) =>
		decode(
			p[1]
				.replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_, n?: string) =>
					' '.repeat(Number(n ?? 1))
				)
				.replace(/<text:tab\s*\/>/g, '\t')
				.replace(/<[^>]+>/g, '')
		)
	);
	return paragraphs.join('\n');
}

/** The sheets of an ODS file; throws when the bytes are not one. */
export function readOds(bytes: Uint8Array, maxRows: number): OdsSheet[] {
	const unzipped = unzipBounded(bytes, ZIP_MAX_UNPACKED, {
		accept: (name) => name === 'content.xml'
	});
	if (!unzipped.ok) throw new Error('too large');
	const xml = unzipped.entries['content.xml'];
	if (!xml) throw new Error('not an ODS file');
	const text = new TextDecoder('utf-8').decode(xml);
	const sheets: OdsSheet[] = [];
	for (const t of text.matchAll(/<table:table\s([^>]*)>([\s\S]*?)<\/table:table>/g)) {
		const sheet: OdsSheet = { name: attr(t[1], 'table:name') ?? '', rows: [] };
		let line = 0;
		const rowRe = /<table:table-row(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/table:table-row>)/g;
		for (const r of t[2].matchAll(rowRe)) {
			const repeat = Math.min(
				Number(attr(r[1] ?? '', 'table:number-rows-repeated') ?? 1),
				MAX_REPEAT
			);
			const cells: string[] = [];
			const cellRe =
				/<table:(?:covered-)?table-cell(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g;
			for (const c of (r[2] ?? '').matchAll(cellRe)) {
				const open = c[1] ?? '';
				const n = Math.min(Number(attr(open, 'table:number-columns-repeated') ?? 1), 1000);
				const value = cellText(open, c[2] ?? '').trim();
				for (let i = 0; i < n; i++) cells.push(value);
			}
			while (cells.length && cells[cells.length - 1] === '') cells.pop();
			for (let i = 0; i < repeat; i++) {
				line++;
				if (cells.length && sheet.rows.length <= maxRows) {
					sheet.rows.push({ line, fields: [...cells] });
				}
			}
		}
		sheets.push(sheet);
	}
	return sheets;
}

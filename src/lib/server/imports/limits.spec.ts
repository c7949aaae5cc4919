// Uploads bounded by what they really are: a ZIP lying about its size, a workbook with more rows
// than the limit and a CityVizor file over it are each refused, with the memory they take measured.
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFile } from './read';
import { LIMITS } from './types';
import { ZIP_MAX_UNPACKED } from './formats/zip';

/** A ZIP of one entry: `head`, then `chunk` repeated until `size` bytes, deflated as a stream. */
function zipOf(name: string, head: string, chunk: Uint8Array, size: number): Uint8Array {
	const parts: Uint8Array[] = [];
	const zip = new Zip((error, data) => {
		if (error) throw error;
		parts.push(data);
	});
	const entry = new ZipDeflate(name, { level: 1 });
	zip.add(entry);
	entry.push(strToU8(head));
	for (let written = head.length; written < size; written += chunk.length) entry.push(chunk);
	entry.push(new Uint8Array(0), true);
	zip.end();
	return concat(parts);
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** Rewrites every uncompressed size the archive declares (local headers and directory) to `size`. */
function forgeSizes(bytes: Uint8Array, size: number): Uint8Array {
	const out = bytes.slice();
	const view = new DataView(out.buffer);
	for (let i = 0; i + 4 <= out.length; i++) {
		const signature = view.getUint32(i, true);
		if (signature === 0x04034b50) view.setUint32(i + 22, size, true);
		else if (signature === 0x02014b50) view.setUint32(i + 24, size, true);
		else if (signature === 0x08074b50) view.setUint32(i + 12, size, true);
	}
	return out;
}

/** A minimal XLSX workbook whose first sheet has a header and `rows` data rows. */
function workbookWith(rows: number): Uint8Array {
	const sheet: string[] = [
		'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
		'<row r="1"><c r="A1" t="inlineStr"><is><t>Datum</t></is></c><c r="B1" t="inlineStr"><is><t>Částka</t></is></c></row>'
	];
	for (let r = 2; r <= rows + 1; r++) {
		sheet.push(`<row r="${r}"><c r="A${r}"><v>45300</v></c><c r="B${r}"><v>${r}</v></c></row>`);
	}
	sheet.push('</sheetData></worksheet>');
	return zipSync(
		{
			'[Content_Types].xml': strToU8(
				'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
			),
			'_rels/.rels': strToU8(
				'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
			),
			'xl/workbook.xml': strToU8(
				'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="List1" sheetId="1" r:id="rId1"/></sheets></workbook>'
			),
			'xl/_rels/workbook.xml.rels': strToU8(
				'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
			),
			'xl/worksheets/sheet1.xml': strToU8(sheet.join(''))
		},
		{ level: 1 }
	);
}

const MB = 1024 * 1024;

/** Runs `fn` and reports the largest resident memory seen meanwhile, above where it started. */
async function peakRss<T>(
	fn: () => Promise<T>
): Promise<{ value: T; peakMb: number; seconds: number }> {
	globalThis.gc?.();
	const start = process.memoryUsage().rss;
	let peak = start;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
	const started = performance.now();
	try {
		const value = await fn();
		peak = Math.max(peak, process.memoryUsage().rss);
		return {
			value,
			peakMb: Math.round((peak - start) / MB),
			seconds: (performance.now() - started) / 1000
		};
	} finally {
		clearInterval(timer);
	}
}

const errorKeys = (r: Awaited<ReturnType<typeof readFile>>) => r.result.errors.map((e) => e.key);

describe('uploads bounded by what they really are', () => {
	it('refuses a ZIP whose entries declare 1 KB but inflate to 300 MB, after the limit, not the whole', async () => {
		const head = 'ORJ;ORG;PARAGRAF;POLOZKA;CASTKA_MD;CASTKA_DAL;DATUM\n';
		const zip = forgeSizes(zipOf('RU.csv', head, new Uint8Array(MB).fill(0x20), 300 * MB), 1024);
		expect(zip.length).toBeLessThan(5 * MB);
		const { value, peakMb, seconds } = await peakRss(() =>
			readFile(zip, { fileName: 'export.zip', kind: 'actual' })
		);
		console.log(
			`forged ZIP (${(zip.length / MB).toFixed(1)} MB → 300 MB): refused in ${seconds.toFixed(1)} s, peak RSS +${peakMb} MB`
		);
		expect(errorKeys(value)).toEqual(['imports_error_zip_too_large']);
		// Inflated whole, the 300 MB would be held twice (the chunks and the joined entry: 600 MB).
		// Bounded, at most the limit is kept, twice while it is joined, plus the runtime's own
		// buffers, which vary by Node version (Node 22 measured 321 MB here).
		expect(peakMb).toBeLessThan((2 * ZIP_MAX_UNPACKED) / MB + 150);
		expect(peakMb).toBeLessThan(600);
	}, 60_000);

	it('refuses a workbook with more rows than the limit, reading no more than the limit', async () => {
		const xlsx = workbookWith(LIMITS.maxRows + 50_000);
		const { value, peakMb, seconds } = await peakRss(() =>
			readFile(xlsx, { fileName: 'velky.xlsx', kind: 'actual' })
		);
		console.log(
			`XLSX of ${LIMITS.maxRows + 50_000} rows (${(xlsx.length / MB).toFixed(1)} MB): refused in ${seconds.toFixed(1)} s, peak RSS +${peakMb} MB`
		);
		expect(value.format).toBe('xlsx');
		expect(errorKeys(value)).toEqual(['costs_err_too_many_rows']);
		expect(peakMb).toBeLessThan(600);
	}, 120_000);

	it('refuses a workbook whose sheet really unpacks beyond the limit', async () => {
		const bomb = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
		const sheet = zipOf(
			'xl/worksheets/sheet1.xml',
			'<worksheet>',
			new Uint8Array(MB).fill(0x20),
			280 * MB
		);
		const { value } = await peakRss(() =>
			readFile(concatZips(bomb, sheet), { fileName: 'bomba.xlsx', kind: 'actual' })
		);
		expect(errorKeys(value)).toEqual(['imports_error_zip_too_large']);
	}, 60_000);

	it('counts a CityVizor file against the same row limit', async () => {
		const header = 'DOKLAD_DATUM;DOKLAD_AGENDA;PARAGRAF;POLOZKA;ORJ;CASTKA\n';
		const line = '2024-03-01;KDF;6171;5139;0110;100\n';
		const csv = new TextEncoder().encode(header + line.repeat(LIMITS.maxRows * 5));
		const { value, peakMb, seconds } = await peakRss(() =>
			readFile(csv, { fileName: 'cityvizor.csv', kind: 'actual' })
		);
		console.log(
			`CityVizor CSV of ${LIMITS.maxRows * 5} rows (${(csv.length / MB).toFixed(1)} MB): refused in ${seconds.toFixed(1)} s, peak RSS +${peakMb} MB`
		);
		expect(value.format).toBe('cityvizor');
		expect(errorKeys(value)).toEqual(['costs_err_too_many_rows']);
		// And one row under the limit is read.
		const fits = new TextEncoder().encode(header + line.repeat(3));
		expect(errorKeys(await readFile(fits, { fileName: 'cityvizor.csv', kind: 'actual' }))).toEqual(
			[]
		);
	}, 60_000);
});

/** Only the local entries of the second archive are needed for a streaming reader to meet them. */
function concatZips(a: Uint8Array, b: Uint8Array): Uint8Array {
	return concat([a.subarray(0, endOfLocals(a)), b]);
}

function endOfLocals(zip: Uint8Array): number {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) return i;
	return zip.length;
}

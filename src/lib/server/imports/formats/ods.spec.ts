// ODS workbooks: every sheet with a header row (found below a title block) is read through the
// generic mapping, numbers from the cell value (not the formatted text), dates from the date
// value, line numbers as LibreOffice shows them, each row tagged with its sheet.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFile } from '../read';
import { readOds } from './ods';
import { resolveFormat } from '../registry';

const bytes = () =>
	new Uint8Array(readFileSync(resolve('tests/fixtures/imports/two-sheets-title-block.ods')));

describe('ODS', () => {
	it('reads the sheets cell by cell with the rows numbered as the user sees them', () => {
		const sheets = readOds(bytes(), 1000);
		expect(sheets.map((s) => s.name)).toEqual(['Provoz', 'Investice', 'Poznámky']);
		expect(sheets[0].rows.map((r) => r.line)).toEqual([1, 2, 5, 6, 7, 8]);
		expect(sheets[0].rows[0].fields).toEqual(['Výdaje města 2025 & co dál']);
		expect(sheets[0].rows[3].fields).toEqual(['2025-01-15', '6171', '5139', '1234.5', 'Papír']);
		expect(sheets[0].rows[4].fields).toEqual(['2025-02-10', '6171', '5169', '99.99', 'Služby IT']);
	});

	it('is detected by content, whatever its name', () => {
		expect(resolveFormat('export.bin', bytes())).toBe('ods');
	});

	it('imports both data sheets, skipping the title block, reporting errors at the real line', async () => {
		const read = await readFile(bytes(), { fileName: 'vydaje.ods', kind: 'actual' });
		expect(read.format).toBe('ods');
		expect(read.headers).toEqual(['Datum', 'Paragraf', 'Položka', 'Částka', 'Text']);
		expect(read.result.errors.map((e) => [e.file, e.line, e.key])).toEqual([
			['Provoz', 8, 'imports_error_amount_invalid']
		]);
		expect(read.result.rows.map((r) => [r.file, r.line, r.month, r.polozka, r.amount])).toEqual([
			['Provoz', 6, '2025-01', '5139', 1234_50n],
			['Provoz', 7, '2025-02', '5169', 99_99n],
			['Investice', 2, '2025-03', '6121', 50000_00n]
		]);
	});

	it('says clearly when the bytes are not a spreadsheet', async () => {
		const read = await readFile(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), {
			fileName: 'x.ods',
			kind: 'actual'
		});
		expect(read.result.errors.map((e) => e.key)).toEqual(['imports_error_not_ods']);
	});
});

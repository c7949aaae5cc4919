// An XLSX export whose header sits below a title block (row 10, as town offices print them): the
// header row is found, and every message names the line Excel shows, never line 1.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFile } from '../read';

async function titledWorkbook(): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('Výdaje');
	sheet.getCell('A1').value = 'Město Dílna – čerpání rozpočtu 2025';
	sheet.getCell('A2').value = 'Sestavil: odbor finanční';
	sheet.getCell('A4').value = 'Stav k 31. 3. 2025';
	sheet.getRow(10).values = ['Datum', 'Paragraf', 'Položka', 'Částka', 'Text'];
	sheet.getRow(11).values = [new Date(Date.UTC(2025, 0, 15)), '6171', '5139', 1234.5, 'Papír'];
	sheet.getRow(12).values = ['2025-02-10', '6171', '5169', 'sto', 'Služby'];
	sheet.getRow(13).values = ['2025-03-05', '3612', '6121', 50000, 'Byt'];
	return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('XLSX with a title block', () => {
	it('finds the header on row 10 and reports errors at the line Excel shows', async () => {
		const read = await readFile(await titledWorkbook(), {
			fileName: 'cerpani.xlsx',
			kind: 'actual'
		});
		expect(read.format).toBe('xlsx');
		expect(read.headers).toEqual(['Datum', 'Paragraf', 'Položka', 'Částka', 'Text']);
		expect(read.result.errors.map((e) => [e.line, e.key])).toEqual([
			[12, 'imports_error_amount_invalid']
		]);
		expect(read.result.rows.map((r) => [r.line, r.month, r.polozka, r.amount])).toEqual([
			[11, '2025-01', '5139', 1234_50n],
			[13, '2025-03', '6121', 50000_00n]
		]);
	});
});

import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { czkText } from '../../money';
import { neutralise, toCsv, toXlsx, type ExportTable } from './table-export';

const table: ExportTable = {
	name: 'test',
	columns: [
		{ header: 'Text' },
		{ header: 'Částka', kind: 'money' },
		{ header: 'Podíl', kind: 'percent' }
	],
	rows: [
		['=HYPERLINK("http://x")', 123456n, 0.125],
		['+420 123', -5n, null],
		['-1', 0n, 1],
		['@SUM(A1)', 100n, 0],
		['obyčejný; text', 99999999999n, 0.5]
	]
};

describe('table export', () => {
	it('neutralises text that a spreadsheet would run as a formula', () => {
		expect(neutralise('=1+1')).toBe("'=1+1");
		expect(neutralise('+1')).toBe("'+1");
		expect(neutralise('-1')).toBe("'-1");
		expect(neutralise('@A1')).toBe("'@A1");
		expect(neutralise('\t=1')).toBe("'\t=1");
		expect(neutralise('Platy 5011')).toBe('Platy 5011');
	});

	it('writes money exactly, to the haléř', () => {
		expect(czkText(123456n, ',')).toBe('1234,56');
		expect(czkText(-5n, ',')).toBe('-0,05');
		expect(czkText(99999999999n, '.')).toBe('999999999.99');
	});

	it('makes a Czech CSV with BOM, semicolons and decimal commas', () => {
		const csv = toCsv(table);
		expect(csv.startsWith('\uFEFFText;Částka;Podíl\r\n')).toBe(true);
		const lines = csv.slice(1).trim().split('\r\n');
		expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"")";1234,56;12,5`);
		expect(lines[2]).toBe("'+420 123;-0,05;");
		expect(lines[3]).toBe("'-1;0,00;100");
		expect(lines[4]).toBe("'@SUM(A1);1,00;0");
		expect(lines[5]).toBe('"obyčejný; text";999999999,99;50');
	});

	it('makes an XLSX whose text cells cannot become formulas', async () => {
		const bytes = await toXlsx(table);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		expect(sheet.getCell('A2').value).toBe(`'=HYPERLINK("http://x")`);
		expect(sheet.getCell('B2').value).toBe(1234.56);
		expect(sheet.getCell('B3').value).toBe(-0.05);
		expect(sheet.getCell('A5').value).toBe("'@SUM(A1)");
		expect(sheet.getCell('C2').value).toBe(0.125);
		expect(sheet.rowCount).toBe(6);
	});
});

import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseCsv, parseFile } from './import-file';

describe('KPI actuals file', () => {
	it('reads a Czech CSV with a header, BOM, quotes and decimal commas', () => {
		const result = parseCsv(
			'\uFEFFobdobí;kód;hodnota;komentář\r\n2026-03;KPI-01;"12,5";"mimo; cíl"\r\n\r\n2026-04;KPI-02;7;\r\n'
		);
		expect(result).toEqual({
			ok: true,
			rows: [
				{ line: 2, period: '2026-03', code: 'KPI-01', value: '12,5', comment: 'mimo; cíl' },
				{ line: 4, period: '2026-04', code: 'KPI-02', value: '7', comment: '' }
			]
		});
	});

	it('reads columns in any named order, or the default order without a header', () => {
		expect(parseCsv('value,kpi,period\n3.5,K1,2026')).toEqual({
			ok: true,
			rows: [{ line: 2, period: '2026', code: 'K1', value: '3.5', comment: '' }]
		});
		expect(parseCsv('2026-01;KPI-02;14,5;\n2026-02;KPI-02;13;')).toEqual({
			ok: true,
			rows: [
				{ line: 1, period: '2026-01', code: 'KPI-02', value: '14,5', comment: '' },
				{ line: 2, period: '2026-02', code: 'KPI-02', value: '13', comment: '' }
			]
		});
		expect(parseCsv('2026-Q1\tK1\t4')).toEqual({
			ok: true,
			rows: [{ line: 1, period: '2026-Q1', code: 'K1', value: '4', comment: '' }]
		});
	});

	it('refuses an empty file and a header without a value column', () => {
		expect(parseCsv('\n\n')).toEqual({ ok: false, key: 'goals_import_empty' });
		expect(parseCsv('období;kód\n2026;K1')).toEqual({ ok: false, key: 'goals_import_bad_header' });
	});

	it('reads Windows-1250 CSV', async () => {
		// "období;kód;hodnota;komentář\n2026;K1;1;zpoždění" in Windows-1250
		const bytes = new Uint8Array([
			...Buffer.from('obdob'),
			0xed,
			...Buffer.from(';k'),
			0xf3,
			...Buffer.from('d;hodnota;koment'),
			0xe1,
			0xf8,
			...Buffer.from('\n2026;K1;1;zpo'),
			0x9e,
			...Buffer.from('d'),
			0xec,
			...Buffer.from('n'),
			0xed
		]);
		const result = await parseFile('a.csv', bytes.buffer);
		expect(result).toEqual({
			ok: true,
			rows: [{ line: 2, period: '2026', code: 'K1', value: '1', comment: 'zpoždění' }]
		});
	});

	it('reads XLSX, months typed as dates included', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('data');
		ws.addRow(['Období', 'KPI', 'Hodnota']);
		ws.addRow([new Date(Date.UTC(2026, 2, 1)), 'K1', 12.5]);
		ws.addRow(['2026-04', 'K1', '13,5']);
		const buffer = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
		const result = await parseFile('actuals.xlsx', buffer);
		expect(result).toEqual({
			ok: true,
			rows: [
				{ line: 2, period: '2026-03', code: 'K1', value: '12.5', comment: '' },
				{ line: 3, period: '2026-04', code: 'K1', value: '13,5', comment: '' }
			]
		});
	});
});

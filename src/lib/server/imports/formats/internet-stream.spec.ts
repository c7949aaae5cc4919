import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { accountingAdapter } from '../registry';
import { internetStreamFile, parseInternetStream } from './internet-stream';
import { fixture, keys, utf8 } from './spec-helpers';
import { parseZipWith } from './zip';

const HEAD =
	'"DOKLAD_ROK";"DOKLAD_DATUM";"DOKLAD_AGENDA";"ORGANIZACE";"ORJ";"PARAGRAF";"POLOZKA";"CASTKA_MD";"CASTKA_DAL";"POZNAMKA"';

function line(date: string, polozka: string, md: string, dal: string, text = ''): string {
	return ['2024', date, 'UCT', '', '110', '6171', polozka, md, dal, text]
		.map((f) => `"${f}"`)
		.join(';');
}

describe('Internet Stream', () => {
	it('reads SK.csv (Windows-1250, all fields quoted, CRLF) as actuals', () => {
		const r = parseInternetStream(fixture('SK.csv'), { fileName: 'SK.csv' });
		expect(r.errors).toEqual([]);
		expect(r.encoding).toBe('windows-1250');
		expect(r.rowsRead).toBe(6);
		expect(r.rows.map((row) => [row.line, row.kind, row.month, row.polozka, row.amount])).toEqual([
			[2, 'actual', '2024-02', '5139', 1234560n],
			[3, 'actual', '2024-03', '6121', 150000000n],
			[4, 'actual', '2024-03', '5169', -200000n],
			[7, 'actual', '2024-03', '5162', 0n]
		]);
		expect(r.rows[0]).toMatchObject({
			orj: '0110',
			paragraf: '6171',
			org: null,
			text: 'Kancelářské potřeby; toner'
		});
		expect(r.rows[1]).toMatchObject({ org: '42', orj: '0170', text: null });
		expect(r.skipped).toEqual([
			{ line: 5, reason: 'revenue', polozka: '1361', amount: 500000n },
			{ line: 6, reason: 'financing', polozka: '8115', amount: -10000000n }
		]);
		expect(keys(r.warnings)).toEqual(['7:imports_warning_amount_artefact_zero']);
		expect(r.warnings[0]).toMatchObject({ field: 'castka_dal', params: { value: '2.84217E-12' } });
	});

	it('takes the kind from the file name: SR and RU are budget, SK actuals', () => {
		const bytes = utf8(`${HEAD}\n${line('', '5139', '0', '1000')}\n`);
		expect(parseInternetStream(bytes, { fileName: 'RU.csv', year: 2024 }).rows[0]).toMatchObject({
			kind: 'budget',
			month: '2024-01',
			amount: 100000n
		});
		expect(internetStreamFile('export/2024_SR.CSV')).toBe('SR');
		expect(internetStreamFile('SK.csv')).toBe('SK');
		expect(internetStreamFile('skutecnost.csv')).toBeNull();
		// An actual line needs its date.
		expect(keys(parseInternetStream(bytes, { fileName: 'SK.csv' }).errors)).toEqual([
			'2:imports_error_date_missing'
		]);
	});

	it('reports bad amounts, dates, codes and ragged lines by line number', () => {
		const text = [
			HEAD,
			line('31.02.2024', '5139', '0', '10'),
			line('1.3.2024', '5139', '0', '12,3x'),
			line('1.3.2024', '51', '0', '10'),
			'"2024";"1.3.2024";"UCT"',
			line('1.3.2024', '5139', '0', '1,005')
		].join('\r\n');
		const r = parseInternetStream(utf8(text), { fileName: 'SK.csv' });
		expect(keys(r.errors)).toEqual([
			'2:imports_error_date_invalid',
			'3:imports_error_amount_invalid',
			'4:imports_error_polozka_invalid',
			'5:imports_error_column_count',
			'6:imports_error_amount_too_precise'
		]);
		expect(r.errors[3].params).toEqual({ found: 3, expected: 10 });
		expect(r.rows).toEqual([]);
	});

	it('says which columns are missing', () => {
		const r = parseInternetStream(
			utf8('"DOKLAD_DATUM";"POLOZKA";"CASTKA"\n"1.1.2024";"5139";"1"\n')
		);
		expect(keys(r.errors)).toEqual(['1:imports_error_columns_missing']);
		expect(r.errors[0].params).toEqual({ columns: 'CASTKA_MD, CASTKA_DAL' });
	});
});

describe('ZIP of Internet Stream files', () => {
	const sr = `${HEAD}\n${line('', '5139', '0', '1000')}\n`;
	const ru = `${HEAD}\n${line('', '5139', '0', '1200')}\n${line('', '1111', '5000', '0')}\n`;
	const sk = `${HEAD}\n${line('5.3.2024', '5139', '0', '250,50')}\n`;

	it('reads RU.csv as the budget and SK.csv as actuals, leaving SR.csv out with a warning', () => {
		const zip = zipSync({ 'SR.csv': utf8(sr), 'RU.csv': utf8(ru), 'data/SK.csv': utf8(sk) });
		const r = accountingAdapter('zip').read(zip, { year: 2024 });
		expect(r.errors).toEqual([]);
		expect(r.format).toBe('internet-stream');
		expect(r.rows.map((row) => [row.file, row.line, row.kind, row.month, row.amount])).toEqual([
			['RU.csv', 2, 'budget', '2024-01', 120000n],
			['data/SK.csv', 2, 'actual', '2024-03', 25050n]
		]);
		expect(r.skipped).toEqual([
			{ file: 'RU.csv', line: 3, reason: 'revenue', polozka: '1111', amount: 500000n }
		]);
		expect(r.warnings).toEqual([
			{ line: 0, field: 'file', key: 'imports_warning_zip_sr_replaced', params: { file: 'SR.csv' } }
		]);
		expect(r.rowsRead).toBe(3);
	});

	it('reads SR.csv as the budget when there is no RU.csv, and names unknown entries', () => {
		const zip = zipSync({ 'SR.csv': utf8(sr), 'ru-readme.txt': utf8('Export z GINIS') });
		const r = accountingAdapter('zip').read(zip, { year: 2024 });
		expect(r.rows.map((row) => [row.file, row.kind, row.amount])).toEqual([
			['SR.csv', 'budget', 100000n]
		]);
		expect(keys(r.warnings)).toEqual(['0:imports_warning_zip_entry_unknown']);
	});

	it('carries the entry name on row errors', () => {
		const bad = `${HEAD}\n${line('5.3.2024', '5139', '0', 'abc')}\n`;
		const r = accountingAdapter('zip').read(zipSync({ 'SK.csv': utf8(bad) }));
		expect(r.errors).toMatchObject([
			{ file: 'SK.csv', line: 2, key: 'imports_error_amount_invalid', field: 'castka_dal' }
		]);
	});

	it('refuses an archive that unpacks beyond the limit, before unpacking it', () => {
		const zip = zipSync({ 'SK.csv': new Uint8Array(5000) });
		const r = parseZipWith(
			zip,
			{},
			() => {
				throw new Error('must not be read');
			},
			4096
		);
		expect(keys(r.errors)).toEqual(['0:imports_error_zip_too_large']);
	});

	it('refuses a damaged or empty archive with one message', () => {
		expect(keys(accountingAdapter('zip').read(utf8('PK\x03\x04 not really a zip')).errors)).toEqual(
			['0:imports_error_zip_unreadable']
		);
		expect(keys(accountingAdapter('zip').read(zipSync({})).errors)).toEqual([
			'0:imports_error_zip_empty'
		]);
	});
});

import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ACCOUNTING_ADAPTERS, parseAccountingFile, resolveFormat } from '../registry';
import { detectFormat } from './detect';
import { cp1250, fixture, keys, utf8 } from './spec-helpers';

describe('detectFormat', () => {
	it('recognises each sample by its content, whatever its name', () => {
		expect(detectFormat('export.txt', fixture('ucetnictvi-2024.kxx'))).toBe('kxx');
		expect(detectFormat('data.csv', fixture('SK.csv'))).toBe('internet-stream');
		expect(detectFormat('data.csv', fixture('vera-2024.csv'))).toBe('vera');
		expect(detectFormat('data.csv', fixture('cityvizor-2024.csv'))).toBe('cityvizor');
		expect(detectFormat('x', zipSync({ 'SK.csv': fixture('SK.csv') }))).toBe('zip');
	});

	it('leaves XLSX workbooks (also ZIPs) to the generic XLSX reader', () => {
		const xlsx = zipSync({
			'[Content_Types].xml': utf8('<Types/>'),
			'xl/workbook.xml': utf8('<workbook/>')
		});
		expect(detectFormat('naklady.bin', xlsx)).toBeNull();
		expect(detectFormat('naklady.xlsx', zipSync({ 'SK.csv': fixture('SK.csv') }))).toBeNull();
		expect(parseAccountingFile('naklady.xlsx', xlsx)).toBeNull();
	});

	it('leaves other files to the generic mapping', () => {
		expect(detectFormat('a.csv', utf8('Datum;Položka;Částka\n1.1.2024;5139;10\n'))).toBeNull();
		// A generic export with paragraf, položka and částka but no CityVizor column name.
		expect(
			detectFormat(
				'a.csv',
				utf8('Datum dokladu;ORJ;Paragraf;Položka;Částka\n1.1.2024;1;6171;5139;10\n')
			)
		).toBeNull();
		expect(detectFormat('a.csv', new Uint8Array())).toBeNull();
		expect(detectFormat('a.csv', new Uint8Array([0, 0, 0, 1, 2]))).toBeNull();
		expect(
			detectFormat('a.csv', cp1250('Paragraf (kód);Položka (kód);Schválený rozpočet\n'))
		).toBeNull();
	});

	it('sends a `.zip` that is not one to the ZIP reader, which says so', () => {
		expect(detectFormat('export.zip', utf8('hello'))).toBe('zip');
		const r = parseAccountingFile('export.zip', utf8('hello'));
		expect(r && keys(r.errors)).toEqual(['0:imports_error_zip_unreadable']);
	});

	it('lets the caller override the detection', () => {
		const bytes = fixture('cityvizor-2024.csv');
		expect(resolveFormat('a.csv', bytes, 'auto')).toBe('cityvizor');
		expect(resolveFormat('a.csv', bytes, null)).toBe('cityvizor');
		expect(resolveFormat('a.csv', bytes, 'kxx')).toBe('kxx');
		expect(resolveFormat('a.csv', bytes, 'nonsense')).toBe('cityvizor');
		const forced = parseAccountingFile('a.csv', bytes, { format: 'kxx' });
		expect(forced && keys(forced.errors)).toEqual(['0:imports_error_kxx_not_kxx']);
	});
});

describe('ACCOUNTING_ADAPTERS', () => {
	it('offers detect and read per format for the pipeline registry', () => {
		const entries = new Map(ACCOUNTING_ADAPTERS.map((a) => [a.id, a]));
		expect([...entries.keys()]).toEqual(['kxx', 'internet-stream', 'vera', 'cityvizor', 'zip']);
		const kxx = entries.get('kxx')!;
		expect(kxx.detect('u.kxx', fixture('ucetnictvi-2024.kxx'))).toBe(true);
		expect(kxx.detect('SK.csv', fixture('SK.csv'))).toBe(false);
		expect(kxx.read(fixture('ucetnictvi-2024.kxx'), {}).rows).toHaveLength(7);
	});
});

describe('parseAccountingFile', () => {
	it('detects and reads a file in one call, null for the generic mapping', () => {
		const r = parseAccountingFile('SK.csv', fixture('SK.csv'));
		expect(r?.format).toBe('internet-stream');
		expect(r?.rows).toHaveLength(4);
		expect(parseAccountingFile('a.csv', utf8('x;y\n1;2\n'))).toBeNull();
	});

	it('never throws, whatever the bytes', () => {
		let seed = 42;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const samples = [
			fixture('ucetnictvi-2024.kxx'),
			fixture('SK.csv'),
			fixture('vera-2024.csv'),
			fixture('cityvizor-2024.csv')
		];
		let reports = 0;
		for (let round = 0; round < 200; round++) {
			const base = samples[round % samples.length];
			// Truncate and flip bytes of a real sample, so the damage hits every parsing path.
			const bytes = base.slice(0, Math.floor(random() * base.length) + 1);
			for (let k = 0; k < 5; k++) {
				bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
			}
			for (const format of ['kxx', 'internet-stream', 'vera', 'cityvizor', 'zip'] as const) {
				const r = parseAccountingFile('f', bytes, { format });
				expect(r).not.toBeNull();
				reports += r!.errors.length + r!.rows.length;
			}
		}
		expect(reports).toBeGreaterThan(0);
	});
});

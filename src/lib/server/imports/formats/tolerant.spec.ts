// Tolerant rows: trailing fields past the header that carry nothing (empty, a number such as `0`)
// are dropped with one warning for the file; a whole-file problem (KXX lines before any section
// header) is one message with the count, not one per line.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFile } from '../read';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(resolve('tests/fixtures/imports', name)));

describe('tolerant rows', () => {
	it('drops numeric noise past the header with one warning, reading every row', async () => {
		const read = await readFile(fixture('extra-trailing-field.csv'), {
			fileName: 'x.csv',
			kind: 'actual'
		});
		expect(read.result.errors).toEqual([]);
		expect(read.result.rows.map((r) => [r.line, r.amount, r.text])).toEqual([
			[2, 100_00n, 'papír'],
			[3, 200_00n, 'papír'],
			[4, 300_00n, 'služby'],
			[5, 50_00n, 'služby']
		]);
		expect(read.result.warnings).toEqual([
			{
				line: 3,
				field: 'file',
				key: 'imports_warning_extra_fields',
				params: { count: 2, expected: 4 }
			}
		]);
	});

	it('still refuses a trailing field with text in it (the row would shift)', async () => {
		const text = 'Datum;Položka;Částka;Text\n11.1.2025;5139;200,00;papír;navíc\n';
		const read = await readFile(new TextEncoder().encode(text), {
			fileName: 'x.csv',
			kind: 'actual'
		});
		expect(read.result.errors.map((e) => [e.line, e.key])).toEqual([
			[2, 'imports_error_column_count']
		]);
	});

	it('reports KXX lines without a section header once, with their count', async () => {
		const read = await readFile(fixture('kxx-no-section.kxx'), {
			fileName: 'bez-oddilu.kxx',
			kind: 'actual'
		});
		expect(read.format).toBe('kxx');
		expect(read.result.errors).toEqual([
			{ line: 2, field: 'file', key: 'imports_error_kxx_no_section', params: { count: 42 } }
		]);
		expect(read.result.rows).toEqual([]);
	});
});

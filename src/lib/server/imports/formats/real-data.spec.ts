import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAmount } from './amount';
import { normalizeHeader } from './columns';
import { parseCsv } from './csv';
import { detectFormat } from './detect';
import { decodeText } from './encoding';
import { parseAccountingFile } from '../registry';

// Real public exports kept outside the repository (see their SOURCES.md); skipped when absent.
const DATA = resolve(process.cwd(), '../shared/data');
const brno = resolve(DATA, 'brno-stred-2016/expenditures.csv');
const cernosice = resolve(DATA, 'cernosice-2016');

describe.skipIf(!existsSync(brno))('Brno-střed 2016 (CityVizor import CSV)', () => {
	it('reads all 8,876 transactions as actual costs with the right totals', () => {
		const bytes = new Uint8Array(readFileSync(brno));
		expect(detectFormat('expenditures.csv', bytes)).toBe('cityvizor');
		const r = parseAccountingFile('expenditures.csv', bytes)!;
		expect(r.errors).toEqual([]);
		expect(r.warnings).toEqual([]);
		expect(r.encoding).toBe('utf-8');
		expect(r.rowsRead).toBe(8876);
		expect(r.rows).toHaveLength(8876);
		const total = (cls: string) =>
			r.rows.filter((row) => row.polozka.startsWith(cls)).reduce((a, row) => a + row.amount, 0n);
		// 421 279 052,24 Kč current and 104 566 423,53 Kč capital spending, to the haléř.
		expect(total('5')).toBe(42127905224n);
		expect(total('6')).toBe(10456642353n);
		expect(new Set(r.rows.map((row) => row.month)).size).toBe(12);
		expect(r.rows.every((row) => row.kind === 'actual' && row.month.startsWith('2016-'))).toBe(
			true
		);
		expect(r.rows[0]).toMatchObject({ orj: '2030', paragraf: '6171', polozka: '5011' });
	});
});

describe.skipIf(!existsSync(cernosice))(
	'Černošice 2016 (budget tables for the generic mapping)',
	() => {
		function table(name: string) {
			const { text } = decodeText(new Uint8Array(readFileSync(resolve(cernosice, name))));
			const [header, ...rows] = parseCsv(text);
			return { header: header.fields.map(normalizeHeader), rows };
		}

		it('is in none of the fixed formats: the generic mapping reads it', () => {
			for (const name of ['budget_2016.csv', 'expenditures_2016.csv']) {
				expect(
					detectFormat(name, new Uint8Array(readFileSync(resolve(cernosice, name))))
				).toBeNull();
			}
		});

		it('gives the shared tokenizer and amount parser exact totals with decimal commas', () => {
			const { header, rows } = table('budget_2016.csv');
			expect(header).toEqual([
				'paragraf_(kod)',
				'polozka_(kod)',
				'schvaleny_rozpocet',
				'rozpocet_po_zmenach',
				'vysledek_od_pocatku_roku'
			]);
			expect(rows).toHaveLength(401);
			const sum = (col: number) =>
				rows.reduce((a, r) => {
					const v = parseAmount(r.fields[col]);
					if (!v.ok || v.artefact) throw new Error(`line ${r.line}: ${r.fields[col]}`);
					return a + v.value;
				}, 0n);
			expect(sum(2)).toBe(30446057700n);
			expect(sum(3)).toBe(33892354117n);
			expect(sum(4)).toBe(13552121467n);
			const expenditures = table('expenditures_2016.csv');
			expect(expenditures.rows).toHaveLength(609);
			expect(expenditures.rows.every((r) => r.fields.length === 6)).toBe(true);
		});
	}
);

// Yearly tables (one row per paragraf × položka, no dates) through the generic reader: each header
// variant, the column taken by kind or by choice, a year required, and the Černošice 2016 budget.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFile } from '../read';
import { pickYearlyColumn, yearlyColumns } from './columns';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(resolve('tests/fixtures/imports', name)));
const sum = (rows: { amount: bigint }[]) => rows.reduce((s, r) => s + r.amount, 0n);

describe('yearly table columns', () => {
	it('recognises the MF report names, the MONITOR columns and the abbreviations', () => {
		expect(
			yearlyColumns([
				'Paragraf',
				'Položka',
				'Schválený rozpočet',
				'Rozpočet po změnách',
				'Konečný rozpočet',
				'Výsledek od počátku roku'
			])
		).toEqual({
			approved: 'Schválený rozpočet',
			amended: 'Rozpočet po změnách',
			final: 'Konečný rozpočet',
			actual: 'Výsledek od počátku roku'
		});
		expect(yearlyColumns(['PARAGRAF', 'POLOZKA', 'SRDAL', 'RUDAL', 'SKDAL'])).toEqual({
			approved: 'SRDAL',
			amended: 'RUDAL',
			actual: 'SKDAL'
		});
		expect(yearlyColumns(['Par.', 'Pol.', 'SR', 'RU', 'KR', 'Skutečnost'])).toEqual({
			approved: 'SR',
			amended: 'RU',
			final: 'KR',
			actual: 'Skutečnost'
		});
		expect(yearlyColumns(['Datum', 'Položka', 'Částka'])).toEqual({});
	});

	it('takes the budget in force for a budget, the result for actuals, or the one asked for', () => {
		const all = { approved: 'SR', amended: 'RU', final: 'KR', actual: 'SK' };
		expect(pickYearlyColumn(all, 'budget')).toBe('amended');
		expect(pickYearlyColumn({ approved: 'SR', final: 'KR' }, 'budget')).toBe('final');
		expect(pickYearlyColumn({ approved: 'SR' }, 'budget')).toBe('approved');
		expect(pickYearlyColumn(all, 'actual')).toBe('actual');
		expect(pickYearlyColumn(all, 'budget', 'approved')).toBe('approved');
		expect(pickYearlyColumn({ approved: 'SR' }, 'actual')).toBeNull();
	});
});

describe('yearly tables through the generic reader', () => {
	const cases = [
		['yearly-fin-2-12.csv', 'Rozpočet po změnách', 'Výsledek od počátku roku'],
		['yearly-monitor.csv', 'RUDAL', 'SKDAL'],
		['yearly-abbreviations.csv', 'RU', 'Skutečnost']
	] as const;

	it.each(cases)(
		'%s: the amended budget for a budget, filed under January',
		async (name, amended) => {
			const read = await readFile(fixture(name), { fileName: name, kind: 'budget', year: 2023 });
			expect(read.result.errors).toEqual([]);
			expect(read.yearly).toMatchObject({ year: 2023, column: 'amended', header: amended });
			expect(read.result.rows.map((r) => [r.month, r.paragraf, r.polozka, r.amount])).toEqual([
				['2023-01', '6171', '5139', 1200_50n],
				['2023-01', '6171', '5169', 2000_00n],
				['2023-01', '3612', '6121', 4000_00n]
			]);
		}
	);

	it.each(cases)('%s: the result for actuals', async (name, _amended, actual) => {
		const read = await readFile(fixture(name), { fileName: name, kind: 'actual', year: 2023 });
		expect(read.result.errors).toEqual([]);
		expect(read.yearly).toMatchObject({ column: 'actual', header: actual });
		expect(sum(read.result.rows)).toBe(800_25n + 1999_99n + 3500_00n);
	});

	it('reads the approved budget when asked', async () => {
		const read = await readFile(fixture('yearly-fin-2-12.csv'), {
			fileName: 'r.csv',
			kind: 'budget',
			year: 2023,
			yearlyColumn: 'approved'
		});
		expect(read.yearly?.column).toBe('approved');
		expect(sum(read.result.rows)).toBe(8000_00n);
		// The revenue line (1111) is counted as skipped, not read as a cost.
		expect(read.result.skipped).toHaveLength(1);
	});

	it('says a year is needed instead of "date column missing"', async () => {
		const read = await readFile(fixture('yearly-monitor.csv'), {
			fileName: 'r.csv',
			kind: 'budget'
		});
		expect(read.result.errors.map((e) => [e.line, e.key])).toEqual([
			[1, 'imports_error_yearly_needs_year']
		]);
	});

	it('refuses a column the table does not have, naming it', async () => {
		const read = await readFile(fixture('yearly-monitor.csv'), {
			fileName: 'r.csv',
			kind: 'budget',
			year: 2023,
			yearlyColumn: 'final'
		});
		expect(read.result.errors.map((e) => e.key)).toEqual(['imports_error_yearly_column_missing']);
		expect(read.result.rows).toEqual([]);
	});
});

const cernosice = resolve('/work/shared/data/cernosice-2016/budget_2016.csv');
describe.skipIf(!existsSync(cernosice))('Černošice 2016 budget as a yearly table', () => {
	const bytes = () => new Uint8Array(readFileSync(cernosice));

	it('imports the amended budget of all 401 lines to the haléř', async () => {
		const read = await readFile(bytes(), {
			fileName: 'budget_2016.csv',
			kind: 'budget',
			year: 2016
		});
		expect(read.result.errors).toEqual([]);
		expect(read.yearly).toMatchObject({ column: 'amended', header: 'Rozpočet po změnách' });
		expect(read.result.rows).toHaveLength(401);
		expect(sum(read.result.rows)).toBe(338_923_541_17n);
	});

	it('the approved budget and the result, each to the haléř', async () => {
		const approved = await readFile(bytes(), {
			fileName: 'budget_2016.csv',
			kind: 'budget',
			year: 2016,
			yearlyColumn: 'approved'
		});
		expect(sum(approved.result.rows)).toBe(304_460_577_00n);
		const actual = await readFile(bytes(), {
			fileName: 'budget_2016.csv',
			kind: 'actual',
			year: 2016
		});
		expect(actual.yearly?.header).toBe('Výsledek od počátku roku');
		expect(sum(actual.result.rows)).toBe(135_521_214_67n);
	});
});

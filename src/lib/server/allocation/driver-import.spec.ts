import { describe, expect, it } from 'vitest';
import { validateDriverValues, valueSets, type DriverImportContext } from './driver-import';

const ctx: DriverImportContext = {
	processes: [
		{ id: 1, code: 'P-A' },
		{ id: 2, code: 'P-B' }
	],
	drivers: [
		{ id: 10, code: 'CASES', name: 'Počet případů' },
		{ id: 11, code: 'PCS', name: 'Počet počítačů' }
	],
	year: 2025,
	years: { from: 1990, to: 2036 }
};
const table = (headers: string[], ...rows: string[][]) => ({
	headerLine: 1,
	headers,
	records: rows.map((fields, i) => ({ line: i + 2, fields }))
});

describe('driver values from a file', () => {
	it('recognises Czech and English headers, Czech decimals, codes in any case and driver names', () => {
		const cs = validateDriverValues(
			table(['Kód procesu', 'Vztahová veličina', 'Hodnota'], ['p-a', 'cases', '1 234,5']),
			ctx
		);
		expect(cs.errors).toEqual([]);
		expect(cs.rows).toEqual([
			{
				line: 2,
				processId: 1,
				processCode: 'P-A',
				driverId: 10,
				driverCode: 'CASES',
				year: 2025,
				value: '1234.5000'
			}
		]);
		const en = validateDriverValues(
			table(
				['Year', 'Process code', 'Driver code', 'Value'],
				['2024', 'P-B', 'Počet počítačů', '3']
			),
			ctx
		);
		expect(en.rows).toMatchObject([{ processId: 2, driverId: 11, year: 2024, value: '3.0000' }]);
	});

	it('names the missing columns and needs a year from the file or the form', () => {
		const missing = validateDriverValues(table(['Proces', 'Hodnota'], ['P-A', '1']), ctx);
		expect(missing.errors).toEqual([
			{ line: 1, key: 'people_import_columns', params: { columns: 'kod_veliciny' } }
		]);
		const noYear = validateDriverValues(
			table(
				['Proces', 'Veličina', 'Hodnota', 'Rok'],
				['P-A', 'CASES', '1', ''],
				['P-B', 'CASES', '1', '2024']
			),
			{ ...ctx, year: null }
		);
		expect(noYear.errors.map((e) => [e.line, e.key])).toEqual([[2, 'allocation_import_no_year']]);
		expect(noYear.rows).toEqual([]);
	});

	it('reports every bad row by its line and returns no row at all', () => {
		const check = validateDriverValues(
			table(
				['Proces', 'Veličina', 'Rok', 'Hodnota'],
				['P-A', 'CASES', '2025', '1,23456'],
				['P-A', 'CASES', '2037', '1'],
				['P-B', 'CASES', '2025', '−2'],
				['P-B', 'CASES', '2025', '2'],
				['', '', '', ''],
				['P-B', 'CASES', '2025.0', '4']
			),
			ctx
		);
		expect(check.errors.map((e) => [e.line, e.key])).toEqual([
			[2, 'allocation_import_value_bad'],
			[3, 'allocation_import_year_bad'],
			[4, 'allocation_import_negative'],
			// the same process, driver and year again (a bad value still counts as the first)
			[5, 'allocation_import_duplicate'],
			[7, 'allocation_import_duplicate']
		]);
		expect(check.errors.at(-1)!.params).toEqual({ first: 4 });
		expect(check.rows).toEqual([]);
	});

	it('groups the rows by driver and year, one version each', () => {
		const { rows } = validateDriverValues(
			table(
				['Proces', 'Veličina', 'Rok', 'Hodnota'],
				['P-A', 'PCS', '2025', '1'],
				['P-A', 'CASES', '2025', '2'],
				['P-B', 'CASES', '2025', '3'],
				['P-B', 'CASES', '2024', '4']
			),
			ctx
		);
		expect(valueSets(rows).map((s) => [s.driverId, s.year, s.rows.length])).toEqual([
			[10, 2024, 1],
			[10, 2025, 2],
			[11, 2025, 1]
		]);
	});
});

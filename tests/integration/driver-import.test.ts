// Driver values imported from a file (issue #21): the preview names every problem by its row, a
// confirmed file is written whole (the driver-year's version up, an audit record, the allocation
// recomputed), a file with any error writes nothing; and the unit cost over time on the process
// card, its change from year to year explained by parts that add up to it.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as allocation from '../../src/lib/server/allocation/allocation.service';
import * as drivers from '../../src/lib/server/allocation/drivers.service';
import { unitCostHistory } from '../../src/lib/server/allocation/history.service';
import { rebuildSummary } from '../../src/lib/server/costs/aggregates';

const csv = (text: string) => new TextEncoder().encode(text);

async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('Veličiny');
	rows.forEach((r, i) => (sheet.getRow(i + 1).values = r));
	return new Uint8Array(await book.xlsx.writeBuffer());
}

describe.each(engines)('driver import and unit cost over time on %s', (engine) => {
	let t: TestDb;
	let actor: number;
	let unit: number;
	let a: number;
	let b: number;
	let cases: number;
	let pcs: number;

	const auditOf = (action: string) =>
		t.db.selectFrom('audit_event').selectAll().where('action', '=', action).execute();
	const allocated = async (year: number, processId: number) =>
		(
			await t.db
				.selectFrom('process_cost_year')
				.select('allocated')
				.where('year', '=', year)
				.where('kind', '=', 'actual')
				.where('process_id', '=', processId)
				.executeTakeFirstOrThrow()
		).allocated;

	beforeAll(async () => {
		t = await createTestDb(engine);
		actor = await build.user(t.db, { username: 'ekonom', role: 'finance' });
		unit = await build.orgUnit(t.db, { code: 'OSV', name: 'Sociální' });
		a = await build.process(t.db, { code: 'P-A', name: 'Dávky', org_unit_id: unit });
		b = await build.process(t.db, { code: 'P-B', name: 'Poradenství', org_unit_id: unit });
		for (const year of [2024, 2025]) {
			await build.processYear(t.db, { process_id: a, year, fte: '1.00', volume: 100 });
			await build.processYear(t.db, { process_id: b, year, fte: '1.00', volume: 50 });
		}
		await build.costEntries(t.db, [
			{ month: '2024-03-01', amount: 1_000_000n, org_unit_id: unit },
			{ month: '2024-04-01', amount: 100_000n, org_unit_id: unit, process_id: a },
			{ month: '2025-03-01', amount: 1_200_001n, org_unit_id: unit },
			{ month: '2025-04-01', amount: 130_000n, org_unit_id: unit, process_id: a }
		]);
		await rebuildSummary(t.db);
		await allocation.refreshProcessCosts(t.db, [2024, 2025]);
		const list = await drivers.listDrivers(t.db);
		cases = list.find((d) => d.code === 'CASES')!.id;
		pcs = list.find((d) => d.code === 'PCS')!.id;
	});
	afterAll(() => t?.destroy());

	it('names every problem of the preview by its row and returns no row to write', async () => {
		const file = csv(
			[
				'Kód procesu;Kód veličiny;Rok;Hodnota',
				'P-A;CASES;2025;10',
				'P-X;CASES;2025;5',
				'P-B;NOPE;2025;5',
				'P-B;CASES;2025;-3',
				'P-B;PCS;2025;abc',
				'p-a;cases;2025;12',
				'P-B;CASES;1850;1'
			].join('\n')
		);
		const check = await drivers.checkImport(t.db, file, 'velicny.csv', null);
		expect(check.rows).toEqual([]);
		expect(check.errors.map((e) => [e.line, e.key])).toEqual([
			[3, 'allocation_import_process'],
			[4, 'allocation_import_driver'],
			[5, 'allocation_import_negative'],
			[6, 'allocation_import_value_bad'],
			[7, 'allocation_import_duplicate'],
			[8, 'allocation_import_year_bad']
		]);
		expect(check.errors[4].params).toEqual({ first: 2 });
	});

	it('writes nothing from a file with an error, not even its good rows', async () => {
		const file = csv('process code,driver code,value\nP-A,CASES,10\nP-B,CASES,x\n');
		const done = await drivers.importValues(t.db, actor, file, 'bad.csv', 2025);
		expect(done.errors.map((e) => e.line)).toEqual([3]);
		expect((await drivers.valuesFor(t.db, cases, 2025)).version).toBe(0);
		expect(await t.db.selectFrom('driver_value').selectAll().execute()).toEqual([]);
		expect(await auditOf('driver_value.import')).toHaveLength(0);
	});

	it('writes a whole XLSX file with the year from the form, Czech decimals and English headers', async () => {
		await drivers.saveValues(t.db, actor, pcs, 2025, 0, [{ processId: b, value: '2' }]);
		const file = await workbook([
			['Process code', 'Driver', 'Value'],
			['P-A', 'CASES', '1 000'],
			['P-B', 'Počet případů', '3000,5'],
			['P-A', 'PCS', 6]
		]);
		const done = await drivers.importValues(t.db, actor, file, 'drivers.xlsx', 2025);
		expect(done.errors).toEqual([]);
		expect(done.rows).toHaveLength(3);
		expect(done.sets).toBe(2);
		const casesView = await drivers.valuesFor(t.db, cases, 2025);
		expect(casesView.version).toBe(1);
		expect(casesView.rows.map((r) => r.value)).toEqual(['1000.0000', '3000.5000']);
		// PCS had a saved value for P-B: it stays, P-A's is added, the version goes up
		const pcsView = await drivers.valuesFor(t.db, pcs, 2025);
		expect(pcsView.version).toBe(2);
		expect(pcsView.rows.map((r) => r.value)).toEqual(['6.0000', '2.0000']);
		const events = await auditOf('driver_value.import');
		expect(events.map((e) => e.entity_id).sort()).toEqual([`${cases}/2025`, `${pcs}/2025`].sort());
		expect(events.every((e) => e.user_id === actor)).toBe(true);
	});

	it('recomputes the allocation as the table editor does once a unit follows the imported driver', async () => {
		await allocation.chooseDriver(t.db, actor, unit, 2025, 0, cases);
		// 1 200 001 by 1000 : 3000.5 → 299 962.75… and 900 038.24…
		expect(await allocated(2025, a)).toBe(299_963n);
		const file = csv('kod_procesu;kod_veliciny;hodnota\nP-A;CASES;3000,5\nP-B;CASES;1000\n');
		const done = await drivers.importValues(t.db, actor, file, 'cases.csv', 2025);
		expect(done.errors).toEqual([]);
		expect((await drivers.valuesFor(t.db, cases, 2025)).version).toBe(2);
		expect(await allocated(2025, a)).toBe(900_038n);
		expect((await allocated(2025, a)) + (await allocated(2025, b))).toBe(1_200_001n);
	});

	it('explains the unit cost over time by parts that add up to the change exactly', async () => {
		const history = await unitCostHistory(t.db, a);
		expect(history.years.map((y) => y.year)).toEqual([2024, 2025]);
		const [y24, y25] = history.years;
		// 2024: 100 000 direct + 500 000 overhead (FTE half) over 100 cases
		expect(y24).toMatchObject({ direct: 100_000n, allocated: 500_000n, unitCost: 6_000n });
		expect(y24.change).toBeNull();
		expect(y25).toMatchObject({ direct: 130_000n, allocated: 900_038n, volume: 100 });
		// 1 030 038 haléřů over 100 cases: 10 300 haléřů a case
		expect(y25.unitCost).toBe(10_300n);
		expect(y25.change).toEqual({ full: 430_038n, unit: 4_300n });
		const cell = (key: string) => history.parts.find((p) => p.key === key)?.cells[2025];
		expect(history.parts.map((p) => p.kind)).toEqual(['direct', 'unit', 'volume']);
		expect(history.parts[1].label).toBe('OSV – Sociální');
		expect(cell('direct')).toEqual({ full: 30_000n, unit: 300n });
		expect(cell(`unit:${unit}`)).toEqual({ full: 400_038n, unit: 4_000n });
		expect(cell('volume')).toEqual({ full: 0n, unit: 0n });
		const sum = history.parts.reduce((s, p) => s + (p.cells[2025]?.unit ?? 0n), 0n);
		expect(sum).toBe(y25.change!.unit);
	});

	it('shows the volume effect when the number of cases changes', async () => {
		await t.db
			.updateTable('process_year')
			.set({ volume: 80 })
			.where('process_id', '=', a)
			.where('year', '=', 2025)
			.execute();
		await allocation.refreshProcessCosts(t.db, [2025]);
		const history = await unitCostHistory(t.db, a);
		const y25 = history.years[1];
		// 1 030 038 over 80 cases; last year's 600 000 over 80 instead of 100: +15 Kč a case
		expect(y25.unitCost).toBe(12_875n);
		expect(history.parts.find((p) => p.kind === 'volume')!.cells[2025].unit).toBe(1_500n);
		const sum = history.parts.reduce((s, p) => s + (p.cells[2025]?.unit ?? 0n), 0n);
		expect(sum).toBe(y25.change!.unit);
		expect(y25.change!.unit).toBe(12_875n - 6_000n);
	});
});

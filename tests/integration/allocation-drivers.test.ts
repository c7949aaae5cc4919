// Allocation drivers (issue #21): a unit's overhead spread by a measured quantity per process and
// year; the driver values saved as one table, versioned and audited; a driver adding up to zero
// leaves the overhead unallocated and shown, never lost; FTE stays the default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as allocation from '../../src/lib/server/allocation/allocation.service';
import * as drivers from '../../src/lib/server/allocation/drivers.service';
import { rebuildSummary } from '../../src/lib/server/costs/aggregates';
import * as costs from '../../src/lib/server/costs/costs.service';
import { ConflictError, ValidationError } from '../../src/lib/server/shared/errors';

describe.each(engines)('allocation drivers on %s', (engine) => {
	let t: TestDb;
	let actor: number;
	let unit: number;
	let a: number;
	let b: number;
	let c: number;
	let cases: number;

	const fullCosts = async () =>
		new Map((await costs.processCosts(t.db, 2025)).map((p) => [p.processId, p]));
	const auditOf = (action: string) =>
		t.db.selectFrom('audit_event').selectAll().where('action', '=', action).execute();
	async function totals() {
		const ledger = await sql<{ s: bigint }>`select coalesce(sum(amount), 0)::bigint as s
			from cost_entry where kind = 'actual'`.execute(t.db);
		const full = await sql<{ s: bigint }>`select coalesce(sum(full_cost), 0)::bigint as s
			from process_cost_year where year = 2025 and kind = 'actual'`.execute(t.db);
		const rest = (await allocation.coverage(t.db, 2025)).reduce((s, r) => s + r.unallocated, 0n);
		return { ledger: BigInt(ledger.rows[0].s), full: BigInt(full.rows[0].s), rest };
	}

	beforeAll(async () => {
		t = await createTestDb(engine);
		actor = await build.user(t.db, { username: 'ekonom', role: 'finance' });
		unit = await build.orgUnit(t.db, { code: 'OSV', name: 'Sociální' });
		a = await build.process(t.db, { code: 'P-A', name: 'Dávky', org_unit_id: unit });
		b = await build.process(t.db, { code: 'P-B', name: 'Poradenství', org_unit_id: unit });
		c = await build.process(t.db, { code: 'P-C', name: 'Šetření', org_unit_id: unit });
		for (const [id, fte] of [
			[a, '1.00'],
			[b, '1.00'],
			[c, '2.00']
		] as const) {
			await build.processYear(t.db, { process_id: id, year: 2025, fte, volume: 100 });
		}
		// Odd haléře so rounding anywhere would show: overhead of the unit and one direct cost.
		await build.costEntries(t.db, [
			{ month: '2025-03-01', amount: 1_000_001n, org_unit_id: unit },
			{ month: '2025-04-01', amount: 50_000n, org_unit_id: unit, process_id: a }
		]);
		await rebuildSummary(t.db);
		await allocation.refreshProcessCosts(t.db, [2025]);
		cases = (await drivers.listDrivers(t.db)).find((d) => d.code === 'CASES')!.id;
	});
	afterAll(() => t?.destroy());

	it('keeps FTE as the default: the overhead by FTE share, exact to the haléř', async () => {
		const p = await fullCosts();
		expect(p.get(a)!.allocated + p.get(b)!.allocated + p.get(c)!.allocated).toBe(1_000_001n);
		expect(p.get(c)!.allocated).toBe(500_001n);
		expect(p.get(a)!.steps[0].keySource).toBe('fte');
		const check = await allocation.coverage(t.db, 2025);
		expect(check).toEqual([expect.objectContaining({ overhead: 1_000_001n, unallocated: 0n })]);
	});

	it('lists the built-in drivers: cases, hours, floor area, documents, PCs', async () => {
		const codes = (await drivers.listDrivers(t.db)).map((d) => d.code);
		expect(codes).toEqual(expect.arrayContaining(['CASES', 'HOURS', 'AREA', 'DOCS', 'PCS']));
	});

	it('leaves the overhead unallocated and shown when the chosen driver adds up to zero', async () => {
		await allocation.chooseDriver(t.db, actor, unit, 2025, 0, cases);
		const p = await fullCosts();
		expect(p.get(a)!.allocated + p.get(b)!.allocated + p.get(c)!.allocated).toBe(0n);
		const [row] = await allocation.coverage(t.db, 2025);
		expect(row).toMatchObject({ source: 'driver', unallocated: 1_000_001n, reason: 'zero' });
		const { ledger, full, rest } = await totals();
		expect(full + rest).toBe(ledger);
		expect(await auditOf('allocation.change_driver')).toHaveLength(1);
	});

	it('refuses a bad value at its cell and writes nothing', async () => {
		const save = drivers.saveValues(t.db, actor, cases, 2025, 0, [
			{ processId: a, value: '10' },
			{ processId: b, value: '-3' },
			{ processId: c, value: 'abc' }
		]);
		await expect(save).rejects.toBeInstanceOf(ValidationError);
		await expect(save).rejects.toMatchObject({
			errors: { [`p${b}`]: 'allocation_err_driver_value', [`p${c}`]: 'allocation_err_driver_value' }
		});
		expect((await drivers.valuesFor(t.db, cases, 2025)).version).toBe(0);
		expect(await auditOf('driver_value.save')).toHaveLength(0);
	});

	it('spreads the overhead by the driver values once they are saved, versioned and audited', async () => {
		await drivers.saveValues(t.db, actor, cases, 2025, 0, [
			{ processId: a, value: '1 000' },
			{ processId: b, value: '2000,5' },
			{ processId: c, value: '' }
		]);
		const view = await drivers.valuesFor(t.db, cases, 2025);
		expect(view.version).toBe(1);
		expect(view.rows.find((r) => r.processId === b)!.value).toBe('2000.5000');
		const p = await fullCosts();
		// 1 000 001 by 1000 : 2000.5 : 0 → 333 278.45… and 666 722.54… (a process without a value gets
		// nothing; the odd haléř goes to the larger remainder)
		expect(p.get(c)!.allocated).toBe(0n);
		expect(p.get(a)!.allocated + p.get(b)!.allocated).toBe(1_000_001n);
		expect(p.get(a)!.allocated).toBe(333_278n);
		expect(p.get(a)!.steps[0]).toMatchObject({ keySource: 'driver', driverName: 'Počet případů' });
		expect(p.get(a)!.fullCost).toBe(333_278n + 50_000n);
		const [row] = await allocation.coverage(t.db, 2025);
		expect(row.unallocated).toBe(0n);
		const { ledger, full, rest } = await totals();
		expect(rest).toBe(0n);
		expect(full).toBe(ledger);
		const [event] = await auditOf('driver_value.save');
		expect(event.entity_id).toBe(`${cases}/2025`);
		// A save from a form loaded before is refused.
		await expect(
			drivers.saveValues(t.db, actor, cases, 2025, 0, [{ processId: a, value: '5' }])
		).rejects.toBeInstanceOf(ConflictError);
	});

	it('returns to FTE and to exactly the FTE result', async () => {
		const version = (await allocation.keyFor(t.db, unit, 2025)).version;
		await allocation.chooseDriver(t.db, actor, unit, 2025, version, null);
		const p = await fullCosts();
		expect(p.get(c)!.allocated).toBe(500_001n);
		expect(p.get(a)!.steps[0].keySource).toBe('fte');
	});

	it('adds a driver of the office, its code unique', async () => {
		const id = await drivers.createDriver(
			t.db,
			{ id: actor },
			{
				code: 'PODANI',
				name: 'Podání na podatelně',
				unit: 'podání'
			}
		);
		expect((await drivers.listDrivers(t.db)).some((d) => d.id === id)).toBe(true);
		await expect(
			drivers.createDriver(t.db, { id: actor }, { code: 'podani', name: 'X', unit: 'ks' })
		).rejects.toBeInstanceOf(ValidationError);
		expect(await auditOf('cost_driver.create')).toHaveLength(1);
	});
});

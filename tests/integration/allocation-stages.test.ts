// Staged allocation (issue #21): support processes passed on, in the clerk's order, to the
// processes they serve; stages saved (versioned, audited) or refused at the row; the recomputed
// full costs still add up to the ledger; no stages: the same results as before; scenarios
// computed by the same function, saved and reopened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as allocation from '../../src/lib/server/allocation/allocation.service';
import * as drivers from '../../src/lib/server/allocation/drivers.service';
import * as stages from '../../src/lib/server/allocation/stages.service';
import { rebuildSummary } from '../../src/lib/server/costs/aggregates';
import * as costs from '../../src/lib/server/costs/costs.service';
import { ConflictError, ValidationError } from '../../src/lib/server/shared/errors';

describe.each(engines)('staged allocation on %s', (engine) => {
	let t: TestDb;
	let actor: number;
	let a: number;
	let b: number;
	let it_: number;
	let hr: number;
	let pcs: number;
	let hours: number;

	const byId = async () =>
		new Map((await costs.processCosts(t.db, 2025)).map((p) => [p.processId, p]));
	async function totals() {
		const ledger = await sql<{ s: bigint }>`select coalesce(sum(amount), 0)::bigint as s
			from cost_entry where kind = 'actual'`.execute(t.db);
		const full = await sql<{ s: bigint }>`select coalesce(sum(full_cost), 0)::bigint as s
			from process_cost_year where year = 2025 and kind = 'actual'`.execute(t.db);
		return { ledger: BigInt(ledger.rows[0].s), full: BigInt(full.rows[0].s) };
	}
	const refusal = async (p: Promise<unknown>) => {
		const e = await p.catch((x) => x);
		expect(e).toBeInstanceOf(ValidationError);
		return (e as ValidationError).errors;
	};

	beforeAll(async () => {
		t = await createTestDb(engine);
		actor = await build.user(t.db, { username: 'ekonom', role: 'finance' });
		const office = await build.orgUnit(t.db, { code: 'OSV', name: 'Sociální' });
		const it = await build.orgUnit(t.db, { code: 'IT', name: 'Informatika' });
		a = await build.process(t.db, { code: 'P-A', name: 'Dávky', org_unit_id: office });
		b = await build.process(t.db, { code: 'P-B', name: 'Poradenství', org_unit_id: office });
		it_ = await build.process(t.db, {
			code: 'S-IT',
			name: 'Správa IT',
			org_unit_id: it,
			kind: 'support'
		});
		hr = await build.process(t.db, {
			code: 'S-HR',
			name: 'Personalistika',
			org_unit_id: it,
			kind: 'support'
		});
		for (const [id, fte] of [
			[a, '1.00'],
			[b, '3.00'],
			[it_, '1.00'],
			[hr, '1.00']
		] as const) {
			await build.processYear(t.db, { process_id: id, year: 2025, fte, volume: 7 });
		}
		await build.costEntries(t.db, [
			{ month: '2025-03-01', amount: 1_000_001n, org_unit_id: office },
			{ month: '2025-03-01', amount: 333_337n, org_unit_id: it },
			{ month: '2025-04-01', amount: 50_003n, org_unit_id: it, process_id: it_ }
		]);
		await rebuildSummary(t.db);
		await allocation.refreshProcessCosts(t.db, [2025]);
		const list = await drivers.listDrivers(t.db);
		pcs = list.find((d) => d.code === 'PCS')!.id;
		hours = list.find((d) => d.code === 'HOURS')!.id;
		await drivers.saveValues(t.db, actor, pcs, 2025, 0, [
			{ processId: a, value: '1' },
			{ processId: b, value: '2' },
			{ processId: it_, value: '5' },
			{ processId: hr, value: '1' }
		]);
	});
	afterAll(() => t?.destroy());

	it('without stages: only the units steps, full costs add up to the ledger', async () => {
		const p = await byId();
		expect(p.get(it_)!.passedOn).toBe(0n);
		expect(p.get(it_)!.steps.every((s) => s.stage === undefined)).toBe(true);
		const { ledger, full } = await totals();
		expect(full).toBe(ledger);
	});

	it('passes IT on by PCs: exact, audited, steps with source, sum unchanged', async () => {
		const before = await byId();
		const itCost = before.get(it_)!.fullCost;
		await stages.saveStages(t.db, actor, 2025, 0, [{ sourceId: it_, driverId: pcs }]);
		const p = await byId();
		expect(p.get(it_)!.passedOn).toBe(itCost);
		expect(p.get(it_)!.fullCost).toBe(0n);
		const got = [a, b, hr].map((id) => p.get(id)!.steps.find((s) => s.stage === 1)!);
		expect(got.every((s) => s.sourceCode === 'S-IT')).toBe(true);
		expect(got.reduce((s, x) => s + x.amount, 0n)).toBe(itCost);
		// B has twice A's PCs.
		expect(got[1].amount - 2n * got[0].amount).toBeLessThanOrEqual(2n);
		expect(p.get(b)!.unitCost).not.toBe(before.get(b)!.unitCost);
		const { ledger, full } = await totals();
		expect(full).toBe(ledger);
		const view = await stages.stagesFor(t.db, 2025);
		expect(view.version).toBe(1);
		expect(view.steps.map((s) => s.code)).toEqual(['P-A', 'P-B', 'S-HR']);
		const logged = await t.db
			.selectFrom('audit_event')
			.selectAll()
			.where('action', '=', 'allocation_stage.save')
			.execute();
		expect(logged).toHaveLength(1);
		// The unit check counts the units' overhead only, not the stages.
		const check = await allocation.coverage(t.db, 2025);
		expect(check.every((c) => c.unallocated === 0n)).toBe(true);
	});

	it('runs a second stage after the first: HR by FTE carries what it got from IT', async () => {
		await stages.saveStages(t.db, actor, 2025, 1, [
			{ sourceId: it_, driverId: pcs },
			{ sourceId: hr, driverId: null }
		]);
		const p = await byId();
		expect(p.get(hr)!.fullCost).toBe(0n);
		expect(p.get(it_)!.fullCost).toBe(0n);
		const { ledger, full } = await totals();
		expect(full).toBe(ledger);
		expect(p.get(a)!.fullCost + p.get(b)!.fullCost).toBe(ledger);
	});

	it('refuses a stale version, a core process, twice, a cycle and a stranding order', async () => {
		await expect(
			stages.saveStages(t.db, actor, 2025, 1, [{ sourceId: it_, driverId: pcs }])
		).rejects.toBeInstanceOf(ConflictError);
		expect(
			await refusal(stages.saveStages(t.db, actor, 2025, 2, [{ sourceId: a, driverId: null }]))
		).toEqual({ stage0: 'allocation_stage_err_source' });
		expect(
			await refusal(
				stages.saveStages(t.db, actor, 2025, 2, [
					{ sourceId: it_, driverId: pcs },
					{ sourceId: it_, driverId: null }
				])
			)
		).toEqual({ stage1: 'allocation_stage_err_twice' });
		// HR first by FTE, then IT serving HR by PCs: HR's share of IT would be stranded.
		expect(
			await refusal(
				stages.saveStages(t.db, actor, 2025, 2, [
					{ sourceId: hr, driverId: null },
					{ sourceId: it_, driverId: pcs }
				])
			)
		).toEqual({ stage1: 'allocation_stage_err_order' });
		await drivers.saveValues(t.db, actor, hours, 2025, 0, [
			{ processId: a, value: '1' },
			{ processId: it_, value: '4' }
		]);
		expect(
			await refusal(
				stages.saveStages(t.db, actor, 2025, 2, [
					{ sourceId: it_, driverId: pcs },
					{ sourceId: hr, driverId: hours }
				])
			)
		).toEqual({ stage1: 'allocation_stage_err_cycle' });
		expect((await stages.stagesFor(t.db, 2025)).version).toBe(2);
	});

	it('computes a scenario by the same function, unsaved, and saves and reopens it', async () => {
		const stored = await byId();
		// The same stages and values as saved: after equals before.
		const same = await stages.runScenario(t.db, 2025, {
			stages: [
				{ sourceId: it_, driverId: pcs },
				{ sourceId: hr, driverId: null }
			],
			values: []
		});
		for (const r of same) expect(r.after).toEqual(r.before);
		// No stages and A with many more PCs: IT and HR keep their costs, nothing written.
		const rows = await stages.runScenario(t.db, 2025, {
			stages: [],
			values: [{ driverId: pcs, processId: a, value: '50' }]
		});
		const itRow = rows.find((r) => r.processId === it_)!;
		expect(itRow.before.fullCost).toBe(0n);
		expect(itRow.after.fullCost).toBeGreaterThan(0n);
		expect(rows.reduce((s, r) => s + r.after.fullCost, 0n)).toBe((await totals()).ledger);
		expect((await byId()).get(a)!.fullCost).toBe(stored.get(a)!.fullCost);
		const id = await stages.saveScenario(t.db, { id: actor }, 'Bez etap', 2025, {
			stages: [],
			values: [{ driverId: pcs, processId: a, value: '50' }]
		});
		const opened = await stages.scenarioById(t.db, id);
		expect(opened.name).toBe('Bez etap');
		expect(await stages.runScenario(t.db, 2025, opened.inputs)).toEqual(rows);
		expect((await stages.listScenarios(t.db)).map((s) => s.id)).toContain(id);
		expect(
			await refusal(stages.saveScenario(t.db, { id: actor }, ' ', 2025, { stages: [], values: [] }))
		).toEqual({ name: 'error_required' });
		expect(
			await refusal(
				stages.runScenario(t.db, 2025, {
					stages: [],
					values: [{ driverId: pcs, processId: a, value: '-1' }]
				})
			)
		).toEqual({ [`v${pcs}_${a}`]: 'allocation_err_driver_value' });
	});

	it('returns to the stage-0 results when the stages are removed', async () => {
		await stages.saveStages(t.db, actor, 2025, 2, []);
		const p = await byId();
		expect([...p.values()].every((x) => x.passedOn === 0n)).toBe(true);
		expect(p.get(it_)!.steps.every((s) => s.stage === undefined)).toBe(true);
	});
});

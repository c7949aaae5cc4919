// The overview's figures against an independent computation: costs straight from the ledger
// (cost_entry, not the aggregates the overview reads), KPI statuses worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as overview from '../../src/lib/server/overview/overview.service';
import { rebuildSummary } from '../../src/lib/server/costs/aggregates';
import { refreshProcessCosts } from '../../src/lib/server/allocation/allocation.service';
import { refreshYearStatus } from '../../src/lib/server/kpis/kpis.service';
import { goalDrill } from '../../src/lib/server/overview/drill.service';
import { whatIfBase } from '../../src/lib/server/overview/what-if.service';
import { compute } from '../../src/lib/overview/what-if';
import { council } from '../../src/lib/server/reports/council.service';
import { EXPORT_TABLES, exportTable } from '../../src/lib/server/reports/export-tables';
import { toCsv } from '../../src/lib/server/export/table-export';
import { czkText } from '../../src/lib/money';

const TODAY = '2026-06-15';
const NATURES = ['fixed', 'variable', 'investment'] as const;

describe.each(engines)('overview figures on %s', (engine) => {
	let t: TestDb;
	const unit: Record<string, number> = {};
	const proc: Record<string, number> = {};

	beforeAll(async () => {
		t = await createTestDb(engine);
		const db = t.db;
		for (const code of ['A', 'B']) {
			unit[code] = await build.orgUnit(db, { code, name: `Unit ${code}` });
		}
		const processes = [
			{ code: 'P1', unit: 'A', kind: 'core', fte: '2.00', volume: 100, scores: [5, 5, 4, 4, 5] },
			{ code: 'P2', unit: 'A', kind: 'support', fte: '1.00', volume: 50, scores: [1, 1, 1, 1, 1] },
			{ code: 'P3', unit: 'B', kind: 'management', fte: '1.50', volume: 0, scores: null }
		] as const;
		for (const p of processes) {
			const [v, man, err, imp, cost] = p.scores ?? [null, null, null, null, null];
			proc[p.code] = await build.process(db, {
				code: p.code,
				name: `Process ${p.code}`,
				kind: p.kind,
				org_unit_id: unit[p.unit],
				potential_volume: v,
				potential_manual: man,
				potential_errors: err,
				potential_impact: imp,
				potential_cost: cost
			});
			for (const year of [2025, 2026]) {
				await build.processYear(db, {
					process_id: proc[p.code],
					year,
					fte: p.fte,
					volume: p.volume
				});
			}
		}

		// A deterministic pseudo-random ledger: 600 entries over 2025 and 2026 (to May).
		let seed = 42;
		const next = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			// The high bits: an LCG's low bits repeat with a short period.
			return Math.floor(seed / 65536) % n;
		};
		const entries = [];
		for (let i = 0; i < 600; i++) {
			const year = next(2) === 0 ? 2025 : 2026;
			const month = 1 + next(year === 2026 ? 5 : 12);
			const where = next(4);
			entries.push({
				kind: next(5) === 0 ? ('budget' as const) : ('actual' as const),
				month: `${year}-${String(month).padStart(2, '0')}-01`,
				amount: BigInt(next(10_000_000)) * 7n + BigInt(next(100)) - 50n,
				nature: NATURES[next(3)],
				polozka: '5169',
				org_unit_id: where === 3 ? null : unit[next(2) === 0 ? 'A' : 'B'],
				process_id: where === 0 ? proc[['P1', 'P2', 'P3'][next(3)]] : null
			});
		}
		await build.costEntries(db, entries);
		await rebuildSummary(db);
		await refreshProcessCosts(db, [2025, 2026]);

		// Goals and KPIs: G1 (strategic) has K1 off target and K2 on target; its objective G2 has
		// K3 within tolerance; G3 has no KPI data.
		const goal = (code: string, level: 'strategic' | 'objective', parent: number | null) =>
			build.goal(db, { code, name: `Goal ${code}`, level, parent_id: parent });
		const g1 = await goal('G1', 'strategic', null);
		const g2 = await goal('G2', 'objective', g1);
		await goal('G3', 'strategic', null);
		const kpi = async (
			code: string,
			goalId: number,
			direction: 'higher' | 'lower',
			target: string,
			tolerance: string,
			actual: string
		) => {
			const id = await build.kpi(db, {
				code,
				name: `KPI ${code}`,
				goal_id: goalId,
				direction,
				frequency: 'yearly'
			});
			await build.kpiPeriod(db, id, '2026', { target, tolerance, actual });
		};
		await kpi('K1', g1, 'higher', '10', '1', '8.5'); // below 10 − 1: off target
		await kpi('K2', g1, 'lower', '5', '0', '4'); // at most 5: on target
		await kpi('K3', g2, 'higher', '10', '2', '9'); // within 10 − 2: within tolerance
		await refreshYearStatus(db);

		// Programme: one milestone late, one due in 5 days, one done, one far ahead.
		const programme = (
			await db
				.insertInto('programme')
				.values({ code: 'TP', name: 'Program', start_date: '2025-01-01', end_date: '2027-12-31' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const activity = (
			await db
				.insertInto('programme_activity')
				.values({
					programme_id: programme,
					code: 'A1',
					name: 'Audit',
					start_date: '2025-01-01',
					end_date: '2027-12-31'
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await db
			.insertInto('milestone')
			.values([
				{
					activity_id: activity,
					name: 'late',
					baseline_due: '2026-05-01',
					current_due: '2026-06-01'
				},
				{
					activity_id: activity,
					name: 'soon',
					baseline_due: '2026-06-20',
					current_due: '2026-06-20'
				},
				{
					activity_id: activity,
					name: 'done',
					baseline_due: '2026-03-01',
					current_due: '2026-03-01',
					done_date: '2026-02-27'
				},
				{
					activity_id: activity,
					name: 'ahead',
					baseline_due: '2026-09-01',
					current_due: '2026-09-01'
				}
			])
			.execute();

		// Initiatives: one in progress (expects 12 000 CZK + 10 h a year at 500 CZK/h), one proposed.
		await db
			.insertInto('org_unit_year')
			.values({ org_unit_id: unit.A, year: 2026, fte: '10', hourly_cost: 50_000n })
			.execute();
		const running = (
			await db
				.insertInto('initiative')
				.values({
					code: 'I1',
					name: 'e-Spis',
					status: 'in_progress',
					expected_savings_czk: 1_200_000n,
					expected_savings_hours: '10',
					valuation_org_unit_id: unit.A
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await db
			.insertInto('initiative')
			.values({ code: 'I2', name: 'Kiosk', status: 'proposed', expected_savings_czk: 9_999_999n })
			.execute();
		await db
			.insertInto('initiative_process')
			.values({ initiative_id: running, process_id: proc.P2 })
			.execute();
		await db
			.insertInto('goal_process')
			.values([
				{ goal_id: g2, process_id: proc.P1, weight: 60 },
				{ goal_id: g2, process_id: proc.P2, weight: 40 }
			])
			.execute();
		await db
			.insertInto('initiative_saving')
			.values([
				{
					initiative_id: running,
					period_start: '2026-01-01',
					period_end: '2026-03-31',
					amount: 100_000n,
					hours: '2',
					evidence: 'Q1'
				},
				{
					initiative_id: running,
					period_start: '2025-10-01',
					period_end: '2025-12-31',
					amount: 555n,
					hours: '0',
					evidence: 'last year'
				}
			])
			.execute();
	});
	afterAll(() => t.destroy());

	async function ledger(where: string) {
		const rows = await sql<{ amount: string | null }>`
			select sum(amount)::text as amount from cost_entry where ${sql.raw(where)}`.execute(t.db);
		return BigInt(rows.rows[0].amount ?? '0');
	}

	it('shows the cost structure per year exactly as the ledger sums it', async () => {
		const o = await overview.get(t.db, 2026, TODAY);
		expect(o.costYears.map((c) => c.year)).toEqual([2025, 2026]);
		for (const c of o.costYears) {
			for (const nature of NATURES) {
				expect(c[nature]).toBe(
					await ledger(
						`kind = 'actual' and nature = '${nature}' and extract(year from month) = ${c.year}`
					)
				);
			}
			const total = await ledger(`kind = 'actual' and extract(year from month) = ${c.year}`);
			expect(c.total).toBe(total);
			expect(c.investmentShare).toBeCloseTo(Number(c.investment) / Number(total), 5);
		}
	});

	it('compares this year with the same months of last year and the whole year budget', async () => {
		const o = await overview.get(t.db, 2026, TODAY);
		expect(o.ytd.months).toBe(5);
		const upToMay = (y: number) => `month between '${y}-01-01' and '${y}-05-01'`;
		expect(o.ytd.fixed).toBe(
			await ledger(`kind = 'actual' and nature = 'fixed' and ${upToMay(2026)}`)
		);
		expect(o.ytd.fixedLastYear).toBe(
			await ledger(`kind = 'actual' and nature = 'fixed' and ${upToMay(2025)}`)
		);
		expect(o.ytd.actual).toBe(await ledger(`kind = 'actual' and ${upToMay(2026)}`));
		expect(o.ytd.budget).toBe(await ledger(`kind = 'budget' and extract(year from month) = 2026`));
	});

	it('gives each process its direct cost from the ledger and spreads all overhead to the haléř', async () => {
		const processes = await overview.processFigures(t.db, 2026);
		for (const p of processes) {
			const direct = await ledger(
				`kind = 'actual' and process_id = ${p.id} and extract(year from month) = 2026`
			);
			const row = await t.db
				.selectFrom('process_cost_year')
				.select('direct')
				.where('process_id', '=', p.id)
				.where('year', '=', 2026)
				.where('kind', '=', 'actual')
				.executeTakeFirstOrThrow();
			expect(row.direct).toBe(direct);
		}
		// Everything booked to a process, plus every unit's fixed and variable overhead, ends up in
		// the processes' full costs — not a haléř lost or made up.
		const spread = await ledger(
			`kind = 'actual' and extract(year from month) = 2026 and (process_id is not null or
			(org_unit_id is not null and nature in ('fixed', 'variable')))`
		);
		expect(processes.reduce((a, p) => a + (p.fullCost ?? 0n), 0n)).toBe(spread);
		const p1 = processes.find((p) => p.code === 'P1')!;
		expect(p1.unitCost).toBe((p1.fullCost! * 2n + 100n) / 200n);
		// Potential: (weighted average − 1) ÷ 4 × 100 with scores 5, 5, 4, 4, 5.
		expect(p1.potential).toBe(Math.round((5 * 25 + 5 * 25 + 4 * 20 + 4 * 15 + 5 * 15 - 100) / 4));
		expect(processes.find((p) => p.code === 'P2')!.potential).toBe(0);
		expect(processes.find((p) => p.code === 'P3')!.potential).toBeNull();
	});

	it('ranks the processes by full cost and by cost per case, and scores the costliest', async () => {
		const processes = await overview.processFigures(t.db, 2026);
		const o = await overview.get(t.db, 2026, TODAY);
		const desc = (a: bigint, b: bigint) => (b > a ? 1 : b < a ? -1 : 0);
		const byFull = processes
			.filter((p) => p.fullCost !== null && p.fullCost > 0n)
			.sort((a, b) => desc(a.fullCost!, b.fullCost!));
		expect(o.topFull.map((p) => p.code)).toEqual(byFull.map((p) => p.code).slice(0, 10));
		const byUnit = processes
			.filter((p) => p.unitCost !== null)
			.sort((a, b) => desc(a.unitCost!, b.unitCost!));
		expect(o.topUnit.map((p) => [p.code, p.unitCost])).toEqual(
			byUnit.map((p) => [p.code, p.unitCost]).slice(0, 10)
		);
		// The matrix: processes with a cost and a potential index (P3 has none).
		expect(o.matrix.map((p) => p.code).sort()).toEqual(
			byFull
				.filter((p) => p.potential !== null)
				.map((p) => p.code)
				.sort()
		);
		expect(o.matrixCapped).toBe(false);
	});

	it('counts KPIs and goals by status as the rules give them', async () => {
		const o = await overview.get(t.db, 2026, TODAY);
		expect(o.kpiCounts).toEqual({ on_target: 1, within_tolerance: 1, off_target: 1, no_data: 0 });
		expect(o.offTargetKpis.map((k) => [k.code, k.value, k.target])).toEqual([['K1', '8.5', '10']]);
		const status = Object.fromEntries(o.goals.map((g) => [g.code, g.status]));
		// A goal is as good as its worst KPI or sub-goal. G2: K3 within. G1: K1 off beside K2 on
		// and G2 within → off target, never hidden by the others. G3: nothing measured.
		expect(status).toEqual({ G1: 'off_target', G2: 'within_tolerance', G3: 'no_data' });
		expect(o.goalCounts).toEqual({ on_target: 0, within_tolerance: 1, off_target: 1, no_data: 1 });
		expect(o.goals.find((g) => g.code === 'G1')!.redKpis).toBe(1);
	});

	it('lists overdue milestones and those due within 30 days', async () => {
		const o = await overview.get(t.db, 2026, TODAY);
		expect(o.milestones.total).toBe(4);
		expect(o.milestones.overdue.map((m) => m.name)).toEqual(['late']);
		expect(o.milestones.next30.map((m) => [m.name, m.status])).toEqual([['soon', 'at_risk']]);
	});

	it('sets realized savings of the year against the expected savings of running initiatives', async () => {
		const o = await overview.get(t.db, 2026, TODAY);
		// 12 000 CZK + 10 h × 500 CZK; realized 1 000 CZK + 2 h × 500 CZK (2025's saving left out).
		expect(o.savings).toMatchObject({ initiatives: 1, expected: 1_700_000n, realized: 200_000n });
		// Split into the cash part and the 2 hours valued at 500 CZK.
		expect(o.savings.realizedYear).toEqual({
			cash: 100_000n,
			hours: '2',
			hoursValue: 100_000n,
			total: 200_000n
		});
		expect(o.savings.hourlyRates).toEqual({ min: 50_000n, max: 50_000n });
	});

	it('degrades to empty figures for a year with no data', async () => {
		const o = await overview.get(t.db, 2030, '2030-01-10');
		expect(o.ytd).toMatchObject({ months: 0, budget: 0n, investmentShare: null });
		expect([o.topFull, o.topUnit, o.matrix]).toEqual([[], [], []]);
		expect(o.kpiCounts.no_data).toBe(3);
	});

	it('drills from a goal to the processes of its sub-goals, costliest first, and their initiatives', async () => {
		const o = await overview.get(t.db, 2026, TODAY);
		const g1 = o.goals.find((g) => g.code === 'G1')!;
		const drill = await goalDrill(t.db, g1.id, 2026);
		const processes = await overview.processFigures(t.db, 2026);
		const full = (code: string) => processes.find((p) => p.code === code)!.fullCost!;
		const expected = ['P1', 'P2'].sort((a, b) => (full(b) > full(a) ? 1 : -1));
		expect(drill.processes.map((p) => p.code)).toEqual(expected);
		expect(drill.processes.find((p) => p.code === 'P2')!.initiatives.map((i) => i.code)).toEqual([
			'I1'
		]);
		expect(drill.kpis.map((k) => k.code).sort()).toEqual(['K1', 'K2', 'K3']);
		expect(drill.goal.children.map((c) => c.code)).toEqual(['G2']);
	});

	it('starts the what-if from exactly the booked full and unit cost', async () => {
		for (const code of ['P1', 'P2', 'P3']) {
			const { base } = await whatIfBase(t.db, proc[code], 2026);
			const booked = await t.db
				.selectFrom('process_cost_year')
				.select(['full_cost', 'unit_cost', 'allocated'])
				.where('process_id', '=', proc[code])
				.where('year', '=', 2026)
				.where('kind', '=', 'actual')
				.executeTakeFirstOrThrow();
			const r = compute(base);
			expect(r.full).toBe(booked.full_cost);
			expect(r.allocated).toBe(booked.allocated);
			expect(r.unit).toBe(booked.unit_cost);
			// Doubling the FTE of a process that shares an FTE key with others raises its share.
			if (
				base.allocations.some((a) => a.keySource === 'fte' && a.pool > 0n && a.keyFte > base.fte)
			) {
				expect(compute(base, { fte: base.fte * 2n }).allocated).toBeGreaterThan(r.allocated);
			}
		}
	});

	it('exports every table of the council report with the figures the pages show', async () => {
		const report = await council(t.db, 2026, TODAY);
		expect(report.initiatives.map((i) => i.code)).toEqual(['I1', 'I2']);
		for (const name of EXPORT_TABLES) {
			const table = exportTable(report, name);
			for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
		}
		const structure = toCsv(exportTable(report, 'cost-structure'));
		const y2026 = report.overview.costYears.find((c) => c.year === 2026)!;
		expect(structure).toContain(
			`2026;${czkText(y2026.fixed, ',')};${czkText(y2026.variable, ',')};`
		);
		const processes = exportTable(report, 'processes');
		expect(processes.rows.map((r) => r[0])).toEqual(['P1', 'P2', 'P3']);
		expect(processes.rows[0][4]).toBe(report.processes[0].fullCost);
	});
	it('serves the computed overview again until a change to the data under it commits', async () => {
		const version = async () =>
			(await t.db.selectFrom('data_version').select('version').executeTakeFirstOrThrow()).version;
		const before = await overview.get(t.db, 2026, TODAY);
		expect(await overview.get(t.db, 2026, TODAY)).toBe(before);
		const v0 = await version();
		// A change rolled back is no change.
		await t.db
			.transaction()
			.execute(async (trx) => {
				await trx.updateTable('milestone').set({ name: 'x' }).where('name', '=', 'late').execute();
				throw new Error('rolled back');
			})
			.catch(() => undefined);
		expect(await version()).toBe(v0);
		expect(await overview.get(t.db, 2026, TODAY)).toBe(before);
		// One transaction with several changes is one new version, and the overview shows them.
		const finish = (doneDate: string | null) =>
			t.db.transaction().execute(async (trx) => {
				await trx
					.updateTable('milestone')
					.set({ done_date: doneDate })
					.where('name', '=', 'late')
					.execute();
				await trx
					.updateTable('initiative')
					.set({ name: sql`name` })
					.where('code', '=', 'I1')
					.execute();
			});
		await finish('2026-06-02');
		expect(await version()).toBe(v0 + 1n);
		const after = await overview.get(t.db, 2026, TODAY);
		expect(after.milestones.overdue).toEqual([]);
		expect(after).toEqual(await overview.compute(t.db, 2026, TODAY));
		await finish(null);
		expect((await overview.get(t.db, 2026, TODAY)).milestones.overdue.map((m) => m.name)).toEqual([
			'late'
		]);
		// Another day is computed afresh (overdue and due-soon depend on the date).
		const earlier = await overview.get(t.db, 2026, '2026-05-10');
		expect(earlier.milestones.next30.map((m) => m.name)).toEqual(['late']);
	});

	it('keeps the overview while many other pages are kept beside it, the least used going first', async () => {
		const opened = await overview.get(t.db, 2026, TODAY);
		let computed = 0;
		const page = (n: number) =>
			overview.perDataVersion(t.db, `page|${n}`, async () => ({ n, computed: ++computed }));
		// Paging through a hundred pages, the overview opened between each ten of them.
		for (let n = 0; n < 100; n++) {
			await page(n);
			if (n % 10 === 9) expect(await overview.get(t.db, 2026, TODAY)).toBe(opened);
		}
		expect(computed).toBe(100);
		// The most recent pages are still kept, the oldest were let go.
		await page(99);
		expect(computed).toBe(100);
		await page(0);
		expect(computed).toBe(101);
	});
});

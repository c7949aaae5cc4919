import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as initiatives from '../../src/lib/server/initiatives/initiatives.service';
import * as overview from '../../src/lib/server/overview/overview.service';
import { council } from '../../src/lib/server/reports/council.service';

const TODAY = '2026-06-15';

/**
 * The money checks and the savings totals on real rows: each flag from the ledger, the budgets and
 * the status history, and the totals of the list, the overview and the council report reconciled.
 */
describe.each(engines)('initiative money checks on %s', (engine) => {
	let t: TestDb;
	const id: Record<string, number> = {};

	async function initiative(
		code: string,
		status: string,
		history: [string, string][],
		extra: { czk?: bigint; hours?: string; unit?: number } = {}
	) {
		const row = await t.db
			.insertInto('initiative')
			.values({
				code,
				name: `Opatření ${code}`,
				status: status as 'proposed',
				expected_savings_czk: extra.czk ?? 0n,
				expected_savings_hours: extra.hours ?? '0',
				valuation_org_unit_id: extra.unit ?? null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		id[code] = row.id;
		let from: string | null = null;
		for (const [to, at] of history) {
			await t.db
				.insertInto('initiative_status_change')
				.values({
					initiative_id: row.id,
					from_status: from,
					to_status: to,
					changed_at: new Date(`${at}T10:00:00Z`)
				})
				.execute();
			from = to;
		}
	}

	const spend = (code: string, month: string, amount: bigint) => ({
		month,
		amount,
		polozka: '5169',
		initiative_id: id[code]
	});

	beforeAll(async () => {
		t = await createTestDb(engine);
		const unit = await build.orgUnit(t.db, { code: 'OVV' });
		await t.db
			.insertInto('org_unit_year')
			.values([
				{ org_unit_id: unit, year: 2025, fte: '10', hourly_cost: 400_00n },
				{ org_unit_id: unit, year: 2026, fte: '10', hourly_cost: 500_00n }
			])
			.execute();
		const approved: [string, string][] = [
			['proposed', '2025-10-01'],
			['approved', '2026-01-20']
		];
		await initiative('A-OVER', 'in_progress', [...approved, ['in_progress', '2026-02-01']], {
			czk: 100_000_00n,
			hours: '200',
			unit
		});
		await initiative('B-EARLY', 'approved', approved);
		await initiative('C-CANCEL', 'cancelled', [...approved, ['cancelled', '2026-03-10']]);
		await initiative(
			'D-NOBUDGET',
			'done',
			[
				['proposed', '2024-10-01'],
				['approved', '2024-11-01'],
				['in_progress', '2025-01-01'],
				['done', '2026-05-31']
			],
			{ czk: 50_000_00n, unit }
		);
		await initiative('E-CLEAN', 'in_progress', [...approved, ['in_progress', '2026-02-01']]);

		await t.db
			.insertInto('initiative_budget')
			.values([
				{ initiative_id: id['A-OVER'], year: 2026, amount: 1_000_000_00n },
				{ initiative_id: id['B-EARLY'], year: 2026, amount: 500_000_00n },
				{ initiative_id: id['C-CANCEL'], year: 2026, amount: 300_000_00n },
				{ initiative_id: id['D-NOBUDGET'], year: 2025, amount: 800_000_00n },
				{ initiative_id: id['E-CLEAN'], year: 2026, amount: 200_000_00n }
			])
			.execute();
		await build.costEntries(t.db, [
			spend('A-OVER', '2026-03-01', 1_440_000_00n),
			spend('B-EARLY', '2025-12-01', 40_000_00n),
			spend('B-EARLY', '2026-01-01', 60_000_00n),
			// Spending in the month of the cancellation is allowed, the month after is not.
			spend('C-CANCEL', '2026-03-01', 10_000_00n),
			spend('C-CANCEL', '2026-05-01', 25_000_00n),
			spend('D-NOBUDGET', '2025-06-01', 700_000_00n),
			spend('D-NOBUDGET', '2026-02-01', 90_000_00n),
			spend('E-CLEAN', '2026-03-01', 200_000_00n),
			// A budget row never counts as spending.
			{ ...spend('E-CLEAN', '2026-04-01', 999_000_00n), kind: 'budget' }
		]);
		await t.db
			.insertInto('initiative_saving')
			.values([
				// 2025: cash only; 2026: 10 000 Kč + 20 h at 500 Kč/h; a Q4 2025 period ending in 2025.
				{
					initiative_id: id['D-NOBUDGET'],
					period_start: '2025-10-01',
					period_end: '2025-12-31',
					amount: 12_000_00n,
					hours: '0',
					evidence: 'Q4'
				},
				{
					initiative_id: id['A-OVER'],
					period_start: '2026-03-01',
					period_end: '2026-05-31',
					amount: 10_000_00n,
					hours: '20',
					evidence: 'jaro'
				},
				{
					initiative_id: id['D-NOBUDGET'],
					period_start: '2026-01-01',
					period_end: '2026-03-31',
					amount: 3_000_00n,
					hours: '4.5',
					evidence: 'Q1'
				}
			])
			.execute();
	});
	afterAll(() => t.destroy());

	const flagsOf = async (code: string) =>
		(await initiatives.list(t.db, 2026)).find((i) => i.code === code)!.flags;

	it('flags 144 % of the budget spent, in total and in the year', async () => {
		expect(await flagsOf('A-OVER')).toEqual([
			{ kind: 'over_budget_total', year: null, spend: 1_440_000_00n, budget: 1_000_000_00n },
			{ kind: 'over_budget_year', year: 2026, spend: 1_440_000_00n, budget: 1_000_000_00n }
		]);
	});

	it('flags spending before approval, but not in the approval month', async () => {
		// December's spending came before the approval, and 2025 had no budget either.
		expect(await flagsOf('B-EARLY')).toEqual([
			{ kind: 'unbudgeted_year', year: 2025, spend: 40_000_00n, budget: 0n },
			{ kind: 'before_approval', year: null, spend: 40_000_00n, budget: null }
		]);
	});

	it('flags spending after cancellation and in a year without budget', async () => {
		expect(await flagsOf('C-CANCEL')).toEqual([
			{ kind: 'after_close', year: null, spend: 25_000_00n, budget: null }
		]);
		expect((await flagsOf('D-NOBUDGET')).map((f) => [f.kind, f.year, f.spend])).toEqual([
			['unbudgeted_year', 2026, 90_000_00n]
		]);
		expect(await flagsOf('E-CLEAN')).toEqual([]);
	});

	it('shows the same flags on the card and in the council report', async () => {
		const card = await initiatives.get(t.db, id['A-OVER'], TODAY);
		expect(card.flags.map((f) => f.kind)).toEqual(['over_budget_total', 'over_budget_year']);
		const report = await council(t.db, 2026, TODAY);
		const flagged = Object.fromEntries(report.initiatives.map((i) => [i.code, i.flags.length]));
		expect(flagged).toMatchObject({ 'A-OVER': 2, 'B-EARLY': 2, 'D-NOBUDGET': 1, 'E-CLEAN': 0 });
		// The cancelled one is listed too, since it is flagged.
		expect(flagged['C-CANCEL']).toBe(1);
	});

	it('splits savings into cash and valued hours, since the start and in the year', async () => {
		const list = await initiatives.list(t.db, 2026);
		const totals = initiatives.portfolioTotals(list);
		// Since the start: cash 12 000 + 10 000 + 3 000; hours 20 × 500 + 4.5 × 500.
		expect(totals.realizedSince).toEqual({
			cash: 25_000_00n,
			hours: '24.5',
			hoursValue: 12_250_00n,
			total: 37_250_00n
		});
		// 2026 only: the Q4 2025 saving is left out.
		expect(totals.realizedYear).toEqual({
			cash: 13_000_00n,
			hours: '24.5',
			hoursValue: 12_250_00n,
			total: 25_250_00n
		});
		// The ledger's own sums, independent of the service.
		const cash = await sql<{ s: string }>`
			select sum(amount)::text as s from initiative_saving
			where period_end between '2026-01-01' and '2026-12-31'`.execute(t.db);
		expect(BigInt(cash.rows[0].s)).toBe(totals.realizedYear.cash);
		expect(totals.hourlyRates).toEqual({ min: 500_00n, max: 500_00n });
		expect(totals.flagged.map((f) => f.code)).toEqual([
			'A-OVER',
			'B-EARLY',
			'C-CANCEL',
			'D-NOBUDGET'
		]);
	});

	it('gives the overview and the council report the list’s totals, labelled by scope', async () => {
		const totals = initiatives.portfolioTotals(await initiatives.list(t.db, 2026));
		const o = await overview.compute(t.db, 2026, TODAY);
		// Started: A (100 000 + 200 h × 500) and D (50 000), E (0); the year's realized savings.
		expect(totals.expectedStarted).toBe(250_000_00n);
		expect(totals.startedCount).toBe(3);
		expect(o.savings).toMatchObject({
			initiatives: totals.startedCount,
			expected: totals.expectedStarted,
			realized: totals.realizedYear.total,
			realizedYear: totals.realizedYear
		});
		expect(o.savings.flagged).toEqual(totals.flagged);
		const report = await council(t.db, 2026, TODAY);
		expect(report.overview.savings.realized).toBe(o.savings.realized);
		expect(report.savingsTotals.realizedSince).toEqual(totals.realizedSince);
	});
});

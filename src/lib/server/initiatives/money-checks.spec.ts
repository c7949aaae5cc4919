import { describe, expect, it } from 'vitest';
import { moneyFlags, type MoneyCheckInput } from './money-checks';

const approvedJan: MoneyCheckInput['history'] = [
	{ toStatus: 'proposed', at: '2025-11-03' },
	{ toStatus: 'approved', at: '2026-01-20' }
];

function kinds(input: Partial<MoneyCheckInput>) {
	return moneyFlags({ status: 'approved', budgets: [], spend: [], history: approvedJan, ...input });
}

describe('initiative money checks', () => {
	it('flags nothing for spending within the budget after approval', () => {
		expect(
			kinds({
				budgets: [{ year: 2026, amount: 100n }],
				spend: [
					{ month: '2026-01-01', amount: 60n },
					{ month: '2026-02-01', amount: 40n }
				]
			})
		).toEqual([]);
	});

	it('flags spending over the budget in total and per year, but not spending equal to it', () => {
		const budgets = [
			{ year: 2026, amount: 100n },
			{ year: 2027, amount: 100n }
		];
		expect(kinds({ budgets, spend: [{ month: '2026-03-01', amount: 100n }] })).toEqual([]);
		expect(kinds({ budgets, spend: [{ month: '2026-03-01', amount: 101n }] })).toEqual([
			{ kind: 'over_budget_year', year: 2026, spend: 101n, budget: 100n }
		]);
		expect(
			kinds({
				budgets,
				spend: [
					{ month: '2026-03-01', amount: 144n },
					{ month: '2027-03-01', amount: 100n }
				]
			})
		).toEqual([
			{ kind: 'over_budget_total', year: null, spend: 244n, budget: 200n },
			{ kind: 'over_budget_year', year: 2026, spend: 144n, budget: 100n }
		]);
	});

	it('flags spending in a year whose budget is 0 or missing', () => {
		expect(
			kinds({
				budgets: [
					{ year: 2025, amount: 500n },
					{ year: 2026, amount: 0n }
				],
				spend: [
					{ month: '2026-02-01', amount: 30n },
					{ month: '2027-02-01', amount: 20n }
				]
			}).map((f) => [f.kind, f.year, f.spend])
		).toEqual([
			['unbudgeted_year', 2026, 30n],
			['unbudgeted_year', 2027, 20n]
		]);
	});

	it('flags spending in months before the approval month, and all spending when never approved', () => {
		const spend = [
			{ month: '2025-12-01', amount: 10n },
			{ month: '2026-01-01', amount: 20n },
			{ month: '2026-02-01', amount: 30n }
		];
		const budgets = [
			{ year: 2025, amount: 100n },
			{ year: 2026, amount: 100n }
		];
		// January, the approval month, is given the benefit of the doubt.
		expect(kinds({ budgets, spend })).toEqual([
			{ kind: 'before_approval', year: null, spend: 10n, budget: null }
		]);
		expect(
			kinds({ status: 'proposed', budgets, spend, history: [approvedJan[0]] }).map((f) => f.spend)
		).toEqual([60n]);
	});

	it('flags spending after cancellation or completion, from the last such change', () => {
		const history = [
			...approvedJan,
			{ toStatus: 'in_progress', at: new Date('2026-02-01T08:00:00Z') },
			{ toStatus: 'cancelled', at: new Date('2026-04-10T08:00:00Z') }
		];
		const budgets = [{ year: 2026, amount: 1000n }];
		const spend = [
			{ month: '2026-04-01', amount: 10n },
			{ month: '2026-05-01', amount: 7n }
		];
		expect(kinds({ status: 'cancelled', history, budgets, spend })).toEqual([
			{ kind: 'after_close', year: null, spend: 7n, budget: null }
		]);
		const done = [...history.slice(0, 3), { toStatus: 'done', at: '2026-03-31' }];
		expect(kinds({ status: 'done', history: done, budgets, spend })[0].spend).toBe(17n);
		// A running initiative is never flagged for it.
		expect(kinds({ status: 'in_progress', history: history.slice(0, 3), budgets, spend })).toEqual(
			[]
		);
	});

	it('lets a refund cancel spending out', () => {
		expect(
			kinds({
				budgets: [{ year: 2026, amount: 100n }],
				spend: [
					{ month: '2026-02-01', amount: 150n },
					{ month: '2026-03-01', amount: -50n }
				]
			})
		).toEqual([]);
	});
});

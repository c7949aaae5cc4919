import { describe, expect, it } from 'vitest';
import { costStructure, yearToDate, type MonthRow } from './figures';

const row = (
	month: string,
	kind: 'actual' | 'budget',
	nature: 'fixed' | 'variable' | 'investment' | 'capital',
	amount: bigint
): MonthRow => ({ year: Number(month.slice(0, 4)), month, kind, nature, amount });

describe('costStructure', () => {
	it('sums actuals per year and nature, ignores budgets, and gives the investment share', () => {
		const years = costStructure([
			{ year: 2025, kind: 'actual', nature: 'fixed', amount: 700n },
			{ year: 2025, kind: 'actual', nature: 'investment', amount: 300n },
			{ year: 2025, kind: 'actual', nature: 'capital', amount: 5000n },
			{ year: 2025, kind: 'budget', nature: 'investment', amount: 99_999n },
			{ year: 2024, kind: 'actual', nature: 'variable', amount: 1n }
		]);
		expect(years).toEqual([
			{
				year: 2024,
				fixed: 0n,
				variable: 1n,
				investment: 0n,
				capital: 0n,
				total: 1n,
				investmentShare: 0
			},
			{
				year: 2025,
				fixed: 700n,
				variable: 0n,
				investment: 300n,
				capital: 5000n,
				total: 6000n,
				// capital spending (a school hall) stays outside: 300 ÷ (700 + 300)
				investmentShare: 0.3
			}
		]);
	});

	it('keeps sums exact beyond the float range', () => {
		const [y] = costStructure([
			{ year: 2026, kind: 'actual', nature: 'fixed', amount: 9_007_199_254_740_993n },
			{ year: 2026, kind: 'actual', nature: 'fixed', amount: 1n }
		]);
		expect(y.fixed).toBe(9_007_199_254_740_994n);
	});
});

describe('yearToDate', () => {
	const rows: MonthRow[] = [
		row('2025-01-01', 'actual', 'fixed', 1000n),
		row('2025-02-01', 'actual', 'fixed', 1000n),
		row('2025-03-01', 'actual', 'fixed', 5000n),
		row('2025-02-01', 'actual', 'investment', 500n),
		row('2026-01-01', 'actual', 'fixed', 900n),
		row('2026-02-01', 'actual', 'fixed', 900n),
		row('2026-02-01', 'actual', 'investment', 200n),
		row('2026-02-01', 'actual', 'capital', 7000n),
		row('2026-01-01', 'budget', 'fixed', 10_000n),
		row('2026-12-01', 'budget', 'investment', 2_000n)
	];

	it('compares the same months of last year and the whole year budget', () => {
		const ytd = yearToDate(rows, 2026);
		expect(ytd.months).toBe(2);
		expect(ytd.fixed).toBe(1800n);
		// March 2025 is outside the compared months.
		expect(ytd.fixedLastYear).toBe(2000n);
		expect(ytd.fixedChange).toBeCloseTo(-0.1, 10);
		expect(ytd.actual).toBe(9000n);
		expect(ytd.budget).toBe(12_000n);
		expect(ytd.execution).toBeCloseTo(9000 / 12000, 5);
		// 200 ÷ (1800 operating + 200 improvement); the 7000 capital is in neither part
		expect(ytd.investmentShare).toBeCloseTo(0.1, 10);
		expect(ytd.improvement).toBe(200n);
		expect(ytd.operating).toBe(1800n);
		expect(ytd.investmentShareLastYear).toBeCloseTo(500 / 2500, 10);
	});

	it('has no change or share without data', () => {
		const ytd = yearToDate([], 2026);
		expect(ytd).toMatchObject({
			months: 0,
			fixedChange: null,
			investmentShare: null,
			execution: null,
			budget: 0n
		});
	});
});

import { describe, expect, it } from 'vitest';
import {
	cumulativeCash,
	hoursToHundredths,
	investmentBasis,
	paybackMonths,
	roi,
	savingsValue,
	valueOfHours
} from './economics';

describe('hours valuation', () => {
	it('reads numeric hours exactly', () => {
		expect(hoursToHundredths('12.5')).toBe(1250n);
		expect(hoursToHundredths('0.05')).toBe(5n);
		expect(hoursToHundredths('300')).toBe(30000n);
		expect(hoursToHundredths('1.239')).toBe(123n);
	});
	it('values hours at the hourly cost to the haléř', () => {
		// 12.5 h × 456.78 Kč = 5 709.75 Kč
		expect(valueOfHours('12.5', 45678n)).toBe(570975n);
		// 0.33 h × 1.01 Kč = 0.3333 Kč → 0.33 Kč
		expect(valueOfHours('0.33', 101n)).toBe(33n);
	});
	it('says when hours cannot be valued rather than guessing', () => {
		expect(savingsValue(100_00n, '10', null)).toEqual({
			czk: 100_00n,
			hoursValue: null,
			total: 100_00n
		});
		expect(savingsValue(100_00n, '0', null)).toEqual({
			czk: 100_00n,
			hoursValue: 0n,
			total: 100_00n
		});
		expect(savingsValue(100_00n, '10', 500_00n).total).toBe(5_100_00n);
	});
});

describe('payback', () => {
	it('is investment ÷ monthly savings, in whole months rounded half up', () => {
		// 1 200 000 Kč at 400 000 Kč a year → 36 months
		expect(paybackMonths(1_200_000_00n, 400_000_00n)).toBe(36n);
		// 100 000 Kč at 240 000 Kč a year → 5 months
		expect(paybackMonths(100_000_00n, 240_000_00n)).toBe(5n);
		// 1 Kč at 8 Kč a year → 1.5 months → 2
		expect(paybackMonths(100n, 800n)).toBe(2n);
	});
	it('never pays back without savings; pays back at once without investment', () => {
		expect(paybackMonths(100_00n, 0n)).toBeNull();
		expect(paybackMonths(0n, 100_00n)).toBe(0n);
	});
	it('takes the actual spend as the investment only when it exceeds the budget', () => {
		expect(investmentBasis(500n, 300n)).toBe(500n);
		expect(investmentBasis(500n, 700n)).toBe(700n);
	});
});

describe('ROI', () => {
	it('is (annual savings × years − investment) ÷ investment', () => {
		const r = roi(1_000_000_00n, 300_000_00n, 5);
		expect(r.savings).toBe(1_500_000_00n);
		expect(r.net).toBe(500_000_00n);
		expect(r.ratio).toBe(0.5);
	});
	it('is negative when the horizon does not repay the investment, null without investment', () => {
		expect(roi(1_000_000_00n, 100_000_00n, 5).ratio).toBe(-0.5);
		expect(roi(0n, 100_00n).ratio).toBeNull();
	});
});

describe('cumulative cash view', () => {
	it('cumulates spend and savings per month, fills gaps and finds break-even', () => {
		const { points, breakEvenMonth } = cumulativeCash(
			[
				{ month: '2026-01-01', amount: 300n },
				{ month: '2026-01-01', amount: 100n }
			],
			[
				{ month: '2026-02', amount: 150n },
				{ month: '2026-04-30', amount: 300n }
			]
		);
		expect(points.map((p) => p.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
		expect(points.map((p) => p.net)).toEqual([-400n, -250n, -250n, 50n]);
		expect(points[3].cumulativeSpend).toBe(400n);
		expect(points[3].cumulativeSavings).toBe(450n);
		expect(breakEvenMonth).toBe('2026-04');
	});
	it('crosses year ends and reports no break-even while still under water', () => {
		const { points, breakEvenMonth } = cumulativeCash(
			[{ month: '2025-11', amount: 1000n }],
			[{ month: '2026-02', amount: 10n }]
		);
		expect(points.map((p) => p.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
		expect(breakEvenMonth).toBeNull();
	});
	it('is empty without amounts', () => {
		expect(cumulativeCash([], []).points).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { canonicalPeriod, dueDate, owedPeriods, parsePeriod, periodEnd } from './period';

describe('periods', () => {
	it.each([
		['2026', '2026'],
		['2026-03', '2026-03'],
		['2026-3', '2026-03'],
		['3/2026', '2026-03'],
		['03/2026', '2026-03'],
		['2026-Q1', '2026-Q1'],
		['2026 q4', '2026-Q4'],
		['Q2/2026', '2026-Q2'],
		['Q2 2026', '2026-Q2'],
		['3Q2026', '2026-Q3']
	])('reads %s as %s', (text, expected) => {
		expect(canonicalPeriod(text)).toBe(expected);
	});

	it.each(['2026-13', '2026-Q5', '13/2026', '26', 'březen', '1850'])('refuses %s', (text) => {
		expect(canonicalPeriod(text)).toBeNull();
	});

	it('refuses a period outside the KPI frequency', () => {
		expect(parsePeriod('2026-Q1', 'monthly')).toEqual({
			ok: false,
			error: 'goals_error_period_frequency'
		});
		expect(parsePeriod('2026-03', 'yearly')).toEqual({
			ok: false,
			error: 'goals_error_period_frequency'
		});
		expect(parsePeriod('2026', 'yearly')).toEqual({ ok: true, period: '2026' });
		expect(parsePeriod('x', 'yearly')).toEqual({ ok: false, error: 'goals_error_period_format' });
	});

	it('knows when periods end and are due', () => {
		expect(periodEnd('2026-12')).toBe('2027-01-01');
		expect(periodEnd('2026-Q2')).toBe('2026-07-01');
		expect(periodEnd('2026')).toBe('2027-01-01');
		expect(dueDate('2026-03', 'monthly')).toBe('2026-04-16');
	});

	it('lists the owed periods of the last year, due then overdue', () => {
		const monthly = owedPeriods('2026-11-22', 'monthly');
		expect(monthly).toHaveLength(13);
		expect(monthly[11]).toEqual({ period: '2026-10', dueDate: '2026-11-16', overdue: true });
		// the running month ends within 31 days: due, not overdue
		expect(monthly[12]).toEqual({ period: '2026-11', dueDate: '2026-12-16', overdue: false });
		expect(monthly[0].period).toBe('2025-11');
		const quarterly = owedPeriods('2026-10-05', 'quarterly');
		expect(quarterly).toHaveLength(4);
		expect(quarterly.at(-1)).toEqual({ period: '2026-Q3', dueDate: '2026-10-21', overdue: false });
		expect(owedPeriods('2026-11-22', 'yearly')).toEqual([
			{ period: '2025', dueDate: '2026-02-15', overdue: true }
		]);
	});
});

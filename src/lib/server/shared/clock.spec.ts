import { describe, expect, it } from 'vitest';
import { currentDate, currentMonth, currentYear, fixedClock, todayInPrague } from './clock';

describe('clock', () => {
	it("takes today's date in Prague, not UTC", () => {
		expect(todayInPrague(new Date('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
		expect(todayInPrague(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
	});
	it('answers day, month and year by the clock it is given', () => {
		const clock = fixedClock('2028-02-29');
		expect(currentDate(clock)).toBe('2028-02-29');
		expect(currentMonth(clock)).toBe('2028-02');
		expect(currentYear(fixedClock('2026-12-31'))).toBe(2026);
		expect(currentYear(fixedClock('2027-01-01'))).toBe(2027);
	});
});

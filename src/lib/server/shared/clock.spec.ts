import { describe, expect, it } from 'vitest';
import {
	currentDate,
	currentMonth,
	currentYear,
	fixedClock,
	startOfPragueDay,
	todayInPrague
} from './clock';

describe('clock', () => {
	it('knows when a day begins in Prague, in winter and in summer time', () => {
		expect(startOfPragueDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
		expect(startOfPragueDay('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
		// The day the clocks go forward (29 March 2026) still begins at midnight winter time.
		expect(startOfPragueDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
		expect(startOfPragueDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
	});
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

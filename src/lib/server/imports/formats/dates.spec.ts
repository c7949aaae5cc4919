import { describe, expect, it } from 'vitest';
import { monthFromParts, parseDate } from './dates';

describe('dates', () => {
	it('reads d.m.yyyy, dd.mm.yyyy, with spaces or a time, and ISO', () => {
		expect(parseDate('13.1.2016')).toBe('2016-01-13');
		expect(parseDate('05.03.2024')).toBe('2024-03-05');
		expect(parseDate('5. 3. 2024')).toBe('2024-03-05');
		expect(parseDate('13.1.2016 0:00:00')).toBe('2016-01-13');
		expect(parseDate('2024-03-05')).toBe('2024-03-05');
		expect(parseDate('2024-03-05T10:00:00Z')).toBe('2024-03-05');
		expect(parseDate('29.2.2024')).toBe('2024-02-29');
	});

	it('refuses dates that do not exist or are not dates', () => {
		expect(parseDate('29.2.2023')).toBeNull();
		expect(parseDate('31.4.2024')).toBeNull();
		expect(parseDate('1.13.2024')).toBeNull();
		expect(parseDate('2024-3-5')).toBeNull();
		expect(parseDate('3/5/2024')).toBeNull();
		expect(parseDate('1.1.1850')).toBeNull();
		expect(parseDate('')).toBeNull();
	});

	it('makes a month from month and year columns', () => {
		expect(monthFromParts('3', '2024')).toBe('2024-03');
		expect(monthFromParts('03', 2024)).toBe('2024-03');
		expect(monthFromParts(12, 2016)).toBe('2016-12');
		expect(monthFromParts('13', '2024')).toBeNull();
		expect(monthFromParts('0', '2024')).toBeNull();
		expect(monthFromParts('3', '24')).toBeNull();
		expect(monthFromParts('x', '2024')).toBeNull();
	});
});

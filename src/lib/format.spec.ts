import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale, baseLocale } from '$lib/paraglide/runtime';
import {
	formatChange,
	formatCzk,
	formatDate,
	formatMonth,
	formatNumber,
	formatPercent,
	formatPeriod,
	formatQuantity,
	unitFor,
	unitLabel
} from './format';

const nbsp = /[\u00a0\u202f]/g;
const plain = (s: string) => s.replace(nbsp, ' ');

afterEach(() => overwriteGetLocale(() => baseLocale));

describe('Czech formats (default)', () => {
	it('formats haléře as CZK exactly, also beyond float precision', () => {
		expect(plain(formatCzk(123456789n))).toBe('1 234 567,89 Kč');
		expect(plain(formatCzk(-5n))).toBe('\u22120,05 Kč');
		expect(plain(formatCzk(900719925474099301n))).toBe('9 007 199 254 740 993,01 Kč');
		expect(plain(formatCzk(123456789n, { whole: true }))).toBe('1 234 568 Kč');
	});
	it('gives an amount formatted before in the language and form asked now', () => {
		expect(plain(formatCzk(123456789n))).toBe('1 234 567,89 Kč');
		expect(plain(formatCzk(123456789n, { whole: true }))).toBe('1 234 568 Kč');
		overwriteGetLocale(() => 'en');
		expect(formatCzk(123456789n)).not.toBe(formatCzk(123456789n, { whole: true }));
		expect(formatCzk(123456789n)).toMatch(/^CZK\s?1,234,567\.89$/);
		overwriteGetLocale(() => baseLocale);
		expect(plain(formatCzk(123456789n))).toBe('1 234 567,89 Kč');
	});
	it('says a change with its sign, exact for money, and a dash when nothing compares', () => {
		expect(plain(formatChange(120000n, formatCzk))).toBe('+1 200,00 Kč');
		expect(plain(formatChange(-30000n, formatCzk))).toBe('\u2212300,00 Kč');
		expect(plain(formatChange(0n, formatCzk))).toBe('0,00 Kč');
		expect(plain(formatChange(0.025, formatPercent))).toBe('+2,5 %');
		expect(formatChange<number>(null, formatPercent)).toBe('—');
	});
	it('formats numbers, percentages, dates and months', () => {
		expect(plain(formatNumber(12345.5))).toBe('12 345,5');
		expect(plain(formatPercent(0.1234))).toBe('12,3 %');
		expect(formatPercent(null)).toBe('—');
		expect(plain(formatDate('2026-03-05'))).toBe('5. 3. 2026');
		expect(formatMonth('2026-03')).toBe('březen 2026');
	});
	it('writes negative figures with the minus sign, not a hyphen', () => {
		expect(plain(formatNumber(-1234.5))).toBe('\u22121 234,5');
		expect(plain(formatCzk(-123456n))).toBe('\u22121 234,56 Kč');
	});
	it('declines a unit by its count, whichever form the office typed', () => {
		expect(unitFor(1, 'dny')).toBe('den');
		expect(unitFor(2, 'dny')).toBe('dny');
		expect(unitFor(4, 'dní')).toBe('dny');
		expect(unitFor(5, 'dny')).toBe('dní');
		expect(unitFor(57, 'den')).toBe('dní');
		expect(unitFor(0, 'dny')).toBe('dní');
		expect(unitFor('1.5', 'dny')).toBe('dne');
		expect(unitFor(1, 'hodiny')).toBe('hodina');
		expect(unitFor(3, 'hodin')).toBe('hodiny');
		expect(unitFor(400, 'hodiny')).toBe('hodin');
		expect(unitFor('35', 'h')).toBe('hodin');
		expect(unitFor(2.5, 'hodiny')).toBe('hodiny');
		expect(unitFor(3, 'případů')).toBe('případy');
		expect(unitFor(22, 'případů')).toBe('případů');
		expect(unitFor(25, 'případů')).toBe('případů');
		// A unit it does not know stays as typed.
		expect(unitFor(5, '%')).toBe('%');
		expect(unitFor(5, 'Kč/případ')).toBe('Kč/případ');
		expect(plain(formatQuantity(57, 'dny'))).toBe('57 dní');
		expect(plain(formatQuantity('1234.5', 'hodiny'))).toBe('1 234,5 hodiny');
		expect(plain(formatQuantity(96.5, '%'))).toBe('96,5 %');
		expect(formatQuantity(3, null)).toBe('3');
	});
	it('says KPI periods as people say them', () => {
		expect(formatPeriod('2026-11')).toBe('listopad 2026');
		expect(formatPeriod('2026-Q3')).toBe('3. čtvrtletí 2026');
		expect(formatPeriod('2026-H1')).toBe('1. pololetí 2026');
		expect(formatPeriod('2026')).toBe('2026');
	});
});

describe('English formats', () => {
	it('switches with the locale', () => {
		overwriteGetLocale(() => 'en');
		expect(plain(formatCzk(123456789n))).toBe('CZK 1,234,567.89');
		expect(plain(formatQuantity(57, 'dny'))).toBe('57 days');
		expect(plain(formatQuantity(1, 'hodiny'))).toBe('1 hour');
		expect(formatPeriod('2026-Q3')).toBe('Q3 2026');
		expect(formatDate('2026-03-05')).toBe('05/03/2026');
		expect(formatMonth('2026-03')).toBe('March 2026');
	});

	it("names a KPI unit on its own in the reader's language", () => {
		expect(unitLabel('dny')).toBe('dny');
		expect(unitLabel('%')).toBe('%');
		overwriteGetLocale(() => 'en');
		expect(unitLabel('dny')).toBe('days');
		expect(unitLabel('hodiny')).toBe('hours');
		expect(unitLabel('%')).toBe('%');
		expect(unitLabel('Kč/případ')).toBe('Kč/případ');
	});
});

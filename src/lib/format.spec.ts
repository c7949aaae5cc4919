import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale, baseLocale } from '$lib/paraglide/runtime';
import { formatCzk, formatDate, formatMonth, formatNumber, formatPercent } from './format';

const nbsp = /[\u00a0\u202f]/g;
const plain = (s: string) => s.replace(nbsp, ' ');

afterEach(() => overwriteGetLocale(() => baseLocale));

describe('Czech formats (default)', () => {
	it('formats haléře as CZK exactly, also beyond float precision', () => {
		expect(plain(formatCzk(123456789n))).toBe('1 234 567,89 Kč');
		expect(plain(formatCzk(-5n))).toBe('-0,05 Kč');
		expect(plain(formatCzk(900719925474099301n))).toBe('9 007 199 254 740 993,01 Kč');
		expect(plain(formatCzk(123456789n, { whole: true }))).toBe('1 234 568 Kč');
	});
	it('formats numbers, percentages, dates and months', () => {
		expect(plain(formatNumber(12345.5))).toBe('12 345,5');
		expect(plain(formatPercent(0.1234))).toBe('12,3 %');
		expect(formatPercent(null)).toBe('—');
		expect(plain(formatDate('2026-03-05'))).toBe('5. 3. 2026');
		expect(formatMonth('2026-03')).toBe('březen 2026');
	});
});

describe('English formats', () => {
	it('switches with the locale', () => {
		overwriteGetLocale(() => 'en');
		expect(plain(formatCzk(123456789n))).toBe('CZK 1,234,567.89');
		expect(formatDate('2026-03-05')).toBe('05/03/2026');
		expect(formatMonth('2026-03')).toBe('March 2026');
	});
});

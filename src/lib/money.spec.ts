import { describe, expect, it } from 'vitest';
import { allocate, czkText, divRound, parseCzk, ratio } from './money';

describe('parseCzk', () => {
	it.each([
		['1 234,50', 123450n],
		['1\u00a0234\u00a0567,8', 123456780n],
		['1234.5', 123450n],
		['-12,30', -1230n],
		['12,30-', -1230n],
		['1.234,50', 123450n],
		['1,234.50', 123450n],
		['1.234.567', 123456700n],
		['0,01', 1n],
		['15 000 Kč', 1500000n],
		['+7', 700n],
		['\u221237,5', -3750n]
	])('reads %s as %s haléřů', (text, expected) => {
		expect(parseCzk(text)).toBe(expected);
	});

	// `1,234` could be 1.234 or 1 234: refuse to guess rather than import a wrong amount.
	it.each(['', 'abc', '12a', '1,2,3', '1,234', '12,345', '1.2.3', '--1', '1,5.3'])(
		'rejects %j',
		(text) => {
			expect(parseCzk(text)).toBeNull();
		}
	);
});

describe('divRound', () => {
	it('rounds half away from zero', () => {
		expect(divRound(5n, 2n)).toBe(3n);
		expect(divRound(-5n, 2n)).toBe(-3n);
		expect(divRound(7n, 3n)).toBe(2n);
		expect(divRound(100n, 3n)).toBe(33n);
	});
	it('refuses division by zero', () => {
		expect(() => divRound(1n, 0n)).toThrow(RangeError);
	});
});

describe('allocate', () => {
	it('keeps the total to the haléř', () => {
		const parts = allocate(100n, [1n, 1n, 1n]);
		expect(parts).toEqual([34n, 33n, 33n]);
		expect(parts.reduce((a, b) => a + b, 0n)).toBe(100n);
	});
	it('splits by weights and handles negative totals', () => {
		expect(allocate(-1000n, [1n, 3n])).toEqual([-250n, -750n]);
		const parts = allocate(123456789n, [3n, 7n, 11n, 0n]);
		expect(parts[3]).toBe(0n);
		expect(parts.reduce((a, b) => a + b, 0n)).toBe(123456789n);
	});
	it('gives nothing when no weight is positive', () => {
		expect(allocate(500n, [0n, 0n])).toEqual([0n, 0n]);
	});
});

describe('ratio', () => {
	it('computes shares without losing precision and refuses a zero whole', () => {
		expect(ratio(1n, 4n)).toBe(0.25);
		expect(ratio(5n, 0n)).toBeNull();
	});
});

describe('czkText', () => {
	it('writes haléře as plain CZK text with both decimals, exactly', () => {
		expect(czkText(123456n)).toBe('1234.56');
		expect(czkText(-5n, ',')).toBe('-0,05');
		expect(czkText(900719925474099300n)).toBe('9007199254740993.00');
		// What it writes, parseCzk reads back.
		expect(parseCzk(czkText(-123450n, ','))).toBe(-123450n);
	});
});

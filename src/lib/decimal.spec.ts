import { describe, expect, it } from 'vitest';
import {
	compare,
	fromHundredths,
	fromScaledPadded,
	normalise,
	parseDecimal,
	parseNonNegative
} from './decimal';

describe('parseDecimal', () => {
	it.each([
		['12,5', '12.5'],
		['12.5', '12.5'],
		['1 234,50', '1234.5'],
		['1\u00a0234', '1234'],
		['85 %', '85'],
		['-0,25', '-0.25'],
		['0', '0'],
		['007', '7'],
		['3,1416', '3.1416']
	])('reads %s as %s', (text, expected) => {
		expect(parseDecimal(text)).toBe(expected);
	});

	it.each(['', 'abc', '1,2,3', '1.234,5', '12,34567', '1e5', '12 Kč', '--1'])(
		'refuses %s',
		(text) => {
			expect(parseDecimal(text)).toBeNull();
		}
	);
});

describe('exact decimals', () => {
	it('normalises database numerics', () => {
		expect(normalise('12.5000')).toBe('12.5');
		expect(normalise('-0.0000')).toBe('0');
	});
	it('compares without float error', () => {
		expect(compare('0.3', '0.1')).toBe(1);
		expect(compare('12.5', '12.50')).toBe(0);
		expect(compare('-1', '0.0001')).toBe(-1);
	});
});

describe('scaled integers', () => {
	it('reads non-negative decimals to at most the given places', () => {
		expect(parseNonNegative('33,3333 %')).toBe(333333n);
		expect(parseNonNegative('1,5', 2)).toBe(15000n);
		expect(parseNonNegative('1,555', 2)).toBeNull();
		expect(parseNonNegative('-0,5')).toBeNull();
		expect(parseNonNegative('abc')).toBeNull();
	});
	it('prints all four places, or hundredths in their shortest form', () => {
		expect(fromScaledPadded(125000n)).toBe('12.5000');
		expect(fromScaledPadded(0n)).toBe('0.0000');
		expect(fromScaledPadded(-5n)).toBe('-0.0005');
		expect(fromHundredths(53000n)).toBe('530');
		expect(fromHundredths(-1n)).toBe('-0.01');
	});
});

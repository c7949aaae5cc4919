import { describe, expect, it } from 'vitest';
import { amountFromDebitCredit, parseAmount } from './amount';

const value = (text: string) => {
	const r = parseAmount(text);
	return r.ok ? r.value : r.reason;
};

describe('parseAmount', () => {
	it('reads Czech and machine amounts exactly to the haléř', () => {
		expect(value('1 234,50')).toBe(123450n);
		expect(value('1\u00a0234,5')).toBe(123450n);
		expect(value('1.234,50')).toBe(123450n);
		expect(value('1,234.50')).toBe(123450n);
		expect(value('-2065.7')).toBe(-206570n);
		expect(value('12-')).toBe(-1200n);
		expect(value('(12,30)')).toBe(-1230n);
		expect(value('+5')).toBe(500n);
		expect(value('0')).toBe(0n);
		expect(value('1234.500')).toBe(123450n);
		expect(value('1.5E3')).toBe(150000n);
		expect(value('-1,25e2')).toBe(-12500n);
		expect(value('12 345 678,91 Kč')).toBe(1234567891n);
	});

	it('reads float artefacts as the nearest haléř with the artefact flag', () => {
		expect(parseAmount('2.84217E-12')).toEqual({ ok: true, value: 0n, artefact: true });
		expect(parseAmount('-1.4210854715202E-14')).toEqual({ ok: true, value: -0n, artefact: true });
		expect(parseAmount('1234.5000000001')).toEqual({ ok: true, value: 123450n, artefact: true });
		expect(parseAmount('99.98999999999')).toEqual({ ok: true, value: 9999n, artefact: true });
		expect(parseAmount('1E-999999')).toEqual({ ok: true, value: 0n, artefact: true });
		expect(parseAmount('12,30')).toEqual({ ok: true, value: 1230n, artefact: false });
	});

	it('refuses what is not an amount, finer than a haléř, or implausibly large', () => {
		expect(value('')).toBe('empty');
		expect(value('   ')).toBe('empty');
		expect(value('12,3x')).toBe('invalid');
		expect(value('abc')).toBe('invalid');
		expect(value('1,2,3')).toBe('invalid');
		expect(value('E5')).toBe('invalid');
		expect(value('--5')).toBe('invalid');
		expect(value('1'.repeat(100))).toBe('invalid');
		expect(value('12,345')).toBe('too-precise');
		expect(value('0.123')).toBe('too-precise');
		expect(value('1e400')).toBe('too-large');
		expect(value('99999999999999999999')).toBe('too-large');
		expect(value('1000000000000000')).toBe(100000000000000000n);
		expect(value('1000000000000001')).toBe('too-large');
	});
});

describe('amountFromDebitCredit', () => {
	it('is credit − debit for položky 5000–7999 and debit − credit otherwise', () => {
		expect(amountFromDebitCredit('5139', 100n, 1000n)).toBe(900n);
		expect(amountFromDebitCredit('6121', 0n, 500n)).toBe(500n);
		expect(amountFromDebitCredit('1111', 1000n, 100n)).toBe(900n);
		expect(amountFromDebitCredit('8115', 0n, 500n)).toBe(-500n);
	});
});

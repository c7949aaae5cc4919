import { describe, expect, it } from 'vitest';
import { FormReader } from './form';

describe('FormReader', () => {
	it('reads Czech decimals and refuses negatives where asked', () => {
		const f = new FormReader({ a: '12,5', b: '-1', c: 'abc', d: '1 234,5 %' });
		expect(f.decimal('a')).toBe('12.5');
		expect(f.decimal('b', { min: '0', error: 'goals_error_negative_tolerance' })).toBeNull();
		expect(f.decimal('c')).toBeNull();
		expect(f.decimal('d')).toBe('1234.5');
		expect(f.errors).toEqual({
			b: 'goals_error_negative_tolerance',
			c: 'processes_error_decimal'
		});
	});

	it('reads whole numbers in range, codes and required text', () => {
		const f = new FormReader({ w: '101', v: '1 200', code: 'p-eo', bad: 'P EO', name: '  ' });
		expect(f.int('w', { min: 1, max: 100, error: 'goals_error_weight' })).toBeNull();
		expect(f.int('v', { min: 0 })).toBe(1200);
		expect(f.code('code')).toBe('P-EO');
		expect(f.code('bad')).toBeNull();
		expect(f.text('name', { required: true })).toBeNull();
		expect(f.errors).toEqual({
			w: 'goals_error_weight',
			bad: 'processes_error_code',
			name: 'error_required'
		});
		expect(f.ok).toBe(false);
	});
});

describe('FormReader ranges: what the database cannot hold is refused before it sees it', () => {
	it('refuses decimals beyond their column (numeric(8, 2): FTE, lead time)', () => {
		const f = new FormReader({
			fte: '999999,99',
			big: '1000000',
			fine: '0,125',
			kpi: '99999999999999'
		});
		expect(f.decimal('fte', { column: [8, 2] })).toBe('999999.99');
		expect(f.decimal('big', { column: [8, 2] })).toBeNull();
		expect(f.decimal('fine', { column: [8, 2] })).toBeNull();
		// numeric(18, 4) is the default
		expect(f.decimal('kpi')).toBe('99999999999999');
		expect(f.errors).toEqual({ big: 'error_number_range', fine: 'error_decimal_places' });
	});

	it('refuses amounts beyond ±10^15 CZK, as the imports do', () => {
		const f = new FormReader({
			max: '1 000 000 000 000 000',
			over: '1 000 000 000 000 000,01',
			huge: '99999999999999999999999999',
			neg: '-5',
			bad: '12,345'
		});
		expect(f.money('max')).toBe(10n ** 17n);
		expect(f.money('over')).toBeNull();
		expect(f.money('huge')).toBeNull();
		expect(f.money('neg', { min: 0n })).toBeNull();
		expect(f.money('bad', { error: 'costs_err_amount_field' })).toBeNull();
		expect(f.errors).toEqual({
			over: 'error_amount_range',
			huge: 'error_amount_range',
			neg: 'processes_error_negative',
			bad: 'costs_err_amount_field'
		});
	});

	it('refuses ids and whole numbers beyond int4', () => {
		const f = new FormReader({ id: '2147483648', ok: '2147483647', n: '99999999999' });
		expect(f.id('id')).toBeNull();
		expect(f.id('ok')).toBe(2147483647);
		expect(f.int('n')).toBeNull();
		expect(Object.keys(f.errors)).toEqual(['id', 'n']);
	});

	it('refuses over-long text with a message instead of cutting it', () => {
		const f = new FormReader({ d: 'x'.repeat(1_000_000) });
		expect(f.text('d', { max: 4000 })).toBeNull();
		expect(f.errors).toEqual({ d: 'error_too_long' });
	});
});

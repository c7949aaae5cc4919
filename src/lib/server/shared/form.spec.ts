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

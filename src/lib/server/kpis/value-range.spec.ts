import { describe, expect, it } from 'vitest';
import { defaultRange, rangeError } from './value-range';

describe('KPI value range', () => {
	it('gives shares 0–100 and every other unit a floor of 0', () => {
		expect(defaultRange('%')).toEqual({ min: '0', max: '100' });
		expect(defaultRange('dny')).toEqual({ min: '0', max: null });
		expect(defaultRange('')).toEqual({ min: '0', max: null });
	});

	it('refuses values outside at the edges, and accepts the edges themselves', () => {
		const share = defaultRange('%');
		expect(rangeError('0', share)).toBeNull();
		expect(rangeError('100', share)).toBeNull();
		expect(rangeError('100.01', share)).toBe('goals_error_value_range');
		expect(rangeError('104', share)).toBe('goals_error_value_range');
		expect(rangeError('-0.01', share)).toBe('processes_error_negative');
		expect(rangeError('-5', defaultRange('dny'))).toBe('processes_error_negative');
		expect(rangeError('1000000', defaultRange('dny'))).toBeNull();
		expect(rangeError('-5', { min: '-10', max: null })).toBeNull();
		expect(rangeError('-11', { min: '-10', max: null })).toBe('goals_error_value_range');
		expect(rangeError('-11', { min: null, max: null })).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { parseKpi, parseTarget } from './kpis.validation';

describe('KPI forms', () => {
	it('reads a KPI definition with a Czech baseline', () => {
		const parsed = parseKpi({
			code: 'kpi-50',
			name: 'Čekací doba',
			unit: 'min',
			direction: 'lower',
			frequency: 'monthly',
			baseline: '12,5',
			baselinePeriod: '3/2025'
		});
		expect(parsed).toEqual({
			ok: true,
			value: {
				code: 'KPI-50',
				name: 'Čekací doba',
				goalId: null,
				responsibleId: null,
				definition: null,
				unit: 'min',
				direction: 'lower',
				frequency: 'monthly',
				baseline: '12.5',
				baselinePeriod: '2025-03',
				// No range given: the service gives a new KPI its unit's.
				valueMin: null,
				valueMax: null
			}
		});
	});

	it('reads an allowed range in Czech decimals and refuses a top below the bottom', () => {
		const base = {
			code: 'KPI-51',
			name: 'Podíl',
			unit: '%',
			direction: 'higher',
			frequency: 'yearly'
		};
		const ok = parseKpi({ ...base, valueMin: '0', valueMax: '99,5' });
		expect(ok.ok && [ok.value.valueMin, ok.value.valueMax]).toEqual(['0', '99.5']);
		const bad = parseKpi({ ...base, valueMin: '10', valueMax: '5' });
		expect(bad.ok ? null : bad.errors).toEqual({ valueMax: 'goals_error_range' });
	});

	it('reads targets: the KPI’s periods or a whole year, a band for a range, no negative tolerance', () => {
		const monthly = { frequency: 'monthly' as const, direction: 'higher' };
		expect(parseTarget({ period: '2026-03', target: '85 %', tolerance: '2,5' }, monthly)).toEqual({
			ok: true,
			value: { period: '2026-03', target: '85', targetMax: null, tolerance: '2.5' }
		});
		expect(parseTarget({ period: '2026', target: '85', tolerance: '' }, monthly)).toEqual({
			ok: true,
			value: { period: '2026', target: '85', targetMax: null, tolerance: '0' }
		});
		const range = { frequency: 'yearly' as const, direction: 'range' };
		expect(
			parseTarget({ period: '2026', target: '30', targetMax: '16', tolerance: '1' }, range)
		).toEqual({
			ok: false,
			errors: { targetMax: 'goals_error_range' }
		});
		expect(parseTarget({ period: '2026-Q2', target: '1', tolerance: '-0,5' }, range)).toEqual({
			ok: false,
			errors: {
				period: 'goals_error_period_frequency',
				targetMax: 'error_required',
				tolerance: 'goals_error_negative_tolerance'
			}
		});
	});
});

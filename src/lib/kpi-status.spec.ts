import { describe, expect, it } from 'vitest';
import { addCounts, countStatuses, kpiStatus, targetFor, toleranceBand } from './kpi-status';

const t = (target: string, tolerance = '0', targetMax: string | null = null) => ({
	target,
	tolerance,
	targetMax
});

describe('KPI status', () => {
	it('higher is better', () => {
		expect(kpiStatus('higher', t('90', '5'), '90')).toBe('on_target');
		expect(kpiStatus('higher', t('90', '5'), '95.5')).toBe('on_target');
		expect(kpiStatus('higher', t('90', '5'), '85')).toBe('within_tolerance');
		expect(kpiStatus('higher', t('90', '5'), '84.9999')).toBe('off_target');
	});
	it('lower is better', () => {
		expect(kpiStatus('lower', t('10', '2'), '10')).toBe('on_target');
		expect(kpiStatus('lower', t('10', '2'), '11.5')).toBe('within_tolerance');
		expect(kpiStatus('lower', t('10', '2'), '12.0001')).toBe('off_target');
		expect(kpiStatus('lower', t('0.3', '0.1'), '0.4')).toBe('within_tolerance');
	});
	it('within a range', () => {
		expect(kpiStatus('range', t('20', '2', '30'), '25')).toBe('on_target');
		expect(kpiStatus('range', t('20', '2', '30'), '18')).toBe('within_tolerance');
		expect(kpiStatus('range', t('20', '2', '30'), '32')).toBe('within_tolerance');
		expect(kpiStatus('range', t('20', '2', '30'), '32.1')).toBe('off_target');
		expect(kpiStatus('range', t('20', '0', '30'), '19')).toBe('off_target');
	});
	it('zero tolerance has no band', () => {
		expect(kpiStatus('higher', t('90'), '89.9')).toBe('off_target');
	});
	it('no data without an actual or a target', () => {
		expect(kpiStatus('higher', null, '5')).toBe('no_data');
		expect(kpiStatus('higher', t('5'), null)).toBe('no_data');
	});
	it('a period without its own target uses its year’s target', () => {
		const targets = new Map([
			['2026', 'yearly'],
			['2026-03', 'march']
		]);
		expect(targetFor(targets, '2026-03')).toBe('march');
		expect(targetFor(targets, '2026-04')).toBe('yearly');
		expect(targetFor(targets, '2025-04')).toBeNull();
	});
});

describe('countStatuses', () => {
	it('counts every status, including the absent ones as zero', () => {
		expect(countStatuses(['on_target', 'off_target', 'on_target'])).toEqual({
			on_target: 2,
			within_tolerance: 0,
			off_target: 1,
			no_data: 0
		});
	});
});

describe('addCounts', () => {
	it('adds counts status by status', () => {
		expect(
			addCounts([
				countStatuses(['on_target', 'no_data']),
				countStatuses(['on_target', 'off_target'])
			])
		).toEqual({ on_target: 2, within_tolerance: 0, off_target: 1, no_data: 1 });
	});
});

describe('toleranceBand', () => {
	it('higher is better: from target − tolerance up to the target', () => {
		const band = toleranceBand('higher', t('90', '5'));
		expect(band).toEqual({ lower: '85', upper: '90' });
		// Its edges are where the rule changes its word.
		expect(kpiStatus('higher', t('90', '5'), band.lower)).toBe('within_tolerance');
		expect(kpiStatus('higher', t('90', '5'), '84.9999')).toBe('off_target');
		expect(kpiStatus('higher', t('90', '5'), band.upper)).toBe('on_target');
	});
	it('lower is better: from the target up to target + tolerance', () => {
		const band = toleranceBand('lower', t('0.3', '0.1'));
		expect(band).toEqual({ lower: '0.3', upper: '0.4' });
		expect(kpiStatus('lower', t('0.3', '0.1'), band.lower)).toBe('on_target');
		expect(kpiStatus('lower', t('0.3', '0.1'), band.upper)).toBe('within_tolerance');
		expect(kpiStatus('lower', t('0.3', '0.1'), '0.4001')).toBe('off_target');
	});
	it('within a range: the range widened by the tolerance on both sides', () => {
		const band = toleranceBand('range', t('20', '2', '30'));
		expect(band).toEqual({ lower: '18', upper: '32' });
		expect(kpiStatus('range', t('20', '2', '30'), band.lower)).toBe('within_tolerance');
		expect(kpiStatus('range', t('20', '2', '30'), '17.9999')).toBe('off_target');
		expect(kpiStatus('range', t('20', '2', '30'), band.upper)).toBe('within_tolerance');
		expect(kpiStatus('range', t('20', '2', '30'), '32.0001')).toBe('off_target');
	});
	it('a range without its upper end is a single value; no tolerance is no band', () => {
		expect(toleranceBand('range', t('20', '1'))).toEqual({ lower: '19', upper: '21' });
		expect(toleranceBand('higher', t('90.5000'))).toEqual({ lower: '90.5', upper: '90.5' });
	});
});

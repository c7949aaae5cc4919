import { FormReader, type Parsed } from '../shared/form';
import { compare } from '../../decimal';
import { DIRECTIONS, type KpiInput } from './kpis';
import { FREQUENCIES, canonicalPeriod, frequencyOf, type Frequency } from './period';

export function parseKpi(form: Record<string, unknown>): Parsed<KpiInput> {
	const f = new FormReader(form);
	const value: KpiInput = {
		code: f.code('code') ?? '',
		name: f.text('name', { required: true }) ?? '',
		goalId: f.id('goalId'),
		responsibleId: f.id('responsibleId'),
		definition: f.text('definition', { max: 2000 }),
		unit: f.text('unit', { max: 30 }) ?? '',
		direction: f.choice('direction', DIRECTIONS) ?? 'higher',
		frequency: f.choice('frequency', FREQUENCIES) ?? 'yearly',
		baseline: f.decimal('baseline'),
		baselinePeriod: null,
		valueMin: f.decimal('valueMin'),
		valueMax: f.decimal('valueMax')
	};
	if (
		value.valueMin !== null &&
		value.valueMax !== null &&
		compare(value.valueMax, value.valueMin) < 0
	) {
		f.errors.valueMax = 'goals_error_range';
	}
	const bp = f.raw('baselinePeriod');
	if (bp) {
		value.baselinePeriod = canonicalPeriod(bp);
		if (!value.baselinePeriod) f.errors.baselinePeriod = 'goals_error_period_format';
	}
	return f.result(value);
}

export interface TargetForm {
	period: string;
	target: string;
	targetMax: string | null;
	tolerance: string;
}

/**
 * A target is set for a period of the KPI's frequency, or for a whole year (then it applies to
 * every period of that year without a target of its own). Tolerance is never negative.
 */
export function parseTarget(
	form: Record<string, unknown>,
	kpi: { frequency: Frequency; direction: string }
): Parsed<TargetForm> {
	const f = new FormReader(form);
	const periodText = f.text('period', { required: true, max: 20 });
	let period = '';
	if (periodText) {
		const p = canonicalPeriod(periodText);
		if (!p) f.errors.period = 'goals_error_period_format';
		else if (frequencyOf(p) !== kpi.frequency && frequencyOf(p) !== 'yearly') {
			f.errors.period = 'goals_error_period_frequency';
		} else period = p;
	}
	const target = f.decimal('target', { required: true });
	const targetMax = kpi.direction === 'range' ? f.decimal('targetMax', { required: true }) : null;
	const tolerance =
		f.decimal('tolerance', { min: '0', error: 'goals_error_negative_tolerance' }) ?? '0';
	if (target !== null && targetMax !== null && compare(targetMax, target) < 0) {
		f.errors.targetMax = 'goals_error_range';
	}
	return f.result({ period, target: target ?? '', targetMax, tolerance });
}

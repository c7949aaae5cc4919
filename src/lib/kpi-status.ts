import { add, compare, normalise, subtract } from './decimal';

/**
 * The status of a KPI in one period — the one rule every page, the worklist and the overview use.
 *
 * - no actual or no target for the period → `no_data`;
 * - higher is better: actual ≥ target → on target; actual ≥ target − tolerance → within
 *   tolerance; otherwise off target;
 * - lower is better: actual ≤ target → on target; actual ≤ target + tolerance → within tolerance;
 *   otherwise off target;
 * - within a range: target ≤ actual ≤ target_max → on target; within the tolerance outside the
 *   band → within tolerance; otherwise off target.
 *
 * Tolerance is absolute, in the KPI's unit. Comparison is exact (decimal strings).
 */
export type KpiStatus = 'on_target' | 'within_tolerance' | 'off_target' | 'no_data';
export const KPI_STATUSES: readonly KpiStatus[] = [
	'on_target',
	'within_tolerance',
	'off_target',
	'no_data'
];
export type Direction = 'higher' | 'lower' | 'range';

export interface Target {
	target: string;
	targetMax: string | null;
	tolerance: string;
}

/**
 * A target as people read it: a range target as its range (`16–30`), any other as its value;
 * `format` writes one number (Czech decimals), `—` when there is no target.
 */
export function targetText(
	target: string | number | null | undefined,
	targetMax: string | number | null | undefined,
	format: (v: string | number) => string
): string {
	if (target === null || target === undefined) return '—';
	return targetMax === null || targetMax === undefined
		? format(target)
		: `${format(target)}–${format(targetMax)}`;
}

export function kpiStatus(
	direction: Direction,
	target: Target | null | undefined,
	actual: string | null | undefined
): KpiStatus {
	if (actual === null || actual === undefined || !target) return 'no_data';
	const { tolerance } = target;
	if (direction === 'higher') {
		if (compare(actual, target.target) >= 0) return 'on_target';
		if (compare(actual, subtract(target.target, tolerance)) >= 0) return 'within_tolerance';
		return 'off_target';
	}
	if (direction === 'lower') {
		if (compare(actual, target.target) <= 0) return 'on_target';
		if (compare(actual, add(target.target, tolerance)) <= 0) return 'within_tolerance';
		return 'off_target';
	}
	const max = target.targetMax ?? target.target;
	if (compare(actual, target.target) >= 0 && compare(actual, max) <= 0) return 'on_target';
	if (
		compare(actual, subtract(target.target, tolerance)) >= 0 &&
		compare(actual, add(max, tolerance)) <= 0
	) {
		return 'within_tolerance';
	}
	return 'off_target';
}

/**
 * The tolerance band of a target: from its lower to its upper edge, the values the rule above
 * judges within tolerance (and, for a range, on target too), so a chart draws the same band the
 * status comes from.
 *
 * - higher is better: target − tolerance … target;
 * - lower is better: target … target + tolerance;
 * - within a range: target − tolerance … target_max + tolerance.
 */
export interface ToleranceBand {
	lower: string;
	upper: string;
}

export function toleranceBand(direction: Direction, target: Target): ToleranceBand {
	const { tolerance } = target;
	if (direction === 'higher') {
		return { lower: subtract(target.target, tolerance), upper: normalise(target.target) };
	}
	if (direction === 'lower') {
		return { lower: normalise(target.target), upper: add(target.target, tolerance) };
	}
	return {
		lower: subtract(target.target, tolerance),
		upper: add(target.targetMax ?? target.target, tolerance)
	};
}

/**
 * The target that applies to a period: the period's own target, else the target set for its
 * whole year (so a monthly KPI can carry one yearly target).
 */
export function targetFor<T>(targets: Map<string, T>, period: string): T | null {
	return targets.get(period) ?? targets.get(period.slice(0, 4)) ?? null;
}

export type StatusCounts = Record<KpiStatus, number>;

export function countStatuses(statuses: Iterable<KpiStatus>): StatusCounts {
	const counts: StatusCounts = { on_target: 0, within_tolerance: 0, off_target: 0, no_data: 0 };
	for (const s of statuses) counts[s] += 1;
	return counts;
}

/** The sum of several counts (the KPIs of all goals together). */
export function addCounts(all: Iterable<StatusCounts>): StatusCounts {
	const total = countStatuses([]);
	for (const counts of all) {
		for (const status of KPI_STATUSES) total[status] += counts[status];
	}
	return total;
}

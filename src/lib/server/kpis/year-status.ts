import type { KpiStatus } from '../../kpi-status';
import type { KpiPeriod } from './kpis';
import { yearOf } from './period';

/** A point of the sparkline: a recent period with an actual. */
export interface RecentPoint {
	period: string;
	actual: string;
	status: KpiStatus;
}

/** What one year shows of a KPI (stored in kpi_year_status). */
export interface YearStatus {
	year: number;
	latest: KpiPeriod | null;
	/** the recorded periods among the last 12 of the year and the two before, oldest first */
	recent: RecentPoint[];
}

/**
 * The KPI's current status for `year`: its latest period with an actual in that year, or in the
 * year before (a yearly KPI's latest value is last year's until this year ends).
 */
export function latestIn(periods: readonly KpiPeriod[], year: number): KpiPeriod | null {
	for (let i = periods.length - 1; i >= 0; i--) {
		const p = periods[i];
		const y = yearOf(p.period);
		if (p.actual !== null && y <= year) return y >= year - 1 ? p : null;
	}
	return null;
}

/** How many periods the sparkline covers. */
export const RECENT_PERIODS = 12;

/**
 * The status and recent actuals every year shows of a KPI whose history is `periods` (oldest
 * first): from the year of its first period to two years after its last, beyond which it shows
 * neither a status nor a recent value.
 */
export function yearStatuses(periods: readonly KpiPeriod[]): YearStatus[] {
	if (periods.length === 0) return [];
	const first = yearOf(periods[0].period);
	const last = yearOf(periods[periods.length - 1].period);
	const out: YearStatus[] = [];
	for (let year = first; year <= last + 2; year++) {
		const shown = periods.filter((p) => {
			const y = yearOf(p.period);
			return y <= year && y >= year - 2;
		});
		const recent = shown
			.slice(-RECENT_PERIODS)
			.filter((p) => p.actual !== null)
			.map((p) => ({ period: p.period, actual: p.actual!, status: p.status }));
		out.push({ year, latest: latestIn(shown, year), recent });
	}
	return out;
}

import type { Direction, KpiStatus } from '../../kpi-status';
import type { Frequency } from './period';
import type { RecentPoint } from './year-status';

export type { Direction, KpiStatus, Frequency };
export const DIRECTIONS: readonly Direction[] = ['higher', 'lower', 'range'];

/** A KPI as stored: what its form edits, with the names it points to and its source. */
export interface Kpi extends KpiInput {
	id: number;
	goalCode: string | null;
	goalName: string | null;
	responsibleName: string | null;
	source: string;
	version: number;
}

/** One period of a KPI: its target (own or its year's), its actual and the status. */
export interface KpiPeriod {
	period: string;
	target: string | null;
	targetMax: string | null;
	tolerance: string | null;
	/** the target row set for exactly this period (null when the year's target applies) */
	targetVersion: number | null;
	actual: string | null;
	comment: string | null;
	recordedBy: string | null;
	recordedAt: Date | null;
	actualVersion: number | null;
	status: KpiStatus;
}

/** A KPI as one year shows it (kpi_year_status): its latest recorded period and its sparkline. */
export interface KpiInYear {
	id: number;
	code: string;
	name: string;
	goalId: number | null;
	goalCode: string | null;
	unit: string;
	definition: string | null;
	status: KpiStatus;
	/** the latest period with an actual, and that actual and its target (numeric strings) */
	period: string | null;
	actual: string | null;
	target: string | null;
	/** the top of a range target, null otherwise */
	targetMax: string | null;
	recent: RecentPoint[];
}

/** A KPI of a year as the reports list it: without its sparkline and definition. */
export type KpiLine = Omit<KpiInYear, 'recent' | 'definition'>;

export function kpiLine(k: KpiInYear): KpiLine {
	const { id, code, name, goalId, goalCode, unit, status, period, actual, target, targetMax } = k;
	return { id, code, name, goalId, goalCode, unit, status, period, actual, target, targetMax };
}

export interface KpiWithSeries extends Kpi {
	periods: KpiPeriod[];
	/** status of the latest period with an actual in the year asked for */
	latest: KpiPeriod | null;
}

export interface KpiInput {
	code: string;
	name: string;
	goalId: number | null;
	responsibleId: number | null;
	definition: string | null;
	unit: string;
	direction: Direction;
	frequency: Frequency;
	/** numeric strings */
	baseline: string | null;
	baselinePeriod: string | null;
	/**
	 * the values the KPI allows (numeric strings; null = no bound); both null on a new KPI: its
	 * unit's default range
	 */
	valueMin: string | null;
	valueMax: string | null;
}

export interface TargetInput {
	period: string;
	target: string;
	targetMax: string | null;
	tolerance: string;
}

export interface ImportRow {
	line: number;
	period: string;
	code: string;
	value: string;
	comment: string;
}

export interface ImportProblem {
	line: number;
	field: string;
	key: string;
	params?: Record<string, string | number>;
}

export interface WorklistItem {
	kpiId: number;
	code: string;
	name: string;
	unit: string;
	goalName: string | null;
	period: string;
	dueDate: string;
	overdue: boolean;
}

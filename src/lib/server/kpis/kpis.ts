import type { Direction, KpiStatus } from './kpi-status';
import type { Frequency } from './period';

export type { Direction, KpiStatus, Frequency };
export const DIRECTIONS: readonly Direction[] = ['higher', 'lower', 'range'];

export interface Kpi {
	id: number;
	code: string;
	name: string;
	goalId: number | null;
	goalCode: string | null;
	goalName: string | null;
	responsibleId: number | null;
	responsibleName: string | null;
	definition: string | null;
	unit: string;
	direction: Direction;
	frequency: Frequency;
	/** numeric strings */
	baseline: string | null;
	baselinePeriod: string | null;
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
	baseline: string | null;
	baselinePeriod: string | null;
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

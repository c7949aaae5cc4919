import type { KpiStatus } from '../kpis/kpi-status';
import type { CostYear, StatusCounts, YearToDate } from './figures';

export interface ProcessFigure {
	id: number;
	code: string;
	name: string;
	kind: 'management' | 'core' | 'support';
	fullCost: bigint | null;
	unitCost: bigint | null;
	volume: number | null;
	/** Improvement potential index 0–100 (process map rule), null until scored. */
	potential: number | null;
}

export interface GoalHealth {
	id: number;
	code: string;
	name: string;
	level: 'vision' | 'strategic' | 'objective';
	parentId: number | null;
	status: KpiStatus;
}

export interface OffTargetKpi {
	id: number;
	code: string;
	name: string;
	goalId: number | null;
	period: string;
	value: string;
	target: string | null;
	unit: string;
}

export interface MilestoneItem {
	id: number;
	name: string;
	currentDue: string;
	status: 'late' | 'at_risk' | 'on_track';
}

export interface Overview {
	year: number;
	/** Years that have cost data, for the year selector. */
	years: number[];
	costYears: CostYear[];
	ytd: YearToDate;
	/** Target investment share (0–1) set by an admin, or null. */
	investmentShareTarget: number | null;
	goals: GoalHealth[];
	goalCounts: StatusCounts;
	kpiCounts: StatusCounts;
	offTargetKpis: OffTargetKpi[];
	savings: { expected: bigint; realized: bigint; initiatives: number };
	milestones: { total: number; overdue: MilestoneItem[]; next30: MilestoneItem[] };
	processes: ProcessFigure[];
}

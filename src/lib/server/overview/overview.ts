import type { KpiStatus, StatusCounts } from '../../kpi-status';
import type { ProcessKind } from '../db/schema';
import type { CostYear, YearToDate } from './figures';
import type { SavingsSplit } from '../initiatives/initiatives';
import type { MoneyFlag } from '../initiatives/money-checks';

export interface ProcessFigure {
	id: number;
	code: string;
	name: string;
	kind: ProcessKind;
	fullCost: bigint | null;
	/** what a support process passed on to the processes it serves (staged allocation), else 0 */
	passedOn: bigint;
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
	/** off-target KPIs of the goal and its sub-goals */
	redKpis: number;
}

export interface OffTargetKpi {
	id: number;
	code: string;
	name: string;
	goalId: number | null;
	period: string;
	value: string;
	target: string | null;
	/** the top of a range target, null otherwise */
	targetMax: string | null;
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
	/** the first off-target KPIs by code (kpiCounts.off_target says how many there are) */
	offTargetKpis: OffTargetKpi[];
	/**
	 * Savings realized in the year (every initiative; a saving counts in the year its period ends)
	 * against the expected annual savings of the started initiatives (in progress or done).
	 */
	savings: {
		expected: bigint;
		realized: bigint;
		/** how many initiatives are started */
		initiatives: number;
		realizedYear: SavingsSplit;
		/** the hourly costs (haléře) the started initiatives' hours are valued at */
		hourlyRates: { min: bigint; max: bigint } | null;
		flagged: { id: number; code: string; name: string; flags: MoneyFlag[] }[];
	};
	milestones: { total: number; overdue: MilestoneItem[]; next30: MilestoneItem[] };
	/** the costliest processes in the year, by full cost and by cost per case */
	topFull: ProcessFigure[];
	topUnit: ProcessFigure[];
	/** the costliest processes that have a potential index, for the opportunity matrix */
	matrix: ProcessFigure[];
	/** true when more processes have costs than the matrix shows */
	matrixCapped: boolean;
}

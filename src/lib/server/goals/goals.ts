import type { KpiStatus, StatusCounts } from '../../kpi-status';
import type { KpiInYear, KpiWithSeries } from '../kpis/kpis';

export type GoalLevel = 'vision' | 'strategic' | 'objective';
export type GoalLifecycle = 'planned' | 'active' | 'achieved' | 'dropped';
export type StatusOverride = Exclude<KpiStatus, 'no_data'>;
export const GOAL_LEVELS: readonly GoalLevel[] = ['vision', 'strategic', 'objective'];
export const GOAL_LIFECYCLES: readonly GoalLifecycle[] = [
	'planned',
	'active',
	'achieved',
	'dropped'
];
export const OVERRIDES: readonly StatusOverride[] = ['on_target', 'within_tolerance', 'off_target'];

export interface Goal {
	id: number;
	code: string;
	name: string;
	level: GoalLevel;
	parentId: number | null;
	ownerId: number | null;
	ownerName: string | null;
	description: string | null;
	startYear: number | null;
	endYear: number | null;
	lifecycle: GoalLifecycle;
	override: StatusOverride | null;
	overrideComment: string | null;
	version: number;
}

export interface GoalWithStatus extends Goal {
	depth: number;
	/** rolled up from KPIs and sub-goals */
	computed: KpiStatus;
	/** the override when set, else computed */
	status: KpiStatus;
	/** the goal's own KPIs by the status they show in the year */
	kpiCounts: StatusCounts;
	/** off-target KPIs of the goal and its sub-goals */
	redKpis: number;
	/** distinct processes serving the goal or its sub-goals */
	processCount: number;
}

/** A goal on /goals: with the KPIs listed under it (possibly fewer than kpiCounts holds). */
export interface GoalListItem extends GoalWithStatus {
	kpis: KpiInYear[];
}

export interface GoalDetail extends GoalWithStatus {
	/** every KPI of the goal with its whole history */
	kpis: KpiWithSeries[];
	children: GoalWithStatus[];
	ancestors: { id: number; code: string; name: string }[];
	processes: {
		id: number;
		code: string;
		name: string;
		kind: string;
		weight: number;
		status: string;
	}[];
}

export interface GoalInput {
	code: string;
	name: string;
	level: GoalLevel;
	parentId: number | null;
	ownerId: number | null;
	description: string | null;
	startYear: number | null;
	endYear: number | null;
	lifecycle: GoalLifecycle;
}

export interface Coverage {
	goalsWithoutProcess: { id: number; code: string; name: string; level: GoalLevel }[];
	goalsWithoutKpi: { id: number; code: string; name: string; level: GoalLevel }[];
	processesWithoutGoal: { id: number; code: string; name: string; orgUnitCode: string | null }[];
}

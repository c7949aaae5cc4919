import type { Generated } from 'kysely';
import type { GeneratedTimestamp } from './foundation';

// Tables of the programme area (migrations/20261122_0300_programme.js). The columns it adds to the
// spine `initiative` table are declared on InitiativeTable in foundation.ts.

export interface ProgrammeTable {
	id: Generated<number>;
	code: string;
	name: string;
	description: string | null;
	/** `YYYY-MM-DD` */
	start_date: string;
	end_date: string;
	manager_user_id: number | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface ProgrammeActivityTable {
	id: Generated<number>;
	programme_id: number;
	code: string;
	name: string;
	description: string | null;
	start_date: string;
	end_date: string;
	owner_user_id: number | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface MilestoneTable {
	id: Generated<number>;
	activity_id: number;
	name: string;
	owner_user_id: number | null;
	deliverable: string | null;
	baseline_due: string;
	current_due: string;
	done_date: string | null;
	notes: string | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
	/** Why the due date moved past the baseline (migrations/20261206_1570_milestone_slip_reason.js). */
	slip_reason: string | null;
}

export interface MilestoneDependencyTable {
	predecessor_id: number;
	successor_id: number;
}

export type RiskStatus = 'open' | 'mitigating' | 'closed';

export interface ProgrammeRiskTable {
	id: Generated<number>;
	programme_id: number;
	description: string;
	/** 1–5 */
	probability: number;
	/** 1–5 */
	impact: number;
	owner_user_id: number | null;
	mitigation: string | null;
	status: Generated<RiskStatus>;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface CalendarTokenTable {
	user_id: number;
	token_hash: string;
	created_at: GeneratedTimestamp;
}

export interface InitiativeBudgetTable {
	initiative_id: number;
	year: number;
	/** haléře, ≥ 0 */
	amount: bigint;
	version: Generated<number>;
}

export interface InitiativeGoalTable {
	initiative_id: number;
	goal_id: number;
}

export interface InitiativeProcessTable {
	initiative_id: number;
	process_id: number;
}

export interface InitiativeKpiTable {
	initiative_id: number;
	kpi_id: number;
}

export interface InitiativeSavingTable {
	id: Generated<number>;
	initiative_id: number;
	period_start: string;
	period_end: string;
	/** haléře */
	amount: Generated<bigint>;
	/** numeric: hours of work time saved */
	hours: Generated<string>;
	evidence: string;
	recorded_by: number | null;
	recorded_at: GeneratedTimestamp;
}

export interface InitiativeStatusChangeTable {
	id: Generated<number>;
	initiative_id: number;
	from_status: string | null;
	to_status: string;
	user_id: number | null;
	note: string | null;
	changed_at: GeneratedTimestamp;
}

export interface ProgrammeTables {
	programme: ProgrammeTable;
	programme_activity: ProgrammeActivityTable;
	milestone: MilestoneTable;
	milestone_dependency: MilestoneDependencyTable;
	programme_risk: ProgrammeRiskTable;
	calendar_token: CalendarTokenTable;
	initiative_budget: InitiativeBudgetTable;
	initiative_goal: InitiativeGoalTable;
	initiative_process: InitiativeProcessTable;
	initiative_kpi: InitiativeKpiTable;
	initiative_saving: InitiativeSavingTable;
	initiative_status_change: InitiativeStatusChangeTable;
}

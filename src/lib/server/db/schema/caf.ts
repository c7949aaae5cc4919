import type { Generated } from 'kysely';
import type { GeneratedTimestamp } from './foundation';

// Tables of the CAF area (migrations/20261206_1000_caf.js).

export type CafRoundStatus = 'preparation' | 'scoring' | 'consensus' | 'action_plan' | 'closed';
export type CafScoringMode = 'classic' | 'fine_tuned';

export interface CafSubcriterionTable {
	code: string;
	criterion: number;
	position: number;
}

export interface CafRoundTable {
	id: Generated<number>;
	name: string;
	/** `YYYY-MM-DD` */
	start_date: string;
	scoring_due: string;
	consensus_due: string;
	end_date: string;
	status: Generated<CafRoundStatus>;
	scoring_mode: Generated<CafScoringMode>;
	leader_user_id: number;
	closed_at: Date | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface CafPanelMemberTable {
	round_id: number;
	user_id: number;
	/** an invited guest assessor: scores in this round only, sees nothing else beyond a viewer */
	guest: Generated<boolean>;
}

/** The panel's agreed score per subcriterion, recorded by the leader. */
export interface CafConsensusTable {
	id: Generated<number>;
	round_id: number;
	subcriterion_code: string;
	score: number;
	/** fine-tuned matrix: the phase scores as JSON (`[plan, do, check, act]` or `[trend, target]`) */
	phase_scores: string | null;
	strengths: string | null;
	improvements: string | null;
	evidence: string | null;
	updated_by: number | null;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

/** A panel member's own score of one subcriterion: the consensus row's fields, and whose it is. */
export interface CafScoreTable extends CafConsensusTable {
	user_id: number;
}

export interface CafEvidenceLinkTable {
	id: Generated<number>;
	round_id: number;
	subcriterion_code: string;
	process_id: number | null;
	goal_id: number | null;
	kpi_id: number | null;
	initiative_id: number | null;
}

export interface CafActionTable {
	id: Generated<number>;
	round_id: number;
	subcriterion_code: string;
	title: string;
	description: string | null;
	owner_user_id: number | null;
	/** 1–3 */
	impact: number;
	effort: number;
	due_date: string | null;
	initiative_id: number | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface CafTables {
	caf_subcriterion: CafSubcriterionTable;
	caf_round: CafRoundTable;
	caf_panel_member: CafPanelMemberTable;
	caf_score: CafScoreTable;
	caf_consensus: CafConsensusTable;
	caf_evidence_link: CafEvidenceLinkTable;
	caf_action: CafActionTable;
}

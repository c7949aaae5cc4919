import type { CafRoundStatus, CafScoringMode } from '../db/schema';
import type { Spread } from '$lib/caf/scoring';
import type { KpiInYear } from '../kpis/kpis';

export type { CafRoundStatus, CafScoringMode };

export { ROUND_STATUSES } from '$lib/caf/model';
export const SCORING_MODES: readonly CafScoringMode[] = ['classic', 'fine_tuned'];
export const LINK_KINDS = ['process', 'goal', 'kpi', 'initiative'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface RoundInput {
	name: string;
	startDate: string;
	scoringDue: string;
	consensusDue: string;
	endDate: string;
	scoringMode: CafScoringMode;
	leaderId: number;
	memberIds: number[];
	/** invited guest assessors (viewer accounts): they score this round and see no other */
	guestIds: number[];
}

export interface ScoreInput {
	score: number;
	/** fine-tuned rounds: the phase scores the score is the mean of */
	phases: number[] | null;
	strengths: string | null;
	improvements: string | null;
	evidence: string | null;
}

/** What the action plan edits of an action after it is created. */
export type ActionEdit = Omit<ActionInput, 'subcriterionCode'>;

export interface ActionInput {
	subcriterionCode: string;
	title: string;
	description: string | null;
	ownerUserId: number | null;
	impact: number;
	effort: number;
	dueDate: string | null;
}

export interface RoundSummary {
	id: number;
	name: string;
	status: CafRoundStatus;
	startDate: string;
	endDate: string;
	leaderName: string | null;
	consensusCount: number;
	version: number;
}

export interface PanelMember {
	id: number;
	name: string;
	guest: boolean;
}

/** What the acting user may do in this round. */
export interface RoundRights {
	/** on the panel (an invited guest assessor too) */
	isMember: boolean;
	/** an invited guest assessor: scores, links and plans nothing else */
	isGuest: boolean;
	isLeader: boolean;
	canManage: boolean;
	/** panel member and the round is in individual scoring */
	canScore: boolean;
	/** leader and the round is in consensus */
	canConsent: boolean;
	/** leader or manager, round not closed, in consensus or action plan */
	canPlan: boolean;
	/** panel member, leader or manager, round not closed */
	canLink: boolean;
	/** sees every member's individual score (the leader always; members from consensus on) */
	seesScores: boolean;
}

export interface Round {
	id: number;
	name: string;
	status: CafRoundStatus;
	scoringMode: CafScoringMode;
	startDate: string;
	scoringDue: string;
	consensusDue: string;
	endDate: string;
	leaderId: number;
	leaderName: string | null;
	/** empty for readers not allowed to see staff names */
	panel: PanelMember[];
	closedAt: Date | null;
	version: number;
	rights: RoundRights;
}

export interface ScoreView {
	score: number;
	phases: number[] | null;
	strengths: string | null;
	improvements: string | null;
	evidence: string | null;
	version: number;
}

export interface IndividualScore extends ScoreView {
	userId: number;
	userName: string | null;
}

export interface SubcriterionRow {
	code: string;
	mine: ScoreView | null;
	scoredBy: number;
	spread: Spread | null;
	consensus: ScoreView | null;
}

export interface EvidenceLink {
	id: number;
	kind: LinkKind;
	targetId: number;
	code: string;
	name: string;
}

export interface Action {
	id: number;
	roundId: number;
	subcriterionCode: string;
	title: string;
	description: string | null;
	ownerUserId: number | null;
	ownerName: string | null;
	impact: number;
	effort: number;
	priority: number;
	dueDate: string | null;
	initiativeId: number | null;
	initiativeCode: string | null;
	version: number;
}

export interface SubcriterionDetail {
	round: Round;
	code: string;
	mine: ScoreView | null;
	scores: IndividualScore[];
	spread: Spread | null;
	consensus: ScoreView | null;
	links: EvidenceLink[];
	/** results criteria 6–9: the linked KPIs as they stand this year */
	kpis: KpiInYear[];
	actions: Action[];
}

/** Which CAF finding an initiative answers (for the initiative's card). */
export interface Finding {
	actionId: number;
	roundId: number;
	roundName: string;
	subcriterionCode: string;
	title: string;
}

import type { RiskStatus } from '../db/schema';
import type { MilestoneStatus } from './milestone-status';

export type { MilestoneStatus } from './milestone-status';
export type { RiskStatus } from '../db/schema';

export interface Milestone {
	id: number;
	activityId: number;
	activityCode: string;
	activityName: string;
	name: string;
	ownerUserId: number | null;
	ownerName: string | null;
	deliverable: string | null;
	baselineDue: string;
	currentDue: string;
	doneDate: string | null;
	notes: string | null;
	/** Why the due date moved past the baseline. */
	slipReason: string | null;
	/** The current due date lies outside its activity's dates (a warning, not a refusal). */
	outsideActivity: boolean;
	version: number;
	status: MilestoneStatus;
	/** current − baseline, days */
	slip: number;
	/** the slip it really has (see realSlipDays): overdue counts up to today */
	realSlip: number;
	predecessorIds: number[];
}

/** What the programme and each of its activities have alike: a coded, described span of dates. */
export interface ProgrammePart {
	id: number;
	code: string;
	name: string;
	description: string | null;
	startDate: string;
	endDate: string;
}

export interface Activity extends ProgrammePart {
	ownerName: string | null;
	milestones: Milestone[];
	done: number;
	/** The largest real slip of its milestones, days (0 when none slipped). */
	maxSlip: number;
	slipped: number;
	late: number;
	atRisk: number;
}

export interface Programme extends ProgrammePart {
	managerName: string | null;
	activities: Activity[];
}

export interface Risk {
	id: number;
	description: string;
	probability: number;
	impact: number;
	/** probability × impact, 1–25 */
	score: number;
	ownerUserId: number | null;
	ownerName: string | null;
	mitigation: string | null;
	status: RiskStatus;
	version: number;
	updatedAt: Date;
}

export const RISK_STATUSES: RiskStatus[] = ['open', 'mitigating', 'closed'];

export interface MilestoneInput {
	name: string;
	ownerUserId: number | null;
	deliverable: string | null;
	currentDue: string;
	doneDate: string | null;
	notes: string | null;
	slipReason: string | null;
}

export interface NewMilestoneInput {
	activityId: number;
	name: string;
	ownerUserId: number | null;
	deliverable: string | null;
	baselineDue: string;
}

export interface RiskInput {
	description: string;
	probability: number;
	impact: number;
	ownerUserId: number | null;
	mitigation: string | null;
	status: RiskStatus;
}

export interface MilestoneSummary {
	total: number;
	done: number;
	late: number;
	atRisk: number;
	onTrack: number;
	/** Not done and past due, most overdue first. */
	overdue: Milestone[];
	/** Not done, due today … today + 30 days, soonest first. */
	next30: Milestone[];
}

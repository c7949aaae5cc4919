import { m } from '$lib/paraglide/messages';
import type { KpiStatus } from '$lib/kpi-status';
import type { INITIATIVE_STATUSES } from '$lib/initiative-statuses';
import type { MilestoneStatus } from '$lib/server/programme/milestone-status';
import type { CafRoundStatus } from '$lib/server/db/schema/caf';
import type { CostNature, EntryKind } from '$lib/server/db/schema';

/**
 * The one word (message key) and badge tone of every status people see: a KPI's or goal's, a
 * milestone's and an initiative's. Pages, badges, charts, exports and the public page all read
 * them from here, so one state never appears under two words.
 */
export type BadgeTone = 'ok' | 'warn' | 'bad' | 'none';
type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** The word for each cost nature (ledger lines, category list, charts, exports). */
export const natureLabels: Record<CostNature, () => string> = {
	fixed: m.costs_nature_fixed,
	variable: m.costs_nature_variable,
	investment: m.improvement_investment,
	capital: m.costs_nature_capital
};

/** The word for a ledger line's kind (entry form, import, exports). */
export const entryKindLabels: Record<EntryKind, () => string> = {
	actual: m.actual,
	budget: m.budget
};

/** The word for each role an administrator can give a user (a guest is invited, never given). */
export const roleLabels: Record<string, () => string> = {
	admin: m.role_admin,
	manager: m.role_manager,
	finance: m.role_finance,
	project_manager: m.role_project_manager,
	process_owner: m.role_process_owner,
	hr: m.role_hr,
	viewer: m.role_viewer
};

export const kpiStatusLabels: Record<KpiStatus, () => string> = {
	on_target: m.status_on_target,
	within_tolerance: m.status_within_tolerance,
	off_target: m.status_off_target,
	no_data: m.status_no_data
};

const KPI_TONES: Record<KpiStatus, BadgeTone> = {
	on_target: 'ok',
	within_tolerance: 'warn',
	off_target: 'bad',
	no_data: 'none'
};

/** A chart's colour (CSS variable) per KPI or goal status. */
export const STATUS_COLORS: Record<KpiStatus, string> = {
	on_target: '--ok',
	within_tolerance: '--warn',
	off_target: '--bad',
	no_data: '--none'
};

function isKpiStatus(status: string): status is KpiStatus {
	return status in KPI_TONES;
}

/** The word for a KPI or goal status; anything unknown reads as no data. */
export function statusLabel(status: string): string {
	return kpiStatusLabels[isKpiStatus(status) ? status : 'no_data']();
}

export function statusClass(status: string): BadgeTone {
	return KPI_TONES[isKpiStatus(status) ? status : 'no_data'];
}

export const milestoneStatusLabels: Record<MilestoneStatus, () => string> = {
	done: m.programme_status_done,
	on_track: m.programme_status_on_track,
	at_risk: m.programme_status_at_risk,
	late: m.programme_status_late
};

/** The statuses in the order the programme shows them: what is done first, what is late last. */
export const MILESTONE_STATUSES = Object.keys(milestoneStatusLabels) as MilestoneStatus[];

export const MILESTONE_TONES: Record<MilestoneStatus, BadgeTone> = {
	done: 'ok',
	on_track: 'none',
	at_risk: 'warn',
	late: 'bad'
};

export const initiativeStatusLabels: Record<InitiativeStatus, () => string> = {
	proposed: m.programme_ini_proposed,
	approved: m.programme_ini_approved,
	in_progress: m.programme_ini_in_progress,
	done: m.programme_ini_done,
	cancelled: m.programme_ini_cancelled
};

const INITIATIVE_TONES: Record<InitiativeStatus, BadgeTone> = {
	proposed: 'none',
	approved: 'warn',
	in_progress: 'warn',
	done: 'ok',
	cancelled: 'bad'
};

export const cafRoundStatusLabels: Record<CafRoundStatus, () => string> = {
	preparation: m.caf_status_preparation,
	scoring: m.caf_status_scoring,
	consensus: m.caf_status_consensus,
	action_plan: m.caf_status_action_plan,
	closed: m.caf_status_closed
};

const CAF_ROUND_TONES: Record<CafRoundStatus, BadgeTone> = {
	preparation: 'none',
	scoring: 'warn',
	consensus: 'warn',
	action_plan: 'warn',
	closed: 'ok'
};

export type StatusOf = 'kpi' | 'milestone' | 'initiative' | 'caf';

/** The word and tone of a status of any kind, for the one StatusBadge. */
export function statusLook(of: StatusOf, status: string): { label: string; tone: BadgeTone } {
	if (of === 'milestone' && status in MILESTONE_TONES) {
		const s = status as MilestoneStatus;
		return { label: milestoneStatusLabels[s](), tone: MILESTONE_TONES[s] };
	}
	if (of === 'initiative' && status in INITIATIVE_TONES) {
		const s = status as InitiativeStatus;
		return { label: initiativeStatusLabels[s](), tone: INITIATIVE_TONES[s] };
	}
	if (of === 'caf' && status in CAF_ROUND_TONES) {
		const s = status as CafRoundStatus;
		return { label: cafRoundStatusLabels[s](), tone: CAF_ROUND_TONES[s] };
	}
	return { label: statusLabel(status), tone: statusClass(status) };
}

/** The word for an initiative status; an unknown one shows as it is. */
export function initiativeStatusLabel(status: string): string {
	return status in INITIATIVE_TONES ? initiativeStatusLabels[status as InitiativeStatus]() : status;
}

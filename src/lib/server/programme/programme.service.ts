import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import { generateSessionToken, sessionIdFromToken } from '../auth/session';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { NotFoundError, ValidationError } from '../shared/errors';
import { auditedAs, createAudited, editAudited, type VersionedRow } from '../shared/versioned';
import type { EditRecord } from '../shared/versioned';
import { findCycle } from './dependencies';
import { calendar } from './ics';
import { addDays, daysBetween, milestoneStatus, realSlipDays, slipDays } from './milestone-status';
import * as repo from './programme.repository';
import * as users from '../users/users.repository';
import type {
	Activity,
	Milestone,
	MilestoneInput,
	MilestoneSummary,
	NewMilestoneInput,
	Programme,
	Risk,
	RiskInput
} from './programme';

function toMilestones(
	rows: repo.MilestoneRow[],
	edges: { predecessor_id: number; successor_id: number }[],
	today: string
): Milestone[] {
	const predecessors = new Map<number, number[]>();
	for (const e of edges) {
		const list = predecessors.get(e.successor_id) ?? [];
		list.push(e.predecessor_id);
		predecessors.set(e.successor_id, list);
	}
	const byId = new Map(rows.map((r) => [r.id, r]));
	return rows.map((r) => {
		const predecessorIds = predecessors.get(r.id) ?? [];
		const preds = predecessorIds
			.map((id) => byId.get(id))
			.filter((p) => p !== undefined)
			.map((p) => ({ currentDue: p.current_due, doneDate: p.done_date }));
		return {
			id: r.id,
			activityId: r.activity_id,
			activityCode: r.activity_code,
			activityName: r.activity_name,
			name: r.name,
			ownerUserId: r.owner_user_id,
			ownerName: r.owner_name,
			deliverable: r.deliverable,
			baselineDue: r.baseline_due,
			currentDue: r.current_due,
			doneDate: r.done_date,
			notes: r.notes,
			slipReason: r.slip_reason,
			outsideActivity: r.current_due < r.activity_start || r.current_due > r.activity_end,
			version: r.version,
			status: milestoneStatus({ currentDue: r.current_due, doneDate: r.done_date }, today, preds),
			slip: slipDays({ baselineDue: r.baseline_due, currentDue: r.current_due }),
			realSlip: realSlipDays(
				{ baselineDue: r.baseline_due, currentDue: r.current_due, doneDate: r.done_date },
				today
			),
			predecessorIds
		};
	});
}

export async function allMilestones(db: Executor, today: string): Promise<Milestone[]> {
	const [rows, edges] = await Promise.all([repo.milestoneRows(db), repo.dependencyRows(db)]);
	return toMilestones(rows, edges, today);
}

/** The office's programme with its activities and their milestones, or null before one exists. */
export async function get(db: Executor, today: string): Promise<Programme | null> {
	const programme = await repo.firstProgramme(db);
	if (!programme) return null;
	const [activities, milestones] = await Promise.all([
		repo.activityRows(db, programme.id),
		allMilestones(db, today)
	]);
	return {
		id: programme.id,
		code: programme.code,
		name: programme.name,
		description: programme.description,
		startDate: programme.start_date,
		endDate: programme.end_date,
		managerName: programme.manager_name,
		activities: activities.map((a): Activity => {
			const own = milestones.filter((m) => m.activityId === a.id);
			return {
				id: a.id,
				code: a.code,
				name: a.name,
				description: a.description,
				startDate: a.start_date,
				endDate: a.end_date,
				ownerName: a.owner_name,
				milestones: own,
				done: own.filter((m) => m.status === 'done').length,
				maxSlip: Math.max(0, ...own.map((m) => m.realSlip)),
				slipped: own.filter((m) => m.slip > 0).length,
				late: own.filter((m) => m.status === 'late').length,
				atRisk: own.filter((m) => m.status === 'at_risk').length
			};
		})
	};
}

/** Counts by status, overdue and the next 30 days — for the programme page and the overview. */
export async function milestoneSummary(db: Executor, today: string): Promise<MilestoneSummary> {
	const milestones = await allMilestones(db, today);
	const horizon = addDays(today, 30);
	return {
		total: milestones.length,
		done: milestones.filter((m) => m.status === 'done').length,
		late: milestones.filter((m) => m.status === 'late').length,
		atRisk: milestones.filter((m) => m.status === 'at_risk').length,
		onTrack: milestones.filter((m) => m.status === 'on_track').length,
		overdue: milestones.filter((m) => m.status === 'late'),
		next30: milestones.filter(
			(m) => m.doneDate === null && m.currentDue >= today && m.currentDue <= horizon
		)
	};
}

export async function getMilestone(db: Executor, id: number, today: string) {
	const milestones = await allMilestones(db, today);
	const milestone = milestones.find((m) => m.id === id);
	if (!milestone) throw new NotFoundError('milestone');
	const activity = await repo.findActivity(db, milestone.activityId);
	if (!activity) throw new NotFoundError('activity');
	const successors = milestones.filter((m) => m.predecessorIds.includes(id));
	return {
		milestone,
		activity: {
			id: activity.id,
			code: activity.code,
			name: activity.name,
			startDate: activity.start_date,
			endDate: activity.end_date
		},
		predecessors: milestones.filter((m) => milestone.predecessorIds.includes(m.id)),
		successors,
		/** Milestones that could become predecessors (not itself, not already linked). */
		candidates: milestones.filter((m) => m.id !== id && !milestone.predecessorIds.includes(m.id))
	};
}

/** The audit record of a change to a milestone. */
const milestoneChange = auditedAs('milestone');

function auditMilestone(row: VersionedRow<'milestone'>) {
	return {
		name: row.name,
		ownerUserId: row.owner_user_id,
		deliverable: row.deliverable,
		baselineDue: row.baseline_due,
		currentDue: row.current_due,
		doneDate: row.done_date,
		notes: row.notes,
		slipReason: row.slip_reason
	};
}

/**
 * Moves a milestone, marks it done, or edits its text. Refuses a due date before the activity
 * starts or before a predecessor's due date (finish-to-start), and a done date in the future.
 */
export async function updateMilestone(
	db: Db,
	actor: SessionUser,
	id: number,
	expectedVersion: number,
	input: MilestoneInput,
	today: string
): Promise<void> {
	await editAudited(db, 'milestone', id, expectedVersion, {
		change: (before) =>
			milestoneChange(
				actor,
				before.done_date === null && input.doneDate !== null
					? 'done'
					: before.current_due !== input.currentDue
						? 'move'
						: 'update'
			),
		view: auditMilestone,
		check: async (trx, before) => {
			const activity = await repo.findActivity(trx, before.activity_id);
			if (!activity) throw new NotFoundError('activity');
			const errors: Record<string, string> = {};
			if (input.currentDue < activity.start_date) {
				errors.currentDue = 'programme_error_due_before_start';
			} else {
				const late = await repo.predecessorDueAfter(trx, id, input.currentDue);
				if (late) errors.currentDue = 'programme_error_due_before_predecessor';
			}
			if (input.doneDate !== null && input.doneDate > today) {
				errors.doneDate = 'programme_error_done_future';
			}
			// Moving a milestone later than it was, past its baseline, says why.
			const slips = input.currentDue > before.current_due && input.currentDue > before.baseline_due;
			if (slips && !input.slipReason) errors.slipReason = 'programme_error_slip_reason';
			if (Object.keys(errors).length) throw new ValidationError(errors);
		},
		values: () => ({
			name: input.name,
			owner_user_id: input.ownerUserId,
			deliverable: input.deliverable,
			current_due: input.currentDue,
			done_date: input.doneDate,
			notes: input.notes,
			slip_reason: input.slipReason
		})
	});
}

export async function createMilestone(
	db: Db,
	actor: SessionUser,
	input: NewMilestoneInput
): Promise<number> {
	const row = await createAudited(db, 'milestone', {
		change: milestoneChange(actor, 'create'),
		values: {
			activity_id: input.activityId,
			name: input.name,
			owner_user_id: input.ownerUserId,
			deliverable: input.deliverable,
			baseline_due: input.baselineDue,
			current_due: input.baselineDue
		},
		view: auditMilestone,
		check: async (trx) => {
			const activity = await repo.findActivity(trx, input.activityId);
			if (!activity) throw new ValidationError({ activityId: 'programme_error_activity' });
			if (input.baselineDue < activity.start_date) {
				throw new ValidationError({ baselineDue: 'programme_error_due_before_start' });
			}
		}
	});
	return row.id;
}

/** Who adds or removes the finish-to-start dependency of a successor on a predecessor. */
type DependencyChange = (
	db: Db,
	actor: SessionUser,
	successorId: number,
	predecessorId: number
) => Promise<void>;

/** Adds a finish-to-start dependency; refuses one that would close a cycle. */
export const addDependency: DependencyChange = async (db, actor, successorId, predecessorId) => {
	await db.transaction().execute(async (trx) => {
		await repo.lockDependencies(trx);
		const found = await repo.existingMilestones(trx, [successorId, predecessorId]);
		if (!found.some((m) => m.id === successorId)) throw new NotFoundError('milestone');
		if (!found.some((m) => m.id === predecessorId)) {
			throw new ValidationError({ predecessorId: 'programme_error_predecessor' });
		}
		const edges = (await repo.dependencyRows(trx)).map((e) => ({
			predecessorId: e.predecessor_id,
			successorId: e.successor_id
		}));
		if (edges.some((e) => e.predecessorId === predecessorId && e.successorId === successorId)) {
			return;
		}
		if (findCycle(edges, { predecessorId, successorId })) {
			throw new ValidationError({ predecessorId: 'programme_error_cycle' });
		}
		await repo.insertDependency(trx, predecessorId, successorId);
		await audit.record(trx, {
			...milestoneChange(actor, 'dependency_add'),
			entityId: successorId,
			after: { predecessorId }
		});
	});
};

export const removeDependency: DependencyChange = async (db, actor, successorId, predecessorId) => {
	await db.transaction().execute(async (trx) => {
		const removed = await repo.deleteDependency(trx, predecessorId, successorId);
		if (!removed) throw new NotFoundError('dependency');
		await audit.record(trx, {
			...milestoneChange(actor, 'dependency_remove'),
			entityId: successorId,
			before: { predecessorId }
		});
	});
};

// Risks

function toRisk(r: Awaited<ReturnType<typeof repo.riskRows>>[number]): Risk {
	return {
		id: r.id,
		description: r.description,
		probability: r.probability,
		impact: r.impact,
		score: r.probability * r.impact,
		ownerUserId: r.owner_user_id,
		ownerName: r.owner_name,
		mitigation: r.mitigation,
		status: r.status,
		version: r.version,
		updatedAt: r.updated_at
	};
}

/** The risk register, highest score first (closed risks last). */
export async function listRisks(db: Executor): Promise<Risk[]> {
	const programme = await repo.firstProgramme(db);
	if (!programme) return [];
	const risks = (await repo.riskRows(db, programme.id)).map(toRisk);
	return risks.sort(
		(a, b) =>
			Number(a.status === 'closed') - Number(b.status === 'closed') ||
			b.score - a.score ||
			a.id - b.id
	);
}

/** What the audit log keeps of a risk. */
function riskView(r: {
	description: string;
	probability: number;
	impact: number;
	owner_user_id: number | null;
	mitigation: string | null;
	status: RiskInput['status'];
}) {
	return {
		description: r.description,
		probability: r.probability,
		impact: r.impact,
		ownerUserId: r.owner_user_id,
		mitigation: r.mitigation,
		status: r.status
	};
}

function riskColumns(input: RiskInput) {
	return {
		description: input.description,
		probability: input.probability,
		impact: input.impact,
		owner_user_id: input.ownerUserId,
		mitigation: input.mitigation,
		status: input.status
	};
}

/** The audit record of a change to a risk. */
const riskChange = auditedAs('risk');

export async function createRisk(db: Db, actor: SessionUser, input: RiskInput): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const programme = await repo.firstProgramme(trx);
		if (!programme) throw new NotFoundError('programme');
		const row = await createAudited(trx, 'programme_risk', {
			change: riskChange(actor, 'create'),
			values: { programme_id: programme.id, ...riskColumns(input) },
			view: riskView
		});
		return row.id;
	});
}

export const updateRisk: EditRecord<RiskInput> = async (db, actor, id, expectedVersion, input) => {
	await editAudited(db, 'programme_risk', id, expectedVersion, {
		change: riskChange(actor, 'update'),
		entity: 'risk',
		view: riskView,
		values: () => riskColumns(input)
	});
};

// Calendar feeds

/**
 * Issues a new private feed token for the user, replacing the old one (which stops working).
 * Only its hash is stored, so the URL is shown once.
 */
export async function issueCalendarToken(db: Db, user: SessionUser): Promise<string> {
	const token = generateSessionToken();
	await db.transaction().execute(async (trx) => {
		await repo.replaceCalendarToken(trx, user.id, sessionIdFromToken(token));
		await audit.record(trx, {
			userId: user.id,
			action: 'calendar.issue',
			entity: 'calendar_token',
			entityId: user.id
		});
	});
	return token;
}

export async function calendarTokenIssuedAt(db: Executor, userId: number): Promise<Date | null> {
	const row = await repo.calendarToken(db, userId);
	return row?.created_at ?? null;
}

/** Managers and project managers see every milestone in their feed; others those they own. */
const SEES_ALL = new Set(['admin', 'manager', 'project_manager']);

/** The iCalendar text for a feed token, or null when the token is unknown or the user inactive. */
export async function calendarFeed(
	db: Executor,
	token: string,
	origin: string,
	name: string
): Promise<string | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const user = await repo.calendarTokenUser(db, sessionIdFromToken(token));
	if (!user || !user.active) return null;
	const rows = await repo.milestoneRows(db);
	const mine = SEES_ALL.has(user.role) ? rows : rows.filter((r) => r.owner_user_id === user.id);
	return calendar(
		name,
		mine.map((r) => ({
			uid: `milestone-${r.id}@dilna`,
			date: r.current_due,
			summary: `${r.done_date ? '✓ ' : ''}${r.activity_code}: ${r.name}`,
			description: [r.deliverable, r.owner_name].filter(Boolean).join('\n') || undefined,
			url: `${origin}/programme/milestones/${r.id}`,
			stamp: r.updated_at
		}))
	);
}

/**
 * Users to pick as owners of milestones, activities, risks and initiatives: the people who work
 * in the office, not readers (who cannot act on what they own) nor the technical admin account.
 */
export async function owners(db: Executor) {
	return (await users.active(db)).filter((u) => u.role !== 'viewer' && u.role !== 'admin');
}

export function daysLate(m: Milestone, today: string): number {
	return daysBetween(m.currentDue, today);
}

import { sql } from 'kysely';
import { CAF_CODES, CAF_MODEL, kindOf } from '$lib/caf/model';
import { compare, fineTuned, mean, priorityOf, spread, type Movement } from '$lib/caf/scoring';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import * as initiatives from '../initiatives/initiatives.service';
import * as kpis from '../kpis/kpis.service';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { assertActiveUser } from '../shared/references';
import {
	auditedAs,
	createAudited,
	editAudited,
	lockForUpdate,
	saveByKeysAudited
} from '../shared/versioned';
import type { EditRecord } from '../shared/versioned';
import * as repo from './caf.repository';
import {
	ROUND_STATUSES,
	type Action,
	type ActionEdit,
	type ActionInput,
	type CafRoundStatus,
	type EvidenceLink,
	type Finding,
	type LinkKind,
	type Round,
	type RoundInput,
	type RoundRights,
	type RoundSummary,
	type ScoreInput,
	type ScoreView,
	type SubcriterionDetail,
	type SubcriterionRow
} from './caf';

type RoundRow = Awaited<ReturnType<ReturnType<typeof repo.roundRows>['execute']>>[number];

/**
 * Viewers read closed rounds only; everyone else with `read` reads every round; a guest assessor
 * (a viewer account invited to a round) reads the round they are invited to as well.
 */
function mayRead(actor: SessionUser, status: CafRoundStatus, guest: boolean): boolean {
	return (
		guest ||
		// An invited guest account reads the rounds of its scope; requireUser (guests/scope.ts)
		// lets no other round through to here.
		actor.role === 'guest' ||
		status === 'closed' ||
		can(actor.role, 'caf.take_part') ||
		can(actor.role, 'caf.manage')
	);
}

function summary(r: RoundRow): RoundSummary {
	return {
		id: r.id,
		name: r.name,
		status: r.status,
		startDate: r.start_date,
		endDate: r.end_date,
		leaderName: r.leader_name,
		consensusCount: r.consensus_count ?? 0,
		version: r.version
	};
}

export async function list(db: Executor, actor: SessionUser): Promise<RoundSummary[]> {
	const [rows, guestOf] = await Promise.all([
		repo.roundRows(db).execute(),
		repo.guestRoundIds(db, actor.id)
	]);
	return rows.filter((r) => mayRead(actor, r.status, guestOf.includes(r.id))).map(summary);
}

function rightsOf(
	actor: SessionUser,
	row: RoundRow,
	panel: { id: number; guest: boolean }[]
): RoundRights {
	const takesPart = can(actor.role, 'caf.take_part');
	const seat = panel.find((p) => p.id === actor.id);
	const isGuest = !!seat?.guest;
	const isMember = !!seat && (takesPart || isGuest);
	const isLeader = takesPart && row.leader_user_id === actor.id;
	const canManage = can(actor.role, 'caf.manage');
	const open = row.status !== 'closed';
	return {
		isMember,
		isGuest,
		isLeader,
		canManage,
		canScore: isMember && row.status === 'scoring',
		canConsent: isLeader && row.status === 'consensus',
		canPlan:
			(isLeader || canManage) && (row.status === 'consensus' || row.status === 'action_plan'),
		canLink: open && ((isMember && !isGuest) || isLeader || canManage),
		seesScores:
			isLeader ||
			(isMember && ROUND_STATUSES.indexOf(row.status) >= ROUND_STATUSES.indexOf('consensus'))
	};
}

async function roundRow(db: Executor, id: number): Promise<RoundRow> {
	const row = await repo.roundRows(db).where('r.id', '=', id).executeTakeFirst();
	if (!row) throw new NotFoundError('caf_round');
	return row;
}

export async function get(db: Executor, actor: SessionUser, id: number): Promise<Round> {
	const row = await roundRow(db, id);
	const panel = await repo.panel(db, id);
	const guest = panel.some((p) => p.id === actor.id && p.guest);
	if (!mayRead(actor, row.status, guest)) throw new ForbiddenError('caf_round');
	const names = can(actor.role, 'caf.take_part') || can(actor.role, 'caf.manage');
	return {
		id: row.id,
		name: row.name,
		status: row.status,
		scoringMode: row.scoring_mode,
		startDate: row.start_date,
		scoringDue: row.scoring_due,
		consensusDue: row.consensus_due,
		endDate: row.end_date,
		leaderId: row.leader_user_id,
		leaderName: names ? row.leader_name : null,
		panel: names ? panel : [],
		closedAt: row.closed_at,
		version: row.version,
		rights: rightsOf(actor, row, panel)
	};
}

function scoreView(r: {
	score: number;
	phase_scores: string | null;
	strengths: string | null;
	improvements: string | null;
	evidence: string | null;
	version: number;
}): ScoreView {
	return {
		score: r.score,
		phases: r.phase_scores ? (JSON.parse(r.phase_scores) as number[]) : null,
		strengths: r.strengths,
		improvements: r.improvements,
		evidence: r.evidence,
		version: r.version
	};
}

/** Every subcriterion of the round with the actor's own score, the spread and the consensus. */
export async function overview(
	db: Executor,
	actor: SessionUser,
	round: Round
): Promise<SubcriterionRow[]> {
	const [scores, agreed] = await Promise.all([
		repo.scores(db, round.id),
		repo.consensus(db, round.id)
	]);
	return CAF_CODES.map((code) => {
		const here = scores.filter((s) => s.subcriterion_code === code);
		const mine = here.find((s) => s.user_id === actor.id);
		const c = agreed.find((a) => a.subcriterion_code === code);
		return {
			code,
			mine: mine ? scoreView(mine) : null,
			scoredBy: here.length,
			spread: round.rights.seesScores ? spread(here.map((s) => s.score)) : null,
			consensus: c ? scoreView(c) : null
		};
	});
}

function actionOf(r: Awaited<ReturnType<typeof repo.actions>>[number], names = true): Action {
	return {
		id: r.id,
		roundId: r.round_id,
		subcriterionCode: r.subcriterion_code,
		title: r.title,
		description: r.description,
		ownerUserId: r.owner_user_id,
		ownerName: names ? r.owner_name : null,
		impact: r.impact,
		effort: r.effort,
		priority: priorityOf(r.impact, r.effort).value,
		dueDate: r.due_date,
		initiativeId: r.initiative_id,
		initiativeCode: r.initiative_code,
		version: r.version
	};
}

/** A round's improvement actions; their owners' names only for an actor who reads names. */
export async function actions(
	db: Executor,
	roundId: number,
	actor?: SessionUser
): Promise<Action[]> {
	const names = !actor || can(actor.role, 'names.read');
	return (await repo.actions(db, roundId)).map((r) => actionOf(r, names));
}

function assertCode(code: string): void {
	if (!CAF_CODES.includes(code)) throw new NotFoundError('caf_subcriterion');
}

export async function subcriterionDetail(
	db: Executor,
	actor: SessionUser,
	roundId: number,
	code: string,
	year: number
): Promise<SubcriterionDetail> {
	assertCode(code);
	const round = await get(db, actor, roundId);
	const [scores, agreed, linkRows, actionRows] = await Promise.all([
		repo.scores(db, roundId, code),
		repo.consensus(db, roundId),
		repo.links(db, roundId, code),
		actions(db, roundId, actor)
	]);
	const links: EvidenceLink[] = linkRows.map((l) => {
		const kind: LinkKind = l.process_id
			? 'process'
			: l.goal_id
				? 'goal'
				: l.kpi_id
					? 'kpi'
					: 'initiative';
		return {
			id: l.id,
			kind,
			targetId: (l.process_id ?? l.goal_id ?? l.kpi_id ?? l.initiative_id)!,
			code: l.code,
			name: l.name
		};
	});
	const kpiIds = links.filter((l) => l.kind === 'kpi').map((l) => l.targetId);
	const c = agreed.find((a) => a.subcriterion_code === code);
	const mine = scores.find((s) => s.user_id === actor.id);
	return {
		round,
		code,
		mine: mine ? scoreView(mine) : null,
		scores: round.rights.seesScores
			? scores.map((s) => ({
					...scoreView(s),
					userId: s.user_id,
					userName: can(actor.role, 'names.read') ? s.user_name : null
				}))
			: [],
		spread: round.rights.seesScores ? spread(scores.map((s) => s.score)) : null,
		consensus: c ? scoreView(c) : null,
		links,
		kpis:
			kindOf(code) === 'result' && kpiIds.length
				? await kpis.inYear(db, year, { ids: kpiIds })
				: [],
		actions: actionRows.filter((a) => a.subcriterionCode === code)
	};
}

// ---- writes ---------------------------------------------------------------------------------

const roundChange = auditedAs('caf_round');
const actionChange = auditedAs('caf_action');

async function lockRound(trx: Executor, id: number) {
	return lockForUpdate(trx, 'caf_round', id, 'caf_round');
}

async function checkRoundInput(trx: Executor, input: RoundInput, id: number | null) {
	await assertActiveUser(trx, input.leaderId, 'leaderId');
	for (const m of input.memberIds) await assertActiveUser(trx, m, 'memberIds');
	for (const g of input.guestIds) await assertActiveUser(trx, g, 'guestIds');
	const clash = await repo.roundNamed(trx, input.name);
	if (clash && clash.id !== id) throw new ValidationError({ name: 'caf_error_name_taken' });
}

function roundColumns(input: RoundInput) {
	return {
		name: input.name,
		start_date: input.startDate,
		scoring_due: input.scoringDue,
		consensus_due: input.consensusDue,
		end_date: input.endDate,
		scoring_mode: input.scoringMode,
		leader_user_id: input.leaderId
	};
}

type Seat = { userId: number; guest: boolean };

/** The panel of the input: the leader always sits on it; a guest is never also a member. */
function panelOf(input: RoundInput): Seat[] {
	const guests = new Set(input.guestIds.filter((g) => g !== input.leaderId));
	const members = [...new Set([input.leaderId, ...input.memberIds])].filter((m) => !guests.has(m));
	return [
		...members.map((userId) => ({ userId, guest: false })),
		...[...guests].map((userId) => ({ userId, guest: true }))
	];
}

function panelLog(panel: Seat[]) {
	return {
		memberIds: panel.filter((p) => !p.guest).map((p) => p.userId),
		guestIds: panel.filter((p) => p.guest).map((p) => p.userId)
	};
}

export async function create(db: Db, actor: SessionUser, input: RoundInput): Promise<number> {
	if (!can(actor.role, 'caf.manage')) throw new ForbiddenError('caf.manage');
	return db.transaction().execute(async (trx) => {
		await checkRoundInput(trx, input, null);
		const panel = panelOf(input);
		const row = await createAudited(trx, 'caf_round', {
			change: roundChange(actor, 'create'),
			values: roundColumns(input),
			view: () => ({ ...input, ...panelLog(panel) })
		});
		await repo.replacePanel(trx, row.id, panel);
		return row.id;
	});
}

/** Edits a round's name, timetable, scoring mode, leader, panel and guests (not once closed). */
export const update: EditRecord<RoundInput> = async (db, actor, id, version, input) => {
	if (!can(actor.role, 'caf.manage')) throw new ForbiddenError('caf.manage');
	await db.transaction().execute(async (trx) => {
		const panel = panelOf(input);
		let before: Seat[] = [];
		await editAudited(trx, 'caf_round', id, version, {
			change: roundChange(actor, 'update'),
			entity: 'caf_round',
			view: (r) => ({ ...r, ...panelLog(before) }),
			current: (r) => r,
			check: async (_, row) => {
				if (row.status === 'closed') throw new ValidationError({ status: 'caf_error_closed' });
				await checkRoundInput(trx, input, id);
				before = (await repo.panel(trx, id)).map((p) => ({ userId: p.id, guest: p.guest }));
			},
			values: () => roundColumns(input),
			after: () => ({ ...input, ...panelLog(panel) })
		});
		await repo.replacePanel(trx, id, panel);
	});
};

/**
 * Moves a round one step forward or back (never out of closed). The leader or a manager moves
 * it; closing needs a consensus score for every subcriterion.
 */
export async function changeStatus(
	db: Db,
	actor: SessionUser,
	id: number,
	version: number,
	to: CafRoundStatus
): Promise<void> {
	await editAudited(db, 'caf_round', id, version, {
		change: roundChange(actor, 'status'),
		entity: 'caf_round',
		view: (r) => ({ status: r.status }),
		current: (r) => r,
		guard: (row) => {
			const isLeader = row.leader_user_id === actor.id && can(actor.role, 'caf.take_part');
			if (!isLeader && !can(actor.role, 'caf.manage')) throw new ForbiddenError('caf_leader');
		},
		check: async (trx, row) => {
			const from = ROUND_STATUSES.indexOf(row.status);
			const target = ROUND_STATUSES.indexOf(to);
			if (row.status === 'closed' || target < 0 || Math.abs(target - from) !== 1) {
				throw new ValidationError({ status: 'caf_error_transition' });
			}
			if (to === 'closed') {
				const agreed = await repo.consensus(trx, id);
				if (CAF_CODES.some((c) => !agreed.some((a) => a.subcriterion_code === c))) {
					throw new ValidationError({ status: 'caf_error_consensus_missing' });
				}
			}
		},
		values: () => ({ status: to, closed_at: to === 'closed' ? sql<Date>`now()` : null })
	});
}

function checkScore(mode: string, code: string, input: ScoreInput): number {
	if (mode === 'fine_tuned') {
		const need = kindOf(code) === 'enabler' ? 4 : 2;
		if (!input.phases || input.phases.length !== need) {
			throw new ValidationError({ phases: 'caf_error_phases' });
		}
		return fineTuned(input.phases);
	}
	return input.score;
}

function scoreColumns(score: number, input: ScoreInput, actor: SessionUser) {
	return {
		score,
		phase_scores: input.phases ? JSON.stringify(input.phases) : null,
		strengths: input.strengths,
		improvements: input.improvements,
		evidence: input.evidence,
		updated_by: actor.id,
		updated_at: sql<Date>`now()`
	};
}

/**
 * Saves a member's own score (`caf_score`, while the round is in individual scoring; panel
 * members and invited guests only) or the panel's consensus (`caf_consensus`, while in
 * consensus; the leader only). `version` is the version of the score the form showed (null: none
 * yet).
 */
async function saveScore(
	db: Db,
	actor: SessionUser,
	table: 'caf_score' | 'caf_consensus',
	roundId: number,
	code: string,
	version: number | null,
	input: ScoreInput
): Promise<void> {
	assertCode(code);
	const own = table === 'caf_score';
	await db.transaction().execute(async (trx) => {
		const round = await lockRound(trx, roundId);
		const seat = await repo.membership(trx, roundId, actor.id);
		const takesPart = can(actor.role, 'caf.take_part');
		const allowed = own
			? !!seat && (seat.guest || takesPart)
			: round.leader_user_id === actor.id && takesPart;
		if (!allowed) throw new ForbiddenError(own ? 'caf_panel' : 'caf_leader');
		if (round.status !== (own ? 'scoring' : 'consensus')) {
			throw new ValidationError({
				score: own ? 'caf_error_not_scoring' : 'caf_error_not_consensus'
			});
		}
		const value = checkScore(round.scoring_mode, code, input);
		const score = { round_id: roundId, subcriterion_code: code };
		const keys = own ? { ...score, user_id: actor.id } : score;
		await saveByKeysAudited(trx, table, keys, version, {
			change: {
				userId: actor.id,
				action: own ? 'caf_score.save' : 'caf_consensus.save',
				entity: 'caf_round'
			},
			entityId: roundId,
			view: (r) => ({ code, ...scoreView(r) }),
			current: scoreView,
			values: scoreColumns(value, input, actor),
			after: { code, ...input, score: value }
		});
	});
}

/** Who saves which round's subcriterion, over which version (null: the first save), with what. */
type ScoreSave = (
	db: Db,
	actor: SessionUser,
	roundId: number,
	code: string,
	version: number | null,
	input: ScoreInput
) => Promise<void>;

/** A panel member's own score of one subcriterion, while the round is in individual scoring. */
export const score: ScoreSave = (db, actor, ...rest) => saveScore(db, actor, 'caf_score', ...rest);

/** The leader records the panel's consensus score and texts while the round is in consensus. */
export const recordConsensus: ScoreSave = (db, actor, ...rest) =>
	saveScore(db, actor, 'caf_consensus', ...rest);

async function assertOpenFor(
	trx: Executor,
	actor: SessionUser,
	roundId: number,
	need: 'link' | 'plan'
) {
	await lockRound(trx, roundId);
	const row = await roundRow(trx, roundId);
	const rights = rightsOf(actor, row, await repo.panel(trx, roundId));
	if ((!rights.isMember || rights.isGuest) && !rights.isLeader && !rights.canManage) {
		throw new ForbiddenError('caf_panel');
	}
	if (row.status === 'closed') throw new ValidationError({ status: 'caf_error_closed' });
	if (!(need === 'link' ? rights.canLink : rights.canPlan)) {
		throw new ValidationError({ status: 'caf_error_not_planning' });
	}
	return row;
}

/** Links a process, goal, KPI or initiative to a subcriterion as evidence (a second link is a no-op). */
export async function link(
	db: Db,
	actor: SessionUser,
	roundId: number,
	code: string,
	kind: LinkKind,
	targetId: number
): Promise<void> {
	assertCode(code);
	await db.transaction().execute(async (trx) => {
		await assertOpenFor(trx, actor, roundId, 'link');
		if (!(await repo.targetExists(trx, kind, targetId))) {
			throw new ValidationError({ targetId: 'error_choice' });
		}
		if (!(await repo.insertLink(trx, roundId, code, kind, targetId))) return;
		await audit.record(trx, {
			userId: actor.id,
			action: 'caf_link.add',
			entity: 'caf_round',
			entityId: roundId,
			after: { code, kind, targetId }
		});
	});
}

export async function unlink(
	db: Db,
	actor: SessionUser,
	roundId: number,
	linkId: number
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await assertOpenFor(trx, actor, roundId, 'link');
		const removed = await repo.deleteLink(trx, roundId, linkId);
		if (!removed) throw new NotFoundError('caf_evidence_link');
		await audit.record(trx, {
			userId: actor.id,
			action: 'caf_link.remove',
			entity: 'caf_round',
			entityId: roundId,
			before: removed
		});
	});
}

function actionColumns(input: ActionEdit) {
	return {
		title: input.title,
		description: input.description,
		owner_user_id: input.ownerUserId,
		impact: input.impact,
		effort: input.effort,
		due_date: input.dueDate
	};
}

/**
 * An improvement action, in the caller's transaction (the audit findings register turns a
 * finding's corrective action into one through this too): the round must be in consensus or
 * action plan and the actor its leader or a manager.
 */
export async function insertAction(
	trx: Executor,
	actor: SessionUser,
	roundId: number,
	input: ActionInput
): Promise<number> {
	assertCode(input.subcriterionCode);
	await assertOpenFor(trx, actor, roundId, 'plan');
	await assertActiveUser(trx, input.ownerUserId, 'ownerUserId');
	const row = await createAudited(trx, 'caf_action', {
		change: actionChange(actor, 'create'),
		values: {
			round_id: roundId,
			subcriterion_code: input.subcriterionCode,
			...actionColumns(input)
		},
		view: () => input
	});
	return row.id;
}

/** An improvement action from an area for improvement (consensus or action plan; leader or manager). */
export async function createAction(
	db: Db,
	actor: SessionUser,
	roundId: number,
	input: ActionInput
): Promise<number> {
	return db.transaction().execute((trx) => insertAction(trx, actor, roundId, input));
}

/** Edits an action's title, owner, impact, effort (its priority) and due date while the plan is open. */
export const updateAction: EditRecord<ActionEdit> = async (db, actor, actionId, version, input) => {
	await editAudited(db, 'caf_action', actionId, version, {
		change: actionChange(actor, 'update'),
		entity: 'caf_action',
		view: (a) => ({
			title: a.title,
			description: a.description,
			ownerUserId: a.owner_user_id,
			impact: a.impact,
			effort: a.effort,
			dueDate: a.due_date
		}),
		current: (a) => a,
		check: async (trx, a) => {
			await assertOpenFor(trx, actor, a.round_id, 'plan');
			await assertActiveUser(trx, input.ownerUserId, 'ownerUserId');
		},
		values: () => actionColumns(input)
	});
};

/**
 * Turns an improvement action into an initiative of the programme (status proposed) in one
 * transaction: the initiative is created through the initiatives service and the action points at
 * it, so the initiative's card shows which CAF finding it answers. Needs `initiatives.edit` and
 * the round's leader or a manager.
 */
export async function actionToInitiative(
	db: Db,
	actor: SessionUser,
	actionId: number,
	version: number
): Promise<number> {
	if (!can(actor.role, 'initiatives.edit')) throw new ForbiddenError('initiatives.edit');
	const made = { initiativeId: 0, code: '' };
	await editAudited(db, 'caf_action', actionId, version, {
		change: actionChange(actor, 'initiative'),
		entity: 'caf_action',
		view: (a) => ({ initiativeId: a.initiative_id }),
		current: (a) => a,
		check: async (trx, action) => {
			const round = await assertOpenFor(trx, actor, action.round_id, 'plan');
			if (action.initiative_id !== null) {
				throw new ValidationError({ action: 'caf_error_already_initiative' });
			}
			made.code = `CAF-${round.id}-${action.id}`;
			made.initiativeId = await initiatives.insert(trx, actor, {
				code: made.code,
				name: action.title,
				description: [`${round.name}, ${action.subcriterion_code}`, action.description]
					.filter(Boolean)
					.join('\n'),
				ownerUserId: action.owner_user_id,
				expectedCzk: 0n,
				expectedHours: '0',
				valuationOrgUnitId: null,
				activityId: null
			});
		},
		values: () => ({ initiative_id: made.initiativeId }),
		after: () => made
	});
	return made.initiativeId;
}

export const planningRounds = repo.planningRounds;

/** The CAF findings an initiative answers. */
export async function findingsFor(db: Executor, initiativeId: number): Promise<Finding[]> {
	return (await repo.findingsFor(db, initiativeId)).map((r) => ({
		actionId: r.action_id,
		roundId: r.round_id,
		roundName: r.round_name,
		subcriterionCode: r.subcriterion_code,
		title: r.title
	}));
}

// ---- results --------------------------------------------------------------------------------

export interface Results {
	/** mean consensus score per criterion (1–9) */
	criteria: { number: number; score: number | null }[];
	subcriteria: { code: string; score: number | null }[];
	/** the round compared with, and what moved */
	previous: { id: number; name: string } | null;
	movements: Movement[];
}

async function consensusMap(db: Executor, roundId: number) {
	const rows = await repo.consensus(db, roundId);
	return new Map(rows.map((r) => [r.subcriterion_code, r.score]));
}

/**
 * The round's consensus scores by criterion (mean of its subcriteria) and subcriterion, compared
 * with `previousId` or else the latest earlier closed round.
 */
export async function results(
	db: Executor,
	actor: SessionUser,
	round: Round,
	previousId: number | null
): Promise<Results> {
	const now = await consensusMap(db, round.id);
	const all = await list(db, actor);
	const chosen = previousId !== null ? all.find((r) => r.id === previousId) : undefined;
	const previous =
		chosen && chosen.id !== round.id
			? chosen
			: (all.find(
					(r) => r.id !== round.id && r.status === 'closed' && r.startDate < round.startDate
				) ?? null);
	const before = previous ? await consensusMap(db, previous.id) : new Map<string, number>();
	return {
		criteria: CAF_MODEL.map((c) => ({
			number: c.number,
			score: mean(c.subcriteria.map((s) => now.get(s.code) ?? null))
		})),
		subcriteria: CAF_CODES.map((code) => ({ code, score: now.get(code) ?? null })),
		previous: previous ? { id: previous.id, name: previous.name } : null,
		movements: previous ? compare(CAF_CODES, before, now) : []
	};
}

export const users = repo.activeUsers;
export const linkOptions = repo.linkOptions;

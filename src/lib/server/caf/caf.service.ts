import { sql, type Insertable } from 'kysely';
import { CAF_CODES, CAF_MODEL, kindOf } from '$lib/caf/model';
import { compare, fineTuned, mean, priorityOf, spread, type Movement } from '$lib/caf/scoring';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import * as initiatives from '../initiatives/initiatives.service';
import * as kpis from '../kpis/kpis.service';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { assertActiveUser } from '../shared/references';
import { expectVersion, lockForUpdate, updateVersioned } from '../shared/versioned';
import * as repo from './caf.repository';
import {
	ROUND_STATUSES,
	type Action,
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

/** Viewers read closed rounds only; everyone else with `read` reads every round. */
function mayRead(actor: SessionUser, status: CafRoundStatus): boolean {
	return status === 'closed' || can(actor.role, 'caf.take_part') || can(actor.role, 'caf.manage');
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
	const rows = await repo.roundRows(db).execute();
	return rows.filter((r) => mayRead(actor, r.status)).map(summary);
}

function rightsOf(actor: SessionUser, row: RoundRow, memberIds: number[]): RoundRights {
	const takesPart = can(actor.role, 'caf.take_part');
	const isMember = takesPart && memberIds.includes(actor.id);
	const isLeader = takesPart && row.leader_user_id === actor.id;
	const canManage = can(actor.role, 'caf.manage');
	const open = row.status !== 'closed';
	return {
		isMember,
		isLeader,
		canManage,
		canScore: isMember && row.status === 'scoring',
		canConsent: isLeader && row.status === 'consensus',
		canPlan:
			(isLeader || canManage) && (row.status === 'consensus' || row.status === 'action_plan'),
		canLink: open && (isMember || isLeader || canManage),
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
	if (!mayRead(actor, row.status)) throw new ForbiddenError('caf_round');
	const panel = await repo.panel(db, id);
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
		rights: rightsOf(
			actor,
			row,
			panel.map((p) => p.id)
		)
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

function actionOf(r: Awaited<ReturnType<typeof repo.actions>>[number]): Action {
	return {
		id: r.id,
		roundId: r.round_id,
		subcriterionCode: r.subcriterion_code,
		title: r.title,
		description: r.description,
		ownerUserId: r.owner_user_id,
		ownerName: r.owner_name,
		impact: r.impact,
		effort: r.effort,
		priority: priorityOf(r.impact, r.effort).value,
		dueDate: r.due_date,
		initiativeId: r.initiative_id,
		initiativeCode: r.initiative_code,
		version: r.version
	};
}

export async function actions(db: Executor, roundId: number): Promise<Action[]> {
	return (await repo.actions(db, roundId)).map(actionOf);
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
		actions(db, roundId)
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
			? scores.map((s) => ({ ...scoreView(s), userId: s.user_id, userName: s.user_name }))
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

async function lockRound(trx: Executor, id: number, version: number | null) {
	const row = await lockForUpdate(trx, 'caf_round', id, 'caf_round');
	if (version !== null) expectVersion(row, version);
	return row;
}

async function checkRoundInput(trx: Executor, input: RoundInput, id: number | null) {
	await assertActiveUser(trx, input.leaderId, 'leaderId');
	for (const m of input.memberIds) await assertActiveUser(trx, m, 'memberIds');
	const clash = await trx
		.selectFrom('caf_round')
		.select('id')
		.where('name', '=', input.name)
		.executeTakeFirst();
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

async function setPanel(trx: Executor, roundId: number, input: RoundInput) {
	// The leader always sits on the panel.
	const members = [...new Set([input.leaderId, ...input.memberIds])];
	await trx.deleteFrom('caf_panel_member').where('round_id', '=', roundId).execute();
	await trx
		.insertInto('caf_panel_member')
		.values(members.map((user_id) => ({ round_id: roundId, user_id })))
		.execute();
	return members;
}

export async function create(db: Db, actor: SessionUser, input: RoundInput): Promise<number> {
	if (!can(actor.role, 'caf.manage')) throw new ForbiddenError('caf.manage');
	return db.transaction().execute(async (trx) => {
		await checkRoundInput(trx, input, null);
		const row = await trx
			.insertInto('caf_round')
			.values(roundColumns(input))
			.returningAll()
			.executeTakeFirstOrThrow();
		const members = await setPanel(trx, row.id, input);
		await audit.record(trx, {
			userId: actor.id,
			action: 'caf_round.create',
			entity: 'caf_round',
			entityId: row.id,
			after: { ...input, memberIds: members }
		});
		return row.id;
	});
}

export async function update(
	db: Db,
	actor: SessionUser,
	id: number,
	version: number,
	input: RoundInput
): Promise<void> {
	if (!can(actor.role, 'caf.manage')) throw new ForbiddenError('caf.manage');
	await db.transaction().execute(async (trx) => {
		const before = await lockRound(trx, id, version);
		if (before.status === 'closed') throw new ValidationError({ status: 'caf_error_closed' });
		await checkRoundInput(trx, input, id);
		const beforePanel = await repo.panel(trx, id);
		await updateVersioned(trx, 'caf_round', id, {
			...roundColumns(input),
			updated_at: sql`now()`
		});
		const members = await setPanel(trx, id, input);
		await audit.record(trx, {
			userId: actor.id,
			action: 'caf_round.update',
			entity: 'caf_round',
			entityId: id,
			before: { ...before, memberIds: beforePanel.map((p) => p.id) },
			after: { ...input, memberIds: members }
		});
	});
}

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
	await db.transaction().execute(async (trx) => {
		const before = await lockRound(trx, id, version);
		const isLeader = before.leader_user_id === actor.id && can(actor.role, 'caf.take_part');
		if (!isLeader && !can(actor.role, 'caf.manage')) throw new ForbiddenError('caf_leader');
		const from = ROUND_STATUSES.indexOf(before.status);
		const target = ROUND_STATUSES.indexOf(to);
		if (before.status === 'closed' || target < 0 || Math.abs(target - from) !== 1) {
			throw new ValidationError({ status: 'caf_error_transition' });
		}
		if (to === 'closed') {
			const agreed = await repo.consensus(trx, id);
			if (CAF_CODES.some((c) => !agreed.some((a) => a.subcriterion_code === c))) {
				throw new ValidationError({ status: 'caf_error_consensus_missing' });
			}
		}
		await updateVersioned(trx, 'caf_round', id, {
			status: to,
			closed_at: to === 'closed' ? sql<Date>`now()` : null,
			updated_at: sql`now()`
		});
		await audit.record(trx, {
			userId: actor.id,
			action: 'caf_round.status',
			entity: 'caf_round',
			entityId: id,
			before: { status: before.status },
			after: { status: to }
		});
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

/** Refuses a save from a form that showed another version of the score (null: none yet). */
function expectScoreVersion(
	existing: Parameters<typeof scoreView>[0] | undefined,
	version: number | null
) {
	if ((existing?.version ?? null) !== version) {
		throw new ConflictError(existing ? scoreView(existing) : null);
	}
}

/**
 * Saves a member's own score (`caf_score`, while the round is in individual scoring; panel
 * members only) or the panel's consensus (`caf_consensus`, while in consensus; the leader only).
 * `version` is the version of the score the form showed (null: none yet).
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
		const round = await lockRound(trx, roundId, null);
		const member = await trx
			.selectFrom('caf_panel_member')
			.select('user_id')
			.where('round_id', '=', roundId)
			.where('user_id', '=', actor.id)
			.executeTakeFirst();
		const allowed = own ? !!member : round.leader_user_id === actor.id;
		if (!allowed || !can(actor.role, 'caf.take_part')) {
			throw new ForbiddenError(own ? 'caf_panel' : 'caf_leader');
		}
		if (round.status !== (own ? 'scoring' : 'consensus')) {
			throw new ValidationError({
				score: own ? 'caf_error_not_scoring' : 'caf_error_not_consensus'
			});
		}
		const value = checkScore(round.scoring_mode, code, input);
		let query = trx
			.selectFrom(table)
			.selectAll()
			.where('round_id', '=', roundId)
			.where('subcriterion_code', '=', code);
		if (own) query = query.where(sql.ref('user_id'), '=', actor.id);
		const existing = await query.forUpdate().executeTakeFirst();
		expectScoreVersion(existing, version);
		const columns = scoreColumns(value, input, actor);
		if (existing) await updateVersioned(trx, table, existing.id, columns);
		else {
			await trx
				.insertInto(table)
				.values({
					round_id: roundId,
					subcriterion_code: code,
					...(own ? { user_id: actor.id } : {}),
					...columns
				} as Insertable<Database['caf_score']>)
				.execute();
		}
		await audit.record(trx, {
			userId: actor.id,
			action: own ? 'caf_score.save' : 'caf_consensus.save',
			entity: 'caf_round',
			entityId: roundId,
			before: existing ? { code, ...scoreView(existing) } : null,
			after: { code, ...input, score: value }
		});
	});
}

/** A panel member's own score of one subcriterion, while the round is in individual scoring. */
export function score(
	db: Db,
	actor: SessionUser,
	roundId: number,
	code: string,
	version: number | null,
	input: ScoreInput
): Promise<void> {
	return saveScore(db, actor, 'caf_score', roundId, code, version, input);
}

/** The leader records the panel's consensus score and texts while the round is in consensus. */
export function recordConsensus(
	db: Db,
	actor: SessionUser,
	roundId: number,
	code: string,
	version: number | null,
	input: ScoreInput
): Promise<void> {
	return saveScore(db, actor, 'caf_consensus', roundId, code, version, input);
}

async function assertOpenFor(
	trx: Executor,
	actor: SessionUser,
	roundId: number,
	need: 'link' | 'plan'
) {
	await lockRound(trx, roundId, null);
	const row = await roundRow(trx, roundId);
	const members = (await repo.panel(trx, roundId)).map((p) => p.id);
	const rights = rightsOf(actor, row, members);
	if (!rights.isMember && !rights.isLeader && !rights.canManage) {
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
		const target = await trx
			.selectFrom(kind)
			.select('id')
			.where('id', '=', targetId)
			.executeTakeFirst();
		if (!target) throw new ValidationError({ targetId: 'error_choice' });
		const column = `${kind}_id` as const;
		const exists = await trx
			.selectFrom('caf_evidence_link')
			.select('id')
			.where('round_id', '=', roundId)
			.where('subcriterion_code', '=', code)
			.where(column, '=', targetId)
			.executeTakeFirst();
		if (exists) return;
		await trx
			.insertInto('caf_evidence_link')
			.values({ round_id: roundId, subcriterion_code: code, [column]: targetId })
			.execute();
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
		const removed = await trx
			.deleteFrom('caf_evidence_link')
			.where('id', '=', linkId)
			.where('round_id', '=', roundId)
			.returningAll()
			.executeTakeFirst();
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

/** An improvement action from an area for improvement (consensus or action plan; leader or manager). */
export async function createAction(
	db: Db,
	actor: SessionUser,
	roundId: number,
	input: ActionInput
): Promise<number> {
	assertCode(input.subcriterionCode);
	return db.transaction().execute(async (trx) => {
		await assertOpenFor(trx, actor, roundId, 'plan');
		await assertActiveUser(trx, input.ownerUserId, 'ownerUserId');
		const row = await trx
			.insertInto('caf_action')
			.values({
				round_id: roundId,
				subcriterion_code: input.subcriterionCode,
				title: input.title,
				description: input.description,
				owner_user_id: input.ownerUserId,
				impact: input.impact,
				effort: input.effort,
				due_date: input.dueDate
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit.record(trx, {
			userId: actor.id,
			action: 'caf_action.create',
			entity: 'caf_action',
			entityId: row.id,
			after: input
		});
		return row.id;
	});
}

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
	return db.transaction().execute(async (trx) => {
		const action = await lockForUpdate(trx, 'caf_action', actionId, 'caf_action');
		const round = await assertOpenFor(trx, actor, action.round_id, 'plan');
		expectVersion(action, version);
		if (action.initiative_id !== null) {
			throw new ValidationError({ action: 'caf_error_already_initiative' });
		}
		const code = `CAF-${round.id}-${action.id}`;
		const initiativeId = await initiatives.insert(trx, actor, {
			code,
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
		await updateVersioned(trx, 'caf_action', actionId, {
			initiative_id: initiativeId,
			updated_at: sql`now()`
		});
		await audit.record(trx, {
			userId: actor.id,
			action: 'caf_action.initiative',
			entity: 'caf_action',
			entityId: actionId,
			after: { initiativeId, code }
		});
		return initiativeId;
	});
}

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

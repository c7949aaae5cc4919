import { sql } from 'kysely';
import type { Executor } from '../audit/audit';

export function roundRows(db: Executor) {
	return db
		.selectFrom('caf_round as r')
		.leftJoin('app_user as u', 'u.id', 'r.leader_user_id')
		.selectAll('r')
		.select([
			'u.display_name as leader_name',
			(eb) =>
				eb
					.selectFrom('caf_consensus as c')
					.select(sql<number>`count(*)::int`.as('n'))
					.whereRef('c.round_id', '=', 'r.id')
					.as('consensus_count')
		])
		.orderBy('r.start_date', 'desc')
		.orderBy('r.id', 'desc');
}

export function panel(db: Executor, roundId: number) {
	return db
		.selectFrom('caf_panel_member as p')
		.innerJoin('app_user as u', 'u.id', 'p.user_id')
		.select(['u.id', 'u.display_name as name', 'p.guest'])
		.where('p.round_id', '=', roundId)
		.orderBy('u.display_name')
		.execute();
}

export function scores(db: Executor, roundId: number, code?: string) {
	let q = db
		.selectFrom('caf_score as s')
		.innerJoin('app_user as u', 'u.id', 's.user_id')
		.selectAll('s')
		.select('u.display_name as user_name')
		.where('s.round_id', '=', roundId);
	if (code) q = q.where('s.subcriterion_code', '=', code);
	return q.orderBy('u.display_name').execute();
}

export function consensus(db: Executor, roundId: number) {
	return db.selectFrom('caf_consensus').selectAll().where('round_id', '=', roundId).execute();
}

export function links(db: Executor, roundId: number, code: string) {
	return db
		.selectFrom('caf_evidence_link as l')
		.leftJoin('process as p', 'p.id', 'l.process_id')
		.leftJoin('goal as g', 'g.id', 'l.goal_id')
		.leftJoin('kpi as k', 'k.id', 'l.kpi_id')
		.leftJoin('initiative as i', 'i.id', 'l.initiative_id')
		.select([
			'l.id',
			'l.process_id',
			'l.goal_id',
			'l.kpi_id',
			'l.initiative_id',
			sql<string>`coalesce(p.code, g.code, k.code, i.code)`.as('code'),
			sql<string>`coalesce(p.name, g.name, k.name, i.name)`.as('name')
		])
		.where('l.round_id', '=', roundId)
		.where('l.subcriterion_code', '=', code)
		.orderBy('l.id')
		.execute();
}

export function actions(db: Executor, roundId: number) {
	return db
		.selectFrom('caf_action as a')
		.leftJoin('app_user as u', 'u.id', 'a.owner_user_id')
		.leftJoin('initiative as i', 'i.id', 'a.initiative_id')
		.selectAll('a')
		.select(['u.display_name as owner_name', 'i.code as initiative_code'])
		.where('a.round_id', '=', roundId)
		.orderBy('a.subcriterion_code')
		.orderBy('a.id')
		.execute();
}

export function findingsFor(db: Executor, initiativeId: number) {
	return db
		.selectFrom('caf_action as a')
		.innerJoin('caf_round as r', 'r.id', 'a.round_id')
		.select([
			'a.id as action_id',
			'r.id as round_id',
			'r.name as round_name',
			'a.subcriterion_code',
			'a.title'
		])
		.where('a.initiative_id', '=', initiativeId)
		.execute();
}

/** Users who can sit on a panel or own an action: the active ones. */
export function activeUsers(db: Executor) {
	return db
		.selectFrom('app_user')
		.select(['id', 'display_name as name'])
		.where('active', '=', true)
		.orderBy('display_name')
		.execute();
}

/** What a subcriterion can link to as evidence. */
export async function linkOptions(db: Executor) {
	const [process, goal, kpi, initiative] = await Promise.all(
		(['process', 'goal', 'kpi', 'initiative'] as const).map((t) =>
			db.selectFrom(t).select(['id', 'code', 'name']).orderBy('code').execute()
		)
	);
	return { process, goal, kpi, initiative };
}

/** The id of another round with this name, if any. */
export async function roundNamed(db: Executor, name: string) {
	return db.selectFrom('caf_round').select('id').where('name', '=', name).executeTakeFirst();
}

/** Replaces the round's panel: members, and the guest assessors flagged as guests. */
export async function replacePanel(
	trx: Executor,
	roundId: number,
	members: { userId: number; guest: boolean }[]
) {
	await trx.deleteFrom('caf_panel_member').where('round_id', '=', roundId).execute();
	if (!members.length) return;
	await trx
		.insertInto('caf_panel_member')
		.values(members.map((m) => ({ round_id: roundId, user_id: m.userId, guest: m.guest })))
		.execute();
}

/** A guest seat on a round's panel (a guest assessor scores; caf.service reads the seat). */
export async function seatGuest(trx: Executor, roundId: number, userId: number) {
	await trx
		.insertInto('caf_panel_member')
		.values({ round_id: roundId, user_id: userId, guest: true })
		.onConflict((oc) => oc.columns(['round_id', 'user_id']).doNothing())
		.execute();
}

/** The actor's seat on the round's panel, if any. */
export function membership(db: Executor, roundId: number, userId: number) {
	return db
		.selectFrom('caf_panel_member')
		.select(['user_id', 'guest'])
		.where('round_id', '=', roundId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

/** The rounds a user is invited to as a guest assessor. */
export async function guestRoundIds(db: Executor, userId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('caf_panel_member')
		.select('round_id')
		.where('user_id', '=', userId)
		.where('guest', '=', true)
		.execute();
	return rows.map((r) => r.round_id);
}

/** Whether a process, goal, KPI or initiative with this id exists. */
export async function targetExists(db: Executor, kind: LinkKindTable, id: number) {
	return !!(await db.selectFrom(kind).select('id').where('id', '=', id).executeTakeFirst());
}
type LinkKindTable = 'process' | 'goal' | 'kpi' | 'initiative';

/** Links the target unless it is linked already; true when a link was added. */
export async function insertLink(
	trx: Executor,
	roundId: number,
	code: string,
	kind: LinkKindTable,
	targetId: number
): Promise<boolean> {
	const column = `${kind}_id` as const;
	const exists = await trx
		.selectFrom('caf_evidence_link')
		.select('id')
		.where('round_id', '=', roundId)
		.where('subcriterion_code', '=', code)
		.where(column, '=', targetId)
		.executeTakeFirst();
	if (exists) return false;
	await trx
		.insertInto('caf_evidence_link')
		.values({ round_id: roundId, subcriterion_code: code, [column]: targetId })
		.execute();
	return true;
}

export function deleteLink(trx: Executor, roundId: number, linkId: number) {
	return trx
		.deleteFrom('caf_evidence_link')
		.where('id', '=', linkId)
		.where('round_id', '=', roundId)
		.returningAll()
		.executeTakeFirst();
}

/** The rounds whose action plan is open (consensus or action plan), newest first. */
export function planningRounds(db: Executor) {
	return db
		.selectFrom('caf_round')
		.select(['id', 'name'])
		.where('status', 'in', ['consensus', 'action_plan'])
		.orderBy('start_date', 'desc')
		.execute();
}

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
		.select(['u.id', 'u.display_name as name'])
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

import { sql } from 'kysely';
import type { Executor } from '../audit/audit';

export function milestoneRows(db: Executor) {
	return db
		.selectFrom('milestone')
		.innerJoin('programme_activity as a', 'a.id', 'milestone.activity_id')
		.leftJoin('app_user as u', 'u.id', 'milestone.owner_user_id')
		.select([
			'milestone.id',
			'milestone.activity_id',
			'a.code as activity_code',
			'a.name as activity_name',
			'a.programme_id',
			'milestone.name',
			'milestone.owner_user_id',
			'u.display_name as owner_name',
			'milestone.deliverable',
			'milestone.baseline_due',
			'milestone.current_due',
			'milestone.done_date',
			'milestone.notes',
			'milestone.slip_reason',
			'a.start_date as activity_start',
			'a.end_date as activity_end',
			'milestone.version',
			'milestone.updated_at'
		])
		.orderBy('milestone.current_due')
		.orderBy('milestone.id')
		.execute();
}

export type MilestoneRow = Awaited<ReturnType<typeof milestoneRows>>[number];

export function dependencyRows(db: Executor) {
	return db.selectFrom('milestone_dependency').select(['predecessor_id', 'successor_id']).execute();
}

export function firstProgramme(db: Executor) {
	return db
		.selectFrom('programme')
		.leftJoin('app_user as u', 'u.id', 'programme.manager_user_id')
		.selectAll('programme')
		.select('u.display_name as manager_name')
		.orderBy('programme.id')
		.limit(1)
		.executeTakeFirst();
}

export function activityRows(db: Executor, programmeId: number) {
	return db
		.selectFrom('programme_activity')
		.leftJoin('app_user as u', 'u.id', 'programme_activity.owner_user_id')
		.selectAll('programme_activity')
		.select('u.display_name as owner_name')
		.where('programme_id', '=', programmeId)
		.orderBy('programme_activity.code')
		.execute();
}

export function riskRows(db: Executor, programmeId: number) {
	return db
		.selectFrom('programme_risk')
		.leftJoin('app_user as u', 'u.id', 'programme_risk.owner_user_id')
		.selectAll('programme_risk')
		.select('u.display_name as owner_name')
		.where('programme_id', '=', programmeId)
		.orderBy('programme_risk.id')
		.execute();
}

/** An activity's dates (a milestone's due date must not fall before its start). */
export function findActivity(db: Executor, id: number) {
	return db
		.selectFrom('programme_activity')
		.select(['id', 'code', 'name', 'start_date', 'end_date'])
		.where('id', '=', id)
		.executeTakeFirst();
}

/** A predecessor of the milestone due after `due`, if any (finish-to-start). */
export function predecessorDueAfter(db: Executor, milestoneId: number, due: string) {
	return db
		.selectFrom('milestone_dependency as d')
		.innerJoin('milestone as p', 'p.id', 'd.predecessor_id')
		.select(['p.name', 'p.current_due'])
		.where('d.successor_id', '=', milestoneId)
		.where('p.current_due', '>', due)
		.executeTakeFirst();
}

/** One dependency change at a time, so two concurrent additions cannot close a cycle together. */
export async function lockDependencies(trx: Executor): Promise<void> {
	await sql`lock table milestone_dependency in share row exclusive mode`.execute(trx);
}

/** Which of the milestones exist. */
export function existingMilestones(db: Executor, ids: number[]) {
	return db.selectFrom('milestone').select('id').where('id', 'in', ids).execute();
}

export function insertDependency(trx: Executor, predecessorId: number, successorId: number) {
	return trx
		.insertInto('milestone_dependency')
		.values({ predecessor_id: predecessorId, successor_id: successorId })
		.execute();
}

/** Removes the dependency; false when there was none. */
export async function deleteDependency(
	trx: Executor,
	predecessorId: number,
	successorId: number
): Promise<boolean> {
	const removed = await trx
		.deleteFrom('milestone_dependency')
		.where('successor_id', '=', successorId)
		.where('predecessor_id', '=', predecessorId)
		.executeTakeFirst();
	return Number(removed.numDeletedRows) > 0;
}

/** Replaces the user's calendar feed token (the old one stops working). */
export async function replaceCalendarToken(trx: Executor, userId: number, tokenHash: string) {
	await trx.deleteFrom('calendar_token').where('user_id', '=', userId).execute();
	await trx
		.insertInto('calendar_token')
		.values({ user_id: userId, token_hash: tokenHash })
		.execute();
}

export function calendarToken(db: Executor, userId: number) {
	return db
		.selectFrom('calendar_token')
		.select('created_at')
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

/** The user a feed token belongs to. */
export function calendarTokenUser(db: Executor, tokenHash: string) {
	return db
		.selectFrom('calendar_token as t')
		.innerJoin('app_user as u', 'u.id', 't.user_id')
		.select(['u.id', 'u.role', 'u.active'])
		.where('t.token_hash', '=', tokenHash)
		.executeTakeFirst();
}

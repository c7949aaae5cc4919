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

export function activeUsers(db: Executor) {
	return db
		.selectFrom('app_user')
		.select(['id', 'display_name', 'role'])
		.where('active', '=', true)
		.orderBy('display_name')
		.execute();
}

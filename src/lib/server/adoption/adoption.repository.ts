import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import { userUnit } from '../notifications/notifications.repository';

/** Counts one page view of a signed-in user (one row per month, route pattern and user). */
export async function countView(
	db: Executor,
	month: string,
	routeId: string,
	userId: number,
	now: Date
): Promise<void> {
	await db
		.insertInto('page_view_month')
		.values({ month, route_id: routeId, user_id: userId, views: 1, last_seen_at: now })
		.onConflict((oc) =>
			oc.columns(['month', 'route_id', 'user_id']).doUpdateSet({
				views: sql`page_view_month.views + 1`,
				last_seen_at: now
			})
		)
		.execute();
}

/** Active users with their org unit, ambassador flag, whether they own and whether they acted. */
export function members(db: Executor) {
	return db
		.selectFrom('app_user as u')
		.leftJoin('adoption_member as am', 'am.user_id', 'u.id')
		.select([
			'u.id',
			'u.display_name',
			'u.role',
			userUnit.as('unit_id'),
			sql<boolean>`coalesce(am.ambassador, false)`.as('ambassador'),
			sql<boolean>`exists (select 1 from process p where p.owner_user_id = u.id)
				or exists (select 1 from kpi k where k.responsible_user_id = u.id and k.source = 'manual')
				or exists (select 1 from milestone ms where ms.owner_user_id = u.id)
				or exists (select 1 from initiative i where i.owner_user_id = u.id)`.as('owner'),
			sql<boolean>`exists (select 1 from audit_event e where e.user_id = u.id)
				or exists (select 1 from kpi_actual a where a.recorded_by = u.id)`.as('acted')
		])
		.where('u.active', '=', true)
		.orderBy('u.display_name')
		.execute();
}

export function member(db: Executor, userId: number) {
	return db
		.selectFrom('app_user as u')
		.leftJoin('adoption_member as am', 'am.user_id', 'u.id')
		.select(['u.id', 'u.display_name', 'u.active', userUnit.as('unit_id'), 'am.ambassador'])
		.where('u.id', '=', userId)
		.executeTakeFirst();
}

export function units(db: Executor) {
	return db
		.selectFrom('org_unit as o')
		.leftJoin('adoption_pilot as p', 'p.org_unit_id', 'o.id')
		.select(['o.id', 'o.code', 'o.name', sql<boolean>`p.org_unit_id is not null`.as('pilot')])
		.orderBy('o.code')
		.execute();
}

export function views(db: Executor, fromMonth: string) {
	return db
		.selectFrom('page_view_month')
		.select(['month', 'user_id', 'route_id', 'views'])
		.where('month', '>=', fromMonth)
		.execute();
}

/** Actuals recorded since `from` (a timestamp), with what the due date needs. */
export function actualsRecorded(db: Executor, from: Date) {
	return db
		.selectFrom('kpi_actual as a')
		.innerJoin('kpi as k', 'k.id', 'a.kpi_id')
		.select(['a.recorded_by', 'a.recorded_at', 'a.period', 'k.frequency'])
		.where('a.recorded_at', '>=', from)
		.execute();
}

/** Milestones done since `from` (`YYYY-MM-DD`). */
export function milestonesDone(db: Executor, from: string) {
	return db
		.selectFrom('milestone')
		.select(['owner_user_id', 'done_date', 'current_due'])
		.where('done_date', '>=', from)
		.execute();
}

export async function setPilot(db: Executor, orgUnitId: number, pilot: boolean): Promise<void> {
	if (pilot) {
		await db
			.insertInto('adoption_pilot')
			.values({ org_unit_id: orgUnitId })
			.onConflict((oc) => oc.column('org_unit_id').doNothing())
			.execute();
	} else {
		await db.deleteFrom('adoption_pilot').where('org_unit_id', '=', orgUnitId).execute();
	}
}

export async function setMember(
	db: Executor,
	userId: number,
	orgUnitId: number | null,
	ambassador: boolean
): Promise<void> {
	await db
		.insertInto('adoption_member')
		.values({ user_id: userId, org_unit_id: orgUnitId, ambassador })
		.onConflict((oc) =>
			oc.column('user_id').doUpdateSet({
				org_unit_id: orgUnitId,
				ambassador,
				version: sql`adoption_member.version + 1`
			})
		)
		.execute();
}

export async function dismissGuide(db: Executor, userId: number, now: Date): Promise<void> {
	await db
		.insertInto('adoption_member')
		.values({ user_id: userId, org_unit_id: null, guide_dismissed_at: now })
		.onConflict((oc) => oc.column('user_id').doUpdateSet({ guide_dismissed_at: now }))
		.execute();
}

export async function guideDismissed(db: Executor, userId: number): Promise<boolean> {
	const row = await db
		.selectFrom('adoption_member')
		.select('guide_dismissed_at')
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return !!row?.guide_dismissed_at;
}

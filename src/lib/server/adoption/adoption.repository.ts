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
	await countViews(db, [{ month, routeId, userId, views: 1, lastSeenAt: now }]);
}

export interface ViewCount {
	month: string;
	routeId: string;
	userId: number;
	views: number;
	lastSeenAt: Date;
}

/** Adds counted views in one statement (one row per month, route pattern and user). */
export async function countViews(db: Executor, counts: readonly ViewCount[]): Promise<void> {
	if (counts.length === 0) return;
	await db
		.insertInto('page_view_month')
		.values(
			counts.map((c) => ({
				month: c.month,
				route_id: c.routeId,
				user_id: c.userId,
				views: c.views,
				last_seen_at: c.lastSeenAt
			}))
		)
		.onConflict((oc) =>
			oc.columns(['month', 'route_id', 'user_id']).doUpdateSet({
				views: sql`page_view_month.views + excluded.views`,
				last_seen_at: sql`greatest(page_view_month.last_seen_at, excluded.last_seen_at)`
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

export async function setPilot(
	db: Executor,
	orgUnitId: number,
	pilot: boolean,
	firstAreas: readonly string[]
): Promise<void> {
	if (pilot) {
		const added = await db
			.insertInto('adoption_pilot')
			.values({ org_unit_id: orgUnitId })
			.onConflict((oc) => oc.column('org_unit_id').doNothing())
			.returning('org_unit_id')
			.executeTakeFirst();
		if (added) await setPilotAreas(db, orgUnitId, firstAreas);
	} else {
		// Its areas go with it (on delete cascade).
		await db.deleteFrom('adoption_pilot').where('org_unit_id', '=', orgUnitId).execute();
	}
}

/** Whether the unit is in the pilot, locking its row so two admins' scope edits take turns. */
export async function lockPilot(db: Executor, orgUnitId: number): Promise<boolean> {
	const row = await db
		.selectFrom('adoption_pilot')
		.select('org_unit_id')
		.where('org_unit_id', '=', orgUnitId)
		.forUpdate()
		.executeTakeFirst();
	return !!row;
}

/** The areas switched on for each pilot unit. */
export async function pilotAreas(db: Executor): Promise<Map<number, string[]>> {
	const rows = await db
		.selectFrom('adoption_pilot_area')
		.select(['org_unit_id', 'area'])
		.orderBy('org_unit_id')
		.orderBy('area')
		.execute();
	const byUnit = new Map<number, string[]>();
	for (const r of rows) byUnit.set(r.org_unit_id, [...(byUnit.get(r.org_unit_id) ?? []), r.area]);
	return byUnit;
}

export async function setPilotAreas(
	db: Executor,
	orgUnitId: number,
	areas: readonly string[]
): Promise<void> {
	await db.deleteFrom('adoption_pilot_area').where('org_unit_id', '=', orgUnitId).execute();
	if (areas.length === 0) return;
	await db
		.insertInto('adoption_pilot_area')
		.values(areas.map((area) => ({ org_unit_id: orgUnitId, area })))
		.execute();
}

/**
 * What every page's layout needs of adoption, in one round trip: whether the user dismissed the
 * first-visit guide, and whether their org unit is in the pilot with which areas switched on.
 */
export async function layoutState(db: Executor, userId: number) {
	const row = await db
		.selectFrom('app_user as u')
		.leftJoin('adoption_member as am', 'am.user_id', 'u.id')
		.select([
			'am.guide_dismissed_at',
			userUnit.as('unit_id'),
			sql<boolean>`exists (select 1 from adoption_pilot p where p.org_unit_id = ${userUnit})`.as(
				'pilot'
			),
			sql<string[] | null>`(select json_agg(pa.area) from adoption_pilot_area pa
				where pa.org_unit_id = ${userUnit})`.as('areas')
		])
		.where('u.id', '=', userId)
		.executeTakeFirst();
	return {
		guideDismissed: !!row?.guide_dismissed_at,
		pilotAreas: row?.pilot ? (row.areas ?? []) : null
	};
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

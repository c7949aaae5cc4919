import { AREAS, FIRST_AREAS, areasShown, isArea, type Area } from '../../adoption-areas';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { perDataVersion } from '../db/data-version';
import { dueDate } from '../kpis/period';
import * as notifications from '../notifications/notifications.service';
import { todayInPrague, type Clock } from '../shared/clock';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import type { ExportTable } from '../export/table-export';
import * as repo from './adoption.repository';
import {
	monthsUpTo,
	topPages,
	trend,
	unitFigures,
	unitsNotUsing,
	type MemberRow,
	type UpdateRow
} from './measures';

/** What a user sees of adoption: every unit (admin) or the unit they are ambassador of. */
export type Scope = { all: true } | { all: false; unitId: number };

/** Months the trend shows, and months without a visit after which a unit counts as not using. */
const TREND_MONTHS = 12;
const IDLE_MONTHS = 3;

/** Admins see all units; an ambassador sees their own unit; anyone else is refused. */
export async function scopeFor(db: Executor, user: SessionUser): Promise<Scope> {
	if (can(user.role, 'adoption.manage')) return { all: true };
	const me = await repo.member(db, user.id);
	if (me?.ambassador && me.unit_id !== null) return { all: false, unitId: me.unit_id };
	throw new ForbiddenError('not an ambassador');
}

/** Whether the user is an admin of adoption or an ambassador (for links to the page). */
export async function canSee(db: Executor, user: SessionUser): Promise<boolean> {
	return scopeFor(db, user).then(
		() => true,
		() => false
	);
}

export async function report(db: Executor, scope: Scope, month: string) {
	const months = monthsUpTo(month, TREND_MONTHS);
	const since = `${months[0]}-01`;
	const [memberRows, unitRows, viewRows, actuals, milestones] = await Promise.all([
		repo.members(db),
		repo.units(db),
		repo.views(db, months[0]),
		repo.actualsRecorded(db, new Date(`${since}T00:00:00Z`)),
		repo.milestonesDone(db, since)
	]);
	const members: MemberRow[] = memberRows.map((r) => ({
		userId: r.id,
		name: r.display_name,
		unitId: r.unit_id,
		ambassador: r.ambassador,
		owner: r.owner,
		acted: r.acted
	}));
	const views = viewRows.map((v) => ({
		month: v.month,
		userId: v.user_id,
		routeId: v.route_id,
		views: v.views
	}));
	const updates: UpdateRow[] = [
		...actuals.map((a) => ({
			userId: a.recorded_by,
			madeOn: todayInPrague(a.recorded_at),
			dueDate: dueDate(a.period, a.frequency)
		})),
		...milestones.map((ms) => ({
			userId: ms.owner_user_id,
			madeOn: ms.done_date!,
			dueDate: ms.current_due
		}))
	];
	const units = scope.all ? unitRows : unitRows.filter((u) => u.id === scope.unitId);
	const inScope = scope.all
		? null
		: new Set(members.filter((m) => m.unitId === scope.unitId).map((m) => m.userId));
	const figures = unitFigures(
		units.map((u) => u.id),
		members,
		views,
		updates,
		month
	);
	const idle = new Set(
		unitsNotUsing(
			units.map((u) => u.id),
			members,
			views,
			monthsUpTo(month, IDLE_MONTHS)
		)
	);
	return {
		month,
		units: units.map((u, i) => ({ ...u, ...figures[i], idle: idle.has(u.id) })),
		pages: topPages(views, month, inScope),
		trend: trend(months, views, updates, inScope),
		colleagues: members
			.filter((m) => (scope.all ? true : m.unitId === scope.unitId))
			.map((m) => ({ id: m.userId, name: m.name, unitId: m.unitId, ambassador: m.ambassador }))
	};
}

export type AdoptionReport = Awaited<ReturnType<typeof report>>;

/** The per-unit table, for the council (CSV/XLSX). */
export function exportUnits(
	r: AdoptionReport,
	headers: Record<
		'code' | 'name' | 'pilot' | 'members' | 'active' | 'onTime' | 'late' | 'never' | 'idle',
		string
	>,
	yes: string
): ExportTable {
	// Counts only: the council gets no staff names.
	return {
		name: `adopce-${r.month}`,
		title: r.month,
		columns: [
			{ header: headers.code },
			{ header: headers.name },
			{ header: headers.pilot },
			{ header: headers.members, kind: 'number' },
			{ header: headers.active, kind: 'number' },
			{ header: headers.onTime, kind: 'number' },
			{ header: headers.late, kind: 'number' },
			{ header: headers.never, kind: 'number' },
			{ header: headers.idle }
		],
		rows: r.units.map((u) => [
			u.code,
			u.name,
			u.pilot ? yes : '',
			u.members,
			u.activeUsers,
			u.onTime,
			u.late,
			u.neverUpdated.length,
			u.idle ? yes : ''
		])
	};
}

/** Marks an org unit as a pilot of Dílna, or not. */
export async function setPilot(
	db: Db,
	actor: SessionUser,
	orgUnitId: number,
	pilot: boolean
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const unit = await trx
			.selectFrom('org_unit')
			.select('id')
			.where('id', '=', orgUnitId)
			.executeTakeFirst();
		if (!unit) throw new NotFoundError('org_unit');
		await repo.setPilot(trx, orgUnitId, pilot, FIRST_AREAS);
		await audit.record(trx, {
			userId: actor.id,
			action: pilot ? 'adoption.pilot_add' : 'adoption.pilot_remove',
			entity: 'org_unit',
			entityId: orgUnitId
		});
	});
}

/** The pilot's units with the areas switched on for each, for the admin to widen. */
export async function pilots(db: Executor) {
	const [units, areas] = await Promise.all([repo.units(db), repo.pilotAreas(db)]);
	return units
		.filter((u) => u.pilot)
		.map((u) => ({ id: u.id, code: u.code, name: u.name, areas: areas.get(u.id) ?? [] }));
}

/** Switches areas on or off for a pilot unit's people; audited with what was on before. */
export async function setPilotAreas(
	db: Db,
	actor: SessionUser,
	orgUnitId: number,
	areas: readonly Area[]
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		if (!(await repo.lockPilot(trx, orgUnitId))) {
			throw new ValidationError({ orgUnitId: 'adoption_error_not_pilot' });
		}
		const before = (await repo.pilotAreas(trx)).get(orgUnitId) ?? [];
		const after = AREAS.filter((a) => areas.includes(a));
		await repo.setPilotAreas(trx, orgUnitId, after);
		await audit.record(trx, {
			userId: actor.id,
			action: 'adoption.pilot_areas_update',
			entity: 'org_unit',
			entityId: orgUnitId,
			before: { areas: before },
			after: { areas: after }
		});
	});
}

/** Places a user in an org unit and makes them ambassador of it, or not. */
export async function setMember(
	db: Db,
	actor: SessionUser,
	userId: number,
	orgUnitId: number | null,
	ambassador: boolean
): Promise<void> {
	if (ambassador && orgUnitId === null) {
		throw new ValidationError({ orgUnitId: 'adoption_error_ambassador_unit' });
	}
	await db.transaction().execute(async (trx) => {
		const before = await repo.member(trx, userId);
		if (!before) throw new NotFoundError('app_user');
		await repo.setMember(trx, userId, orgUnitId, ambassador);
		await audit.record(trx, {
			userId: actor.id,
			action: 'adoption.member',
			entity: 'app_user',
			entityId: userId,
			before: { orgUnitId: before.unit_id, ambassador: before.ambassador ?? false },
			after: { orgUnitId, ambassador }
		});
	});
}

/**
 * An ambassador reminds a colleague of their unit (an admin anyone) of what they owe. Refused for
 * anyone else; queued once a day per colleague.
 */
export async function remind(
	db: Db,
	actor: SessionUser,
	colleagueId: number,
	clock: Clock,
	origin: string
): Promise<{ queued: boolean; items: number }> {
	const scope = await scopeFor(db, actor);
	const colleague = await repo.member(db, colleagueId);
	if (!colleague?.active) throw new NotFoundError('app_user');
	if (!scope.all && colleague.unit_id !== scope.unitId) throw new ForbiddenError('other unit');
	const result = await notifications.enqueueNudge(
		db,
		clock,
		origin,
		{ id: actor.id, name: actor.displayName },
		colleagueId
	);
	await audit.record(db, {
		userId: actor.id,
		action: 'adoption.remind',
		entity: 'app_user',
		entityId: colleagueId,
		after: result
	});
	return result;
}

/**
 * What the layout of every page needs: the first-visit guide, and the areas the user sees. The
 * user's state is kept per data version (its tables are watched: migration `data_version_layout`),
 * so a page costs no query for it; `version` is the one the request read with its session.
 */
export async function layoutFor(
	db: Executor,
	user: SessionUser,
	version?: bigint | null
): Promise<{ guideDismissed: boolean; areas: readonly Area[] | null }> {
	const state = await perDataVersion(
		db,
		`layout|${user.id}`,
		() => repo.layoutState(db, user.id),
		version
	);
	const pilot = state.pilotAreas ? { areas: state.pilotAreas.filter(isArea) } : null;
	return {
		guideDismissed: state.guideDismissed,
		areas: areasShown(can(user.role, 'adoption.every_area'), pilot)
	};
}

export async function dismissGuide(db: Db, userId: number, clock: Clock): Promise<void> {
	await repo.dismissGuide(db, userId, clock());
}

/** Counts one page view of a signed-in user (the hook calls it; nothing to check on the way). */
export const countView = repo.countView;

/** Adds views counted in memory (view-counter.ts) in one statement. */
export function countViews(db: Executor, counts: repo.ViewCount[]): Promise<void> {
	return repo.countViews(db, counts);
}

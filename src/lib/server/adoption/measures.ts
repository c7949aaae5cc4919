/**
 * Adoption measures, pure: from members (user → org unit), page views per user and month, and
 * updates made (with their due dates), the figures per org unit and month that /admin/adoption
 * shows. An update is on time when made on or before its due date (Prague calendar days).
 * A unit "uses Dílna" in a month when one of its members opened a page in it.
 */

export interface MemberRow {
	userId: number;
	name: string;
	unitId: number | null;
	ambassador: boolean;
	/** Owns a process, answers for a KPI, owns a milestone or an initiative. */
	owner: boolean;
	/** Has ever changed anything (audit log) or recorded an actual. */
	acted: boolean;
}

export interface ViewRow {
	month: string;
	userId: number;
	routeId: string;
	views: number;
}

export interface UpdateRow {
	userId: number | null;
	/** the day it was made, `YYYY-MM-DD` in Prague */
	madeOn: string;
	dueDate: string;
}

export interface UnitFigures {
	unitId: number | null;
	members: number;
	activeUsers: number;
	onTime: number;
	late: number;
	neverUpdated: { userId: number; name: string }[];
	ambassadors: string[];
}

/** `2026-03` and the `n - 1` months before it, oldest first. */
export function monthsUpTo(month: string, n: number): string[] {
	const y = Number(month.slice(0, 4));
	const m = Number(month.slice(5, 7)) - 1;
	return Array.from({ length: n }, (_, i) => {
		const k = y * 12 + m - (n - 1 - i);
		return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
	});
}

/** `/(app)/goals/kpi/[id]` → `/goals/kpi/[id]`: the path pattern people recognise. */
export function routeLabel(routeId: string): string {
	return routeId.replace(/\/\([^)]+\)/g, '') || '/';
}

/** Figures per unit for one month; `unitIds` lists every unit (those without members too). */
export function unitFigures(
	unitIds: readonly (number | null)[],
	members: readonly MemberRow[],
	views: readonly ViewRow[],
	updates: readonly UpdateRow[],
	month: string
): UnitFigures[] {
	const unitOf = new Map(members.map((m) => [m.userId, m.unitId]));
	const active = new Set(views.filter((v) => v.month === month).map((v) => v.userId));
	const inMonth = updates.filter((u) => u.madeOn.slice(0, 7) === month);
	return unitIds.map((unitId) => {
		const mine = members.filter((m) => m.unitId === unitId);
		const updatesHere = inMonth.filter((u) => u.userId !== null && unitOf.get(u.userId) === unitId);
		const late = updatesHere.filter((u) => u.madeOn > u.dueDate).length;
		return {
			unitId,
			members: mine.length,
			activeUsers: mine.filter((m) => active.has(m.userId)).length,
			onTime: updatesHere.length - late,
			late,
			neverUpdated: mine
				.filter((m) => m.owner && !m.acted)
				.map((m) => ({ userId: m.userId, name: m.name })),
			ambassadors: mine.filter((m) => m.ambassador).map((m) => m.name)
		};
	});
}

/** The month's most used pages among `userIds`: path pattern, views, distinct users. */
export function topPages(
	views: readonly ViewRow[],
	month: string,
	userIds: ReadonlySet<number> | null,
	limit = 10
): { page: string; views: number; users: number }[] {
	const byPage = new Map<string, { views: number; users: Set<number> }>();
	for (const v of views) {
		if (v.month !== month || (userIds && !userIds.has(v.userId))) continue;
		const page = routeLabel(v.routeId);
		const entry = byPage.get(page) ?? { views: 0, users: new Set<number>() };
		entry.views += v.views;
		entry.users.add(v.userId);
		byPage.set(page, entry);
	}
	return [...byPage]
		.map(([page, e]) => ({ page, views: e.views, users: e.users.size }))
		.sort((a, b) => b.views - a.views || a.page.localeCompare(b.page))
		.slice(0, limit);
}

/** Per month: active users and updates on time and late, among `userIds` (all when null). */
export function trend(
	months: readonly string[],
	views: readonly ViewRow[],
	updates: readonly UpdateRow[],
	userIds: ReadonlySet<number> | null
): { month: string; activeUsers: number; onTime: number; late: number }[] {
	const keep = (id: number | null) => id !== null && (!userIds || userIds.has(id));
	return months.map((month) => {
		const active = new Set(
			views.filter((v) => v.month === month && keep(v.userId)).map((v) => v.userId)
		);
		const made = updates.filter((u) => u.madeOn.slice(0, 7) === month && keep(u.userId));
		const late = made.filter((u) => u.madeOn > u.dueDate).length;
		return { month, activeUsers: active.size, onTime: made.length - late, late };
	});
}

/** Units with members none of whom opened Dílna in `months`, and units with no members at all. */
export function unitsNotUsing(
	unitIds: readonly number[],
	members: readonly MemberRow[],
	views: readonly ViewRow[],
	months: readonly string[]
): number[] {
	const recent = new Set(views.filter((v) => months.includes(v.month)).map((v) => v.userId));
	return unitIds.filter((id) => !members.some((m) => m.unitId === id && recent.has(m.userId)));
}

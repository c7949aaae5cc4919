/**
 * The one rule of who is reminded of what, and when. Pure: dates are Prague calendar days
 * (`YYYY-MM-DD`, from `todayInPrague`), so no time zone or clock enters here.
 *
 * - An open item (a KPI actual owed, a milestone not done, an initiative's savings to record)
 *   has an owner and a due date.
 * - `before`: the owner is reminded `daysBefore` days before the due date, moved back to the
 *   previous working day; sent on any working day from then until the day before it is due.
 * - `after`: the owner is reminded `daysAfter` days after the due date, moved on to the next
 *   working day; `escalation`: the owner's manager is told `escalateAfter` days after it.
 * - A notice goes out on working days only, and only within `STALE_DAYS` of its date, so a long
 *   outage or the first start on an old database does not flood anyone (the weekly digest still
 *   lists everything open).
 * - Each notice has a dedupe key naming recipient, item, stage and the stage's date: the job
 *   table refuses a second job with the same key, so nothing is sent twice.
 * - The weekly digest goes out on the first working day of the ISO week.
 */

import type { ReminderSettingsValue as ReminderSettings } from '../settings/settings';

export type { ReminderSettings };

/** A notice older than this many days is not sent any more. */
export const STALE_DAYS = 14;

export type DueKind =
	'kpi_actual' | 'milestone' | 'initiative_savings' | 'document_review' | 'caf_score';

/** The languages a mail is written in. */
export type MailLocale = 'cs' | 'en';

export interface DueItem {
	kind: DueKind;
	/** Stable id of the item, e.g. `kpi:12:2026-03`. */
	key: string;
	ownerId: number;
	/** The item's name in the recipient's language. */
	title: (locale: MailLocale) => string;
	dueDate: string;
	/** False when nobody is escalated to (an external CAF assessor has no manager here). */
	escalate?: boolean;
	/** The path of the exact form, e.g. `/goals/kpi/12?period=2026-03#record`. */
	path: string;
}

export type Stage = 'before' | 'after' | 'escalation';

export interface Notice {
	stage: Stage;
	recipientId: number;
	item: DueItem;
	stageDate: string;
	dedupeKey: string;
}

const DAY_MS = 86_400_000;

function toTime(date: string): number {
	return Date.UTC(
		Number(date.slice(0, 4)),
		Number(date.slice(5, 7)) - 1,
		Number(date.slice(8, 10))
	);
}

function fromTime(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	return fromTime(toTime(date) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
	return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** Easter Sunday (Gregorian, anonymous algorithm). */
function easter(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Czech public holidays with a fixed date (zákon č. 245/2000 Sb.).
const FIXED_HOLIDAYS = [
	'01-01',
	'05-01',
	'05-08',
	'07-05',
	'07-06',
	'09-28',
	'10-28',
	'11-17',
	'12-24',
	'12-25',
	'12-26'
];

/** A Czech public holiday: the fixed ones, Good Friday and Easter Monday. */
export function isHoliday(date: string): boolean {
	if (FIXED_HOLIDAYS.includes(date.slice(5))) return true;
	const sunday = easter(Number(date.slice(0, 4)));
	return date === addDays(sunday, -2) || date === addDays(sunday, 1);
}

export function isWorkingDay(date: string): boolean {
	const weekday = new Date(toTime(date)).getUTCDay();
	return weekday !== 0 && weekday !== 6 && !isHoliday(date);
}

export function previousWorkingDay(date: string): string {
	let d = date;
	while (!isWorkingDay(d)) d = addDays(d, -1);
	return d;
}

export function nextWorkingDay(date: string): string {
	let d = date;
	while (!isWorkingDay(d)) d = addDays(d, 1);
	return d;
}

/** The dates each stage of an item due on `dueDate` becomes due, on working days. */
export function stageDates(dueDate: string, settings: ReminderSettings): Record<Stage, string> {
	return {
		before: previousWorkingDay(addDays(dueDate, -settings.daysBefore)),
		after: nextWorkingDay(addDays(dueDate, settings.daysAfter)),
		escalation: nextWorkingDay(addDays(dueDate, settings.escalateAfter))
	};
}

/** ISO week of a date, `2026-W49` (the week belongs to the year of its Thursday). */
export function isoWeek(date: string): string {
	const weekday = (new Date(toTime(date)).getUTCDay() + 6) % 7; // Monday 0
	const thursday = addDays(date, 3 - weekday);
	const year = Number(thursday.slice(0, 4));
	const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
	return `${year}-W${String(week).padStart(2, '0')}`;
}

/** True on the first working day of the ISO week (Monday, or Tuesday after Easter Monday…). */
export function isDigestDay(date: string): boolean {
	if (!isWorkingDay(date)) return false;
	const weekday = (new Date(toTime(date)).getUTCDay() + 6) % 7;
	for (let back = 1; back <= weekday; back++) {
		if (isWorkingDay(addDays(date, -back))) return false;
	}
	return true;
}

function notice(stage: Stage, recipientId: number, item: DueItem, stageDate: string): Notice {
	return {
		stage,
		recipientId,
		item,
		stageDate,
		dedupeKey: `${stage}:${recipientId}:${item.key}:${stageDate}`
	};
}

/**
 * The notices due on `today` for open items. `managersOf(ownerId)` names who hears of an
 * escalation (see `managersOf` below); an item with no manager is not escalated.
 */
export function noticesFor(
	items: readonly DueItem[],
	today: string,
	settings: ReminderSettings,
	managersOf: (ownerId: number) => readonly number[]
): Notice[] {
	if (!isWorkingDay(today)) return [];
	const fresh = (date: string) => date <= today && daysBetween(date, today) <= STALE_DAYS;
	const out: Notice[] = [];
	for (const item of items) {
		const at = stageDates(item.dueDate, settings);
		if (fresh(at.before) && today < item.dueDate) {
			out.push(notice('before', item.ownerId, item, at.before));
		}
		if (fresh(at.after) && item.dueDate < today) {
			out.push(notice('after', item.ownerId, item, at.after));
		}
		if (fresh(at.escalation) && item.dueDate < today && item.escalate !== false) {
			for (const manager of managersOf(item.ownerId)) {
				if (manager !== item.ownerId) out.push(notice('escalation', manager, item, at.escalation));
			}
		}
	}
	return out;
}

/** Whether an item is overdue long enough to be escalated on `today`. */
export function isEscalated(item: DueItem, today: string, settings: ReminderSettings): boolean {
	if (item.escalate === false) return false;
	return stageDates(item.dueDate, settings).escalation <= today && item.dueDate < today;
}

export interface UnitNode {
	id: number;
	parentId: number | null;
}

export interface Member {
	userId: number;
	unitId: number | null;
	isManager: boolean;
}

/**
 * Who an owner's overdue items are escalated to: the managers (users with the manager role) of
 * the owner's org unit, else of the nearest parent unit that has one, else the managers placed in
 * no unit (the office's top). Never the owner themselves.
 */
export function managersOf(
	ownerId: number,
	members: readonly Member[],
	units: readonly UnitNode[]
): number[] {
	const parent = new Map(units.map((u) => [u.id, u.parentId]));
	const managers = members.filter((m) => m.isManager && m.userId !== ownerId);
	let unit = members.find((m) => m.userId === ownerId)?.unitId ?? null;
	const seen = new Set<number>();
	while (unit !== null && !seen.has(unit)) {
		seen.add(unit);
		const here = managers.filter((m) => m.unitId === unit).map((m) => m.userId);
		if (here.length) return here;
		unit = parent.get(unit) ?? null;
	}
	return managers.filter((m) => m.unitId === null).map((m) => m.userId);
}

/**
 * The savings an initiative in progress or done owes: those of the last ended quarter, due 30
 * days after it ends, unless a saving recorded so far reaches into that quarter.
 * `lastRecordedEnd` is the latest `period_end` of its savings, or null.
 */
export function savingsOwed(
	today: string,
	lastRecordedEnd: string | null
): { quarter: string; dueDate: string } | null {
	const year = Number(today.slice(0, 4));
	const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3); // 0–3, running quarter
	const endedYear = q === 0 ? year - 1 : year;
	const endedQ = q === 0 ? 4 : q;
	const start = `${endedYear}-${String((endedQ - 1) * 3 + 1).padStart(2, '0')}-01`;
	const nextStart = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`; // the running quarter's start
	if (lastRecordedEnd !== null && lastRecordedEnd >= start) return null;
	return { quarter: `${endedYear}-Q${endedQ}`, dueDate: addDays(nextStart, 29) };
}

/**
 * What a CAF panel member still owes in a round being scored: how many subcriteria they have not
 * scored and the first of them (the form the reminder's link opens), or null when all are scored.
 * `scored` is the codes they have scored, as the repository joins them (comma-separated or null).
 */
export function cafScoresOwed(
	codes: readonly string[],
	scored: string | null
): { missing: number; first: string } | null {
	const done = new Set(scored ? scored.split(',') : []);
	const missing = codes.filter((c) => !done.has(c));
	return missing.length ? { missing: missing.length, first: missing[0] } : null;
}

/**
 * The one rule for a milestone's status and slip. Dates are calendar days, `YYYY-MM-DD`.
 * - done: it has a done date;
 * - late: not done and its current due date has passed;
 * - at risk: not done and due within the next 14 days, or one of its predecessors is late;
 * - on track: everything else.
 */
export type MilestoneStatus = 'done' | 'late' | 'at_risk' | 'on_track';

export const AT_RISK_WITHIN_DAYS = 14;

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
	const [y, m, d] = date.slice(0, 10).split('-').map(Number);
	return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** b − a in whole days. */
export function daysBetween(a: string, b: string): number {
	return dayNumber(b) - dayNumber(a);
}

export function addDays(date: string, days: number): string {
	return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

export interface MilestoneDates {
	currentDue: string;
	doneDate: string | null;
}

function isLate(m: MilestoneDates, today: string): boolean {
	return m.doneDate === null && daysBetween(today, m.currentDue) < 0;
}

export function milestoneStatus(
	m: MilestoneDates,
	today: string,
	predecessors: readonly MilestoneDates[] = []
): MilestoneStatus {
	if (m.doneDate !== null) return 'done';
	if (isLate(m, today)) return 'late';
	if (daysBetween(today, m.currentDue) <= AT_RISK_WITHIN_DAYS) return 'at_risk';
	if (predecessors.some((p) => isLate(p, today))) return 'at_risk';
	return 'on_track';
}

/** Slip in days: current due − baseline due (positive = later than planned). */
export function slipDays(m: { baselineDue: string; currentDue: string }): number {
	return daysBetween(m.baselineDue, m.currentDue);
}

/**
 * The slip a milestone really has, days: a done one's done date − baseline; an open one cannot
 * be done before today, so the later of its current due date and today − baseline. An overdue
 * milestone whose due date was never moved thus shows how late it already is, not 0.
 */
export function realSlipDays(
	m: { baselineDue: string; currentDue: string; doneDate: string | null },
	today: string
): number {
	if (m.doneDate !== null) return daysBetween(m.baselineDue, m.doneDate);
	const end = m.currentDue > today ? m.currentDue : today;
	return daysBetween(m.baselineDue, end);
}

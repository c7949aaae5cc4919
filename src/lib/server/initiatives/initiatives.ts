import type { CashPoint, Roi, SavingsValue } from './economics';
import type { MoneyFlag } from './money-checks';

import { INITIATIVE_STATUSES } from '$lib/initiative-statuses';

export { INITIATIVE_STATUSES };
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** Allowed status changes. Only managers approve (see `initiatives.approve`). */
export const TRANSITIONS: Record<InitiativeStatus, InitiativeStatus[]> = {
	proposed: ['approved', 'cancelled'],
	approved: ['in_progress', 'cancelled'],
	in_progress: ['done', 'cancelled'],
	done: [],
	cancelled: ['proposed']
};

/**
 * Realized savings split into cash (budget money no longer spent) and valued hours (staff time
 * freed, valued at the unit's hourly cost: capacity, not cash).
 */
export interface SavingsSplit {
	/** haléře */
	cash: bigint;
	/** numeric hours */
	hours: string;
	/** the hours valued, haléře (hours without a known hourly cost count as 0) */
	hoursValue: bigint;
	/** cash + hoursValue */
	total: bigint;
}

/** The hourly cost used to value hours, and the year it comes from. */
export interface HourlyCost {
	orgUnitId: number;
	orgUnitName: string;
	year: number;
	/** haléře per hour */
	cost: bigint;
}

export interface InitiativeSummary {
	id: number;
	code: string;
	name: string;
	status: InitiativeStatus;
	ownerUserId: number | null;
	ownerName: string | null;
	activityId: number | null;
	/** Sum of the budget over all years, haléře. */
	budgetTotal: bigint;
	/** Sum of actual cost entries tagged with the initiative, haléře. */
	spend: bigint;
	expectedCzk: bigint;
	/** numeric hours per year */
	expectedHours: string;
	/** Expected savings per year, hours valued at the current hourly cost. */
	expected: SavingsValue;
	/** Realized savings to date, valued (= realizedSince.total). */
	realized: bigint;
	/** Realized savings since the start, split into cash and valued hours. */
	realizedSince: SavingsSplit;
	/** Realized savings of the year asked for (savings count in the year their period ends). */
	realizedYear: SavingsSplit;
	/** The hourly cost expected hours are valued at (the year asked for, or the latest before). */
	hourlyCost: HourlyCost | null;
	/** The money checks (see money-checks.ts); empty when all is in order. */
	flags: MoneyFlag[];
	/** Realized hours that could not be valued (no hourly cost for their year). */
	unvaluedHours: boolean;
	/** The investment payback is computed on (budget, or spend where it overran). */
	investment: bigint;
	paybackMonths: bigint | null;
	version: number;
}

export interface SpendEntry {
	id: bigint;
	month: string;
	amount: bigint;
	polozka: string;
	text: string | null;
	orgUnitCode: string | null;
}

export interface Saving {
	id: number;
	periodStart: string;
	periodEnd: string;
	amount: bigint;
	hours: string;
	/** Hours valued at the hourly cost of the period's year; null when unknown. */
	hoursValue: bigint | null;
	hourlyCost: HourlyCost | null;
	evidence: string;
	recordedBy: string | null;
	recordedAt: Date;
}

export interface StatusChange {
	fromStatus: string | null;
	toStatus: string;
	userName: string | null;
	note: string | null;
	changedAt: Date;
}

export interface YearComparison {
	year: number;
	budget: bigint;
	spend: bigint;
	/** Expected savings for the year (valued), or null before the initiative runs. */
	expected: bigint | null;
	realized: bigint;
}

export interface InitiativeDetail extends InitiativeSummary {
	description: string | null;
	valuationOrgUnitId: number | null;
	budgets: { year: number; amount: bigint }[];
	entries: SpendEntry[];
	savings: Saving[];
	history: StatusChange[];
	goals: { id: number; code: string; name: string }[];
	processes: { id: number; code: string; name: string }[];
	kpis: { id: number; code: string; name: string }[];
	roi: Roi;
	cash: { points: CashPoint[]; breakEvenMonth: string | null };
	years: YearComparison[];
	/** Realized ÷ expected over the years the initiative has been running. */
	realizedShare: number | null;
	allowedTransitions: InitiativeStatus[];
}

export interface InitiativeInput {
	code: string;
	name: string;
	description: string | null;
	ownerUserId: number | null;
	expectedCzk: bigint;
	expectedHours: string;
	valuationOrgUnitId: number | null;
	activityId: number | null;
}

export interface SavingInput {
	periodStart: string;
	periodEnd: string;
	amount: bigint;
	hours: string;
	evidence: string;
}

export interface LinksInput {
	goalIds: number[];
	processIds: number[];
	kpiIds: number[];
}

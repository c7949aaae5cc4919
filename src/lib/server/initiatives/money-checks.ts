import { sum as sumOf } from '$lib/money';

/**
 * The money checks of an initiative: the one rule behind the flags the list, the card, the
 * overview and the council report show. Pure and exact (bigint haléře); months are the ledger's
 * months, so a date is compared by its month only: spending booked in the month an initiative was
 * approved, cancelled or completed is given the benefit of the doubt.
 *
 * - `over_budget_total`: spending over all years exceeds the budget over all years (> 0);
 * - `over_budget_year`: a year's spending exceeds that year's budget (> 0);
 * - `unbudgeted_year`: spending in a year whose budget is 0 or not set (while the initiative has a
 *   budget in some other year, or none at all);
 * - `before_approval`: spending in months before the initiative was first approved (all of it
 *   when it never was);
 * - `after_close`: spending in months after it was cancelled or completed (its current status).
 */

export const MONEY_FLAGS = [
	'over_budget_total',
	'over_budget_year',
	'unbudgeted_year',
	'before_approval',
	'after_close'
] as const;
export type MoneyFlagKind = (typeof MONEY_FLAGS)[number];

export interface MoneyFlag {
	kind: MoneyFlagKind;
	/** The year a yearly flag is about; null for the flags over the whole life. */
	year: number | null;
	/** The spending the flag is about, haléře (over a budget: all spending of the scope). */
	spend: bigint;
	/** The budget it is set against (the budget flags), else null. */
	budget: bigint | null;
}

export interface MoneyCheckInput {
	status: string;
	budgets: readonly { year: number; amount: bigint }[];
	/** Actual spending per ledger month (`YYYY-MM…`). */
	spend: readonly { month: string; amount: bigint }[];
	/** Status history in order of time (`at` as `YYYY-MM-DD…` or a Date). */
	history: readonly { toStatus: string; at: string | Date }[];
}

const CLOSED = new Set(['cancelled', 'done']);

function monthOf(at: string | Date): string {
	return (typeof at === 'string' ? at : at.toISOString()).slice(0, 7);
}

const sum = (list: readonly { amount: bigint }[]) => sumOf(list.map((x) => x.amount));

export function moneyFlags(input: MoneyCheckInput): MoneyFlag[] {
	const flags: MoneyFlag[] = [];
	const spending = input.spend.filter((s) => s.amount !== 0n);
	const budgetTotal = sum(input.budgets);
	const spendTotal = sum(spending);
	if (budgetTotal > 0n && spendTotal > budgetTotal) {
		flags.push({ kind: 'over_budget_total', year: null, spend: spendTotal, budget: budgetTotal });
	}

	const years = [...new Set(spending.map((s) => Number(s.month.slice(0, 4))))].sort(
		(a, b) => a - b
	);
	for (const year of years) {
		const spend = sum(spending.filter((s) => Number(s.month.slice(0, 4)) === year));
		if (spend <= 0n) continue;
		const budget = input.budgets.find((b) => b.year === year)?.amount ?? 0n;
		if (budget <= 0n) flags.push({ kind: 'unbudgeted_year', year, spend, budget: 0n });
		else if (spend > budget) flags.push({ kind: 'over_budget_year', year, spend, budget });
	}

	const approved = input.history.find((h) => h.toStatus === 'approved');
	const approvedMonth = approved ? monthOf(approved.at) : null;
	const early = spending.filter(
		(s) => approvedMonth === null || s.month.slice(0, 7) < approvedMonth
	);
	if (early.length && sum(early) !== 0n) {
		flags.push({ kind: 'before_approval', year: null, spend: sum(early), budget: null });
	}

	if (CLOSED.has(input.status)) {
		const closed = input.history.findLast((h) => h.toStatus === input.status);
		if (closed) {
			const closedMonth = monthOf(closed.at);
			const late = spending.filter((s) => s.month.slice(0, 7) > closedMonth);
			if (late.length && sum(late) !== 0n) {
				flags.push({ kind: 'after_close', year: null, spend: sum(late), budget: null });
			}
		}
	}
	return flags;
}

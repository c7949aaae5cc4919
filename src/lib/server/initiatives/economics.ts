import { divRound, ratio } from '$lib/money';

/**
 * The arithmetic of an improvement investment, exact in haléře. The UI shows these formulas with
 * the figures filled in, so a manager can check them by hand.
 */

/** The appraisal horizon for ROI: public-sector IT investments are usually judged over 5 years. */
export const ROI_YEARS = 5;

/** `12.5` (numeric hours, at most 2 decimals) → 1250 hundredths of an hour. */
export function hoursToHundredths(hours: string | number): bigint {
	const text = typeof hours === 'number' ? hours.toFixed(2) : hours.trim();
	const match = /^(-?)(\d*)(?:\.(\d{0,2})\d*)?$/.exec(text);
	if (!match) throw new RangeError(`not an hours value: ${hours}`);
	const value = BigInt(match[2] || '0') * 100n + BigInt(((match[3] ?? '') + '00').slice(0, 2));
	return match[1] ? -value : value;
}

/** Hours × hourly cost (haléře per hour), rounded to the haléř. */
export function valueOfHours(hours: string | number, hourlyCost: bigint): bigint {
	return divRound(hoursToHundredths(hours) * hourlyCost, 100n);
}

export interface SavingsValue {
	/** CZK part, haléře */
	czk: bigint;
	/** The hours valued at the hourly cost, or null when no hourly cost is known. */
	hoursValue: bigint | null;
	/** czk + hoursValue (hours count as 0 when they cannot be valued) */
	total: bigint;
}

export function savingsValue(
	czk: bigint,
	hours: string | number,
	hourlyCost: bigint | null
): SavingsValue {
	const hasHours = hoursToHundredths(hours) !== 0n;
	const hoursValue = hourlyCost === null ? (hasHours ? null : 0n) : valueOfHours(hours, hourlyCost);
	return { czk, hoursValue, total: czk + (hoursValue ?? 0n) };
}

/**
 * Payback period in whole months: investment ÷ (annual savings ÷ 12), rounded half up.
 * Null when nothing is saved (it never pays back) ; 0 when nothing was invested.
 */
export function paybackMonths(investment: bigint, annualSavings: bigint): bigint | null {
	if (annualSavings <= 0n) return null;
	if (investment <= 0n) return 0n;
	return divRound(investment * 12n, annualSavings);
}

export interface Roi {
	years: number;
	/** annual savings × years */
	savings: bigint;
	/** savings − investment */
	net: bigint;
	/** net ÷ investment, null without an investment */
	ratio: number | null;
}

/** ROI over the horizon: (annual savings × years − investment) ÷ investment. */
export function roi(investment: bigint, annualSavings: bigint, years = ROI_YEARS): Roi {
	const savings = annualSavings * BigInt(years);
	const net = savings - investment;
	return { years, savings, net, ratio: investment > 0n ? ratio(net, investment) : null };
}

/**
 * The investment a payback is computed on: the budget, or what was actually spent where spending
 * has run over the budget.
 */
export function investmentBasis(totalBudget: bigint, actualSpend: bigint): bigint {
	return actualSpend > totalBudget ? actualSpend : totalBudget;
}

export interface MonthAmount {
	/** `YYYY-MM` or `YYYY-MM-DD` */
	month: string;
	amount: bigint;
}

export interface CashPoint {
	/** `YYYY-MM` */
	month: string;
	spend: bigint;
	savings: bigint;
	cumulativeSpend: bigint;
	cumulativeSavings: bigint;
	/** cumulative savings − cumulative spend */
	net: bigint;
}

/**
 * Spend against savings month by month, cumulated, over every month from the first to the last
 * with any amount (months without amounts carry the totals forward).
 */
export function cumulativeCash(spend: readonly MonthAmount[], savings: readonly MonthAmount[]) {
	const byMonth = new Map<string, { spend: bigint; savings: bigint }>();
	const add = (list: readonly MonthAmount[], key: 'spend' | 'savings') => {
		for (const item of list) {
			const month = item.month.slice(0, 7);
			const entry = byMonth.get(month) ?? { spend: 0n, savings: 0n };
			entry[key] += item.amount;
			byMonth.set(month, entry);
		}
	};
	add(spend, 'spend');
	add(savings, 'savings');
	const months = [...byMonth.keys()].sort();
	const points: CashPoint[] = [];
	if (!months.length) return { points, breakEvenMonth: null as string | null };
	let [y, m] = months[0].split('-').map(Number);
	const last = months[months.length - 1];
	let cumulativeSpend = 0n;
	let cumulativeSavings = 0n;
	let breakEvenMonth: string | null = null;
	for (;;) {
		const month = `${y}-${String(m).padStart(2, '0')}`;
		const entry = byMonth.get(month) ?? { spend: 0n, savings: 0n };
		cumulativeSpend += entry.spend;
		cumulativeSavings += entry.savings;
		const net = cumulativeSavings - cumulativeSpend;
		if (breakEvenMonth === null && cumulativeSpend > 0n && net >= 0n) breakEvenMonth = month;
		if (net < 0n) breakEvenMonth = null;
		points.push({ month, ...entry, cumulativeSpend, cumulativeSavings, net });
		if (month === last) break;
		m += 1;
		if (m > 12) {
			m = 1;
			y += 1;
		}
	}
	return { points, breakEvenMonth };
}

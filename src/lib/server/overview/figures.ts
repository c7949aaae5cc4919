// The overview's arithmetic, pure and exact: money stays bigint haléře, ratios are computed from
// the integers. Everything here is unit-tested without a database.
import { ratio } from '../../money';
import type { CostNature } from '../db/schema';
import { improvementShare, type NatureTotals } from '../costs/costs';

export interface CostYear extends NatureTotals {
	year: number;
	/** all actual spending, capital included */
	total: bigint;
	/** investment ÷ (fixed + variable + investment), null when nothing was spent */
	investmentShare: number | null;
}

export interface TotalRow {
	year: number;
	kind: 'actual' | 'budget';
	nature: CostNature;
	amount: bigint;
}

/** Actual spending per year split by nature, with the investment share. */
export function costStructure(rows: readonly TotalRow[]): CostYear[] {
	const byYear = new Map<number, CostYear>();
	for (const r of rows) {
		if (r.kind !== 'actual') continue;
		const y = byYear.get(r.year) ?? {
			year: r.year,
			fixed: 0n,
			variable: 0n,
			investment: 0n,
			capital: 0n,
			total: 0n,
			investmentShare: null
		};
		y[r.nature] += BigInt(r.amount);
		y.total += BigInt(r.amount);
		byYear.set(r.year, y);
	}
	return [...byYear.values()]
		.sort((a, b) => a.year - b.year)
		.map((y) => ({ ...y, investmentShare: improvementShare(y).share }));
}

export interface MonthRow extends TotalRow {
	/** `YYYY-MM-01` */
	month: string;
}

export interface YearToDate {
	/** Months of the year with actuals (1–12), 0 when none. */
	months: number;
	fixed: bigint;
	fixedLastYear: bigint;
	/** (fixed − fixedLastYear) ÷ fixedLastYear over the same months; null without last year */
	fixedChange: number | null;
	/** The share's parts over the months: improvement ÷ (operating + improvement). */
	improvement: bigint;
	operating: bigint;
	investmentShare: number | null;
	investmentShareLastYear: number | null;
	actual: bigint;
	/** The whole year's budget. */
	budget: bigint;
	/** actual ÷ budget */
	execution: number | null;
}

/**
 * Compares a year with the one before over the same months (January up to the last month with
 * actuals), so a year in progress is not compared with a whole finished year.
 */
export function yearToDate(rows: readonly MonthRow[], year: number): YearToDate {
	const monthOf = (r: MonthRow) => Number(r.month.slice(5, 7));
	const months = rows
		.filter((r) => r.year === year && r.kind === 'actual')
		.reduce((m, r) => Math.max(m, monthOf(r)), 0);
	const sumOf = (y: number, kind: 'actual' | 'budget', nature: CostNature | null, upTo = 12) =>
		rows
			.filter(
				(r) =>
					r.year === y &&
					r.kind === kind &&
					(nature === null || r.nature === nature) &&
					monthOf(r) <= upTo
			)
			.reduce((a, r) => a + BigInt(r.amount), 0n);
	const fixed = sumOf(year, 'actual', 'fixed', months);
	const fixedLastYear = sumOf(year - 1, 'actual', 'fixed', months);
	const actual = sumOf(year, 'actual', null, months);
	const budget = sumOf(year, 'budget', null);
	const natures = (y: number): NatureTotals => ({
		fixed: sumOf(y, 'actual', 'fixed', months),
		variable: sumOf(y, 'actual', 'variable', months),
		investment: sumOf(y, 'actual', 'investment', months),
		capital: sumOf(y, 'actual', 'capital', months)
	});
	const now = natures(year);
	const share = improvementShare(now);
	return {
		months,
		fixed,
		fixedLastYear,
		fixedChange: fixedLastYear === 0n ? null : ratio(fixed - fixedLastYear, fixedLastYear),
		improvement: now.investment,
		operating: share.operating,
		investmentShare: share.share,
		investmentShareLastYear: improvementShare(natures(year - 1)).share,
		actual,
		budget,
		execution: ratio(actual, budget)
	};
}

// Types of the costs area as pages and other areas read them. Money is bigint haléře.
import type { CostNature } from '../db/schema';
import { divRound, ratio } from '../../money';
import { fromHundredths } from '../../decimal';

export const NATURES: CostNature[] = ['fixed', 'variable', 'investment', 'capital'];

/**
 * The improvement items a new database starts with (finance keeps the list on /costs/mappings:
 * a položka whose nature is `investment` is one): 5172 and 6111 software and licences, 5168 ICT
 * services, 5167 training. Consulting on processes counts through the initiative it is booked
 * to; 5166 is not on the list because it also holds legal services.
 */
export const DEFAULT_IMPROVEMENT_POLOZKY = ['5167', '5168', '5172', '6111'];

/** An initiative's spending is improvement investment once it has been approved. */
export const APPROVED_INITIATIVE_STATUSES = ['approved', 'in_progress', 'done'] as const;

/** A year's (or months') actual spending by nature. */
export interface NatureTotals {
	fixed: bigint;
	variable: bigint;
	investment: bigint;
	capital: bigint;
}

export interface ImprovementShare {
	/** fixed + variable */
	operating: bigint;
	/** operating + investment: the share's denominator (capital spending is outside it) */
	base: bigint;
	/** investment ÷ base, null when nothing was spent */
	share: number | null;
}

/**
 * The investment share, the one definition every page, export, API and computed KPI uses:
 * improvement investment ÷ (fixed + variable operating costs + improvement investment).
 */
export function improvementShare(t: NatureTotals): ImprovementShare {
	const operating = t.fixed + t.variable;
	const base = operating + t.investment;
	return { operating, base, share: ratio(t.investment, base) };
}

/** The share in percent with two decimals, rounded half up, exact (`12.34`); null without a base. */
export function sharePercentText(t: NatureTotals): string | null {
	const { base } = improvementShare(t);
	if (base === 0n) return null;
	const hundredths = divRound(t.investment * 10_000n, base);
	return fromHundredths(hundredths);
}

export interface BudgetActual {
	budget: bigint;
	actual: bigint;
}

export interface YearSummary {
	year: number;
	totals: Record<CostNature, BudgetActual> & { all: BudgetActual };
	/** unverified: a položka in no code list of the year, imported as written by the clerk's choice */
	byCategory: ({ polozka: string; name: string; unverified: boolean } & BudgetActual)[];
	byOrgUnit: ({
		orgUnitId: number | null;
		code: string | null;
		name: string | null;
	} & BudgetActual)[];
	/** index 0 = January; actual amounts by nature */
	monthly: Record<CostNature, bigint[]>;
}

export interface InvestmentShareYear extends NatureTotals, ImprovementShare {
	year: number;
	/** all actual spending, capital included */
	total: bigint;
}

export interface ProcessCost {
	processId: number;
	code: string;
	name: string;
	orgUnitCode: string | null;
	direct: bigint;
	allocated: bigint;
	fullCost: bigint;
	volume: number | null;
	unitCost: bigint | null;
	budgetFullCost: bigint | null;
	steps: {
		orgUnitCode: string;
		pool: bigint;
		percent: string;
		keySource: 'fte' | 'manual' | 'equal' | 'driver';
		/** the driver followed (keySource 'driver' only) */
		driverName?: string;
		amount: bigint;
		/** from 1: the stage passing on the support process `sourceCode` (absent: a unit's overhead) */
		stage?: number;
		sourceCode?: string;
	}[];
	/** what the process passed on in its allocation stage (its full cost is what stays) */
	passedOn: bigint;
}

export interface Provenance {
	refreshedAt: Date | null;
	batches: {
		id: number;
		fileName: string;
		kind: 'actual' | 'budget';
		rows: number;
		importedAt: Date;
		monthFrom: string | null;
		monthTo: string | null;
	}[];
	manualEntries: number;
	manualKeys: { orgUnitCode: string; updatedAt: Date }[];
}

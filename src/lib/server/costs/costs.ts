// Types of the costs area as pages and other areas read them. Money is bigint haléře.
import type { CostNature } from '../db/schema';

export const NATURES: CostNature[] = ['fixed', 'variable', 'investment'];

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

export interface InvestmentShareYear {
	year: number;
	investment: bigint;
	fixed: bigint;
	variable: bigint;
	total: bigint;
	/** investment ÷ total, null when nothing was spent */
	share: number | null;
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
		keySource: 'fte' | 'manual' | 'equal';
		amount: bigint;
	}[];
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

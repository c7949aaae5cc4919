// What pages and other areas (overview, programme) read about costs. Every function reads the
// aggregate tables, never the ledger, so page time does not grow with the number of entries.
import { validIn } from '../imports/code-lists/code-lists';
import type { Executor } from '../audit/audit';
import type { CostNature } from '../db/schema';
import * as settings from '../settings/settings.service';
import * as repo from './costs.repository';
import * as drill from './drill.service';
import { perDataVersion } from '../db/data-version';
import {
	NATURES,
	improvementShare,
	type BudgetActual,
	type InvestmentShareYear,
	type ProcessCost,
	type Provenance,
	type YearSummary
} from './costs';

export * from './costs';

/** Years that have any cost, plus the current one, newest first. */
export async function years(db: Executor, currentYear: number): Promise<number[]> {
	const rows = await repo.yearsWithCosts(db);
	const set = new Set(rows.map((r) => r.year));
	set.add(currentYear);
	return [...set].sort((a, b) => b - a);
}

const zero = (): BudgetActual => ({ budget: 0n, actual: 0n });

export async function yearSummary(db: Executor, year: number): Promise<YearSummary> {
	// Grouped in the database, by položka and by unit in one pass over the year's summary, rather
	// than reading every unit × položka × month row here.
	const [months, groups, categories, units] = await Promise.all([
		repo.natureMonths(db, year),
		repo.yearGroups(db, year),
		repo.categoryNames(db),
		repo.unitNames(db)
	]);
	const categoryRows = groups.filter((r) => r.by_unit === 0);
	const unitRows = groups.filter((r) => r.by_unit === 1);
	const categoryName = new Map(categories.map((c) => [c.polozka, c.name]));
	const unitById = new Map(units.map((u) => [u.id, u]));
	const totals = {
		fixed: zero(),
		variable: zero(),
		investment: zero(),
		capital: zero(),
		all: zero()
	};
	const monthly = Object.fromEntries(NATURES.map((n) => [n, Array(12).fill(0n)])) as Record<
		CostNature,
		bigint[]
	>;
	for (const r of months) {
		totals[r.nature][r.kind] += r.amount;
		totals.all[r.kind] += r.amount;
		if (r.kind === 'actual') monthly[r.nature][Number(r.month.slice(5, 7)) - 1] += r.amount;
	}
	const byCategory = new Map<string, BudgetActual>();
	for (const r of categoryRows) {
		const c = byCategory.get(r.polozka!) ?? zero();
		c[r.kind] += r.amount;
		byCategory.set(r.polozka!, c);
	}
	const byUnit = new Map<number | null, BudgetActual>();
	for (const r of unitRows) {
		const u = byUnit.get(r.org_unit_id) ?? zero();
		u[r.kind] += r.amount;
		byUnit.set(r.org_unit_id, u);
	}
	// Largest actual first, then largest budget, then by code, so equal rows keep one order.
	const cmp = (x: bigint, y: bigint) => (x > y ? 1 : x < y ? -1 : 0);
	const desc = (a: BudgetActual, b: BudgetActual) =>
		cmp(b.actual, a.actual) || cmp(b.budget, a.budget);
	return {
		year,
		totals,
		byCategory: [...byCategory]
			.map(([polozka, v]) => {
				// A položka the cost categories lack: named by the year's code list, else imported
				// as written by the clerk's choice and shown as unverified.
				const listed = categoryName.has(polozka) ? null : validIn('polozky', polozka, year);
				const name = categoryName.get(polozka) ?? listed?.name ?? '';
				return { polozka, name, unverified: !categoryName.has(polozka) && !listed, ...v };
			})
			.sort((a, b) => desc(a, b) || a.polozka.localeCompare(b.polozka)),
		byOrgUnit: [...byUnit]
			.map(([id, v]) => ({
				orgUnitId: id,
				code: id === null ? null : (unitById.get(id)?.code ?? null),
				name: id === null ? null : (unitById.get(id)?.name ?? null),
				...v
			}))
			.sort((a, b) => desc(a, b) || (a.code ?? '').localeCompare(b.code ?? '')),
		monthly
	};
}

/**
 * The investment share per year (the programme's headline figure): improvement investment ÷
 * (operating costs + improvement investment), by `improvementShare`.
 */
export async function investmentShare(
	db: Executor,
	yearList: number[]
): Promise<InvestmentShareYear[]> {
	if (yearList.length === 0) return [];
	const rows = await repo.actualByNature(db, yearList);
	return [...yearList]
		.sort((a, b) => a - b)
		.map((year) => {
			const of = (n: CostNature) =>
				BigInt(rows.find((r) => r.year === year && r.nature === n)?.amount ?? 0n);
			const [fixed, variable, investment, capital] = NATURES.map(of);
			const parts = { fixed, variable, investment, capital };
			return {
				year,
				...parts,
				total: fixed + variable + investment + capital,
				...improvementShare(parts)
			};
		});
}

/** How many processes /costs lists on one page. */
export const PROCESS_PAGE_SIZE = 25;

/**
 * Each process's direct, allocated, full and unit cost, with the allocation steps, by code;
 * `page` (from 1) narrows to one page of PROCESS_PAGE_SIZE processes, in `view`'s order and,
 * with `view.processId`, to that process alone.
 */
export async function processCosts(
	db: Executor,
	year: number,
	page?: number,
	view: ProcessView = {}
): Promise<ProcessCost[]> {
	let ids: number[] | undefined;
	if (page !== undefined) {
		// One more than a page says whether there is a next one.
		ids = await repo.processIdsWithCosts(
			db,
			year,
			(page - 1) * PROCESS_PAGE_SIZE,
			PROCESS_PAGE_SIZE + 1,
			view.order,
			view.processId ?? null
		);
		if (ids.length === 0) return [];
	}
	const [rows, steps] = await Promise.all([
		repo.processCostRows(db, year, ids),
		repo.allocationSteps(db, year, ids)
	]);
	const result = new Map<number, ProcessCost>();
	for (const r of rows) {
		const p = result.get(r.process_id) ?? {
			processId: r.process_id,
			code: r.code,
			name: r.name,
			orgUnitCode: r.unit_code,
			direct: 0n,
			allocated: 0n,
			fullCost: 0n,
			volume: null,
			unitCost: null,
			budgetFullCost: null,
			steps: [],
			passedOn: 0n
		};
		if (r.kind === 'actual') {
			Object.assign(p, {
				direct: r.direct,
				allocated: r.allocated,
				passedOn: r.passed_on,
				fullCost: r.full_cost,
				volume: r.volume,
				unitCost: r.unit_cost
			});
		} else p.budgetFullCost = r.full_cost;
		result.set(r.process_id, p);
	}
	for (const s of steps) {
		result.get(s.process_id)?.steps.push({
			orgUnitCode: s.code ?? '',
			...(s.stage > 0 ? { stage: s.stage, sourceCode: s.source_code ?? '' } : {}),
			pool: s.pool,
			percent: s.percent,
			keySource: s.key_source,
			...(s.driver_name === null ? {} : { driverName: s.driver_name }),
			amount: s.amount
		});
	}
	// The page's order is the ids' (by name or cost); the whole list stays by code.
	return ids ? ids.flatMap((id) => result.get(id) ?? []) : [...result.values()];
}

/** Where a year's figures come from: batches, manual entries, keys, and when they were computed. */
export async function provenance(db: Executor, year: number): Promise<Provenance> {
	const from = `${year}-01-01`;
	const to = `${year}-12-01`;
	const [refresh, batches, manual, keys] = await Promise.all([
		repo.refreshedAt(db, year),
		repo.batchesCovering(db, from, to),
		repo.manualEntryCount(db, from, to),
		repo.manualKeySets(db, year)
	]);
	return {
		refreshedAt: refresh?.refreshed_at ?? null,
		batches: batches.map((b) => ({
			id: b.id,
			fileName: b.file_name,
			kind: b.kind,
			rows: b.rows_imported,
			importedAt: b.imported_at,
			monthFrom: b.month_from,
			monthTo: b.month_to
		})),
		manualEntries: manual,
		manualKeys: keys.map((k) => ({ orgUnitCode: k.code, updatedAt: k.updated_at }))
	};
}

/** How /costs shows its process table: the order, and one process only (the card's link). */
export interface ProcessView {
	order?: repo.ProcessOrder;
	processId?: number | null;
}

/** Everything /costs shows for a year, in one call (also what the benchmark times). */
export async function costsPage(
	db: Executor,
	year: number,
	processPage = 1,
	view: ProcessView = {}
) {
	const shareYears = [year - 2, year - 1, year];
	const [summary, share, target, processes, source] = await Promise.all([
		yearSummary(db, year),
		investmentShare(db, shareYears),
		settings.getInvestmentShareTarget(db),
		processCosts(db, year, processPage, view),
		provenance(db, year)
	]);
	return {
		summary,
		share,
		target,
		processes: processes.slice(0, PROCESS_PAGE_SIZE),
		processPages: { page: processPage, more: processes.length > PROCESS_PAGE_SIZE },
		provenance: source
	};
}

/** What /costs asks for: a year, a page of processes in an order, and the year-over-year view. */
export interface CostsPageQuery {
	year: number;
	/** the calendar year today (the year list always offers it) */
	currentYear: number;
	processPage: number;
	view: ProcessView;
	yoyBy: 'paragraf' | 'polozka' | 'unit';
}

/**
 * Everything /costs shows, kept per data version as the overview is (every table it reads is
 * watched: see the migration `data_version_costs_page`): about twenty small reads once per change
 * and query, then one. Nothing in it depends on who reads it. `version`: the data version the
 * request read with its session, if it did.
 */
export function keptCostsPage(db: Executor, q: CostsPageQuery, version?: bigint | null) {
	const key = `costs|${q.year}|${q.currentYear}|${q.processPage}|${q.view.order?.by}|${q.view.order?.dir}|${q.view.processId ?? ''}|${q.yoyBy}`;
	return perDataVersion(
		db,
		key,
		async () => {
			const [yearList, page, byParagraf, yoy] = await Promise.all([
				years(db, q.currentYear),
				costsPage(db, q.year, q.processPage, q.view),
				drill.yearOverYear(db, q.year, 'paragraf'),
				q.yoyBy === 'paragraf' ? null : drill.yearOverYear(db, q.year, q.yoyBy)
			]);
			return {
				years: yearList,
				...page,
				byParagraf,
				yoy: { by: q.yoyBy, rows: yoy ?? byParagraf }
			};
		},
		version
	);
}

/** The actual ledger lines booked to initiatives between two months (YYYY-MM-01), for reports. */
export function initiativeActuals(db: Executor, from: string, to: string) {
	return repo.initiativeActuals(db, from, to);
}

// What pages and other areas (overview, programme) read about costs. Every function reads the
// aggregate tables, never the ledger, so page time does not grow with the number of entries.
import { validIn } from '../imports/code-lists/code-lists';
import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import type { CostNature } from '../db/schema';
import { ratio } from '../../money';
import * as settings from '../settings/settings.service';
import {
	NATURES,
	type BudgetActual,
	type InvestmentShareYear,
	type ProcessCost,
	type Provenance,
	type YearSummary
} from './costs';

export * from './costs';

/** Years that have any cost, plus the current one, newest first. */
export async function years(db: Executor, currentYear: number): Promise<number[]> {
	const rows = await db.selectFrom('cost_nature_month').select('year').distinct().execute();
	const set = new Set(rows.map((r) => r.year));
	set.add(currentYear);
	return [...set].sort((a, b) => b - a);
}

const zero = (): BudgetActual => ({ budget: 0n, actual: 0n });

export async function yearSummary(db: Executor, year: number): Promise<YearSummary> {
	// Grouped in the database, by položka and by unit in one pass over the year's summary, rather
	// than reading every unit × položka × month row here.
	const [months, groups, categories, units] = await Promise.all([
		db
			.selectFrom('cost_nature_month')
			.select(['kind', 'nature', 'month', 'amount'])
			.where('year', '=', year)
			.execute(),
		sql<{
			kind: 'actual' | 'budget';
			polozka: string | null;
			org_unit_id: number | null;
			by_unit: number;
			amount: bigint;
		}>`
			select kind, polozka, org_unit_id, grouping(polozka) as by_unit,
				sum(amount)::bigint as amount
			from cost_month_summary where year = ${year}
			group by grouping sets ((kind, polozka), (kind, org_unit_id))`.execute(db),
		db.selectFrom('cost_category').select(['polozka', 'name']).execute(),
		db.selectFrom('org_unit').select(['id', 'code', 'name']).execute()
	]);
	const categoryRows = groups.rows.filter((r) => r.by_unit === 0);
	const unitRows = groups.rows.filter((r) => r.by_unit === 1);
	const categoryName = new Map(categories.map((c) => [c.polozka, c.name]));
	const unitById = new Map(units.map((u) => [u.id, u]));
	const totals = {
		fixed: zero(),
		variable: zero(),
		investment: zero(),
		all: zero()
	};
	const monthly: Record<CostNature, bigint[]> = {
		fixed: Array(12).fill(0n),
		variable: Array(12).fill(0n),
		investment: Array(12).fill(0n)
	};
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

/** Investment ÷ all actual spending per year (the programme's headline figure). */
export async function investmentShare(
	db: Executor,
	yearList: number[]
): Promise<InvestmentShareYear[]> {
	if (yearList.length === 0) return [];
	const rows = await db
		.selectFrom('cost_nature_month')
		.select(['year', 'nature', sql<bigint>`sum(amount)::bigint`.as('amount')])
		.where('kind', '=', 'actual')
		.where('year', 'in', yearList)
		.groupBy(['year', 'nature'])
		.execute();
	return [...yearList]
		.sort((a, b) => a - b)
		.map((year) => {
			const of = (n: CostNature) =>
				rows.find((r) => r.year === year && r.nature === n)?.amount ?? 0n;
			const [fixed, variable, investment] = NATURES.map(of);
			const total = fixed + variable + investment;
			return { year, fixed, variable, investment, total, share: ratio(investment, total) };
		});
}

/** How many processes /costs lists on one page. */
export const PROCESS_PAGE_SIZE = 25;

/**
 * Each process's direct, allocated, full and unit cost, with the allocation steps, by code;
 * `page` (from 1) narrows to one page of PROCESS_PAGE_SIZE processes.
 */
export async function processCosts(
	db: Executor,
	year: number,
	page?: number
): Promise<ProcessCost[]> {
	let ids: number[] | undefined;
	if (page !== undefined) {
		const rows = await db
			.selectFrom('process as p')
			.select('p.id')
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('process_cost_year as c')
						.select('c.process_id')
						.whereRef('c.process_id', '=', 'p.id')
						.where('c.year', '=', year)
				)
			)
			.orderBy('p.code')
			// One more than a page says whether there is a next one.
			.limit(PROCESS_PAGE_SIZE + 1)
			.offset((page - 1) * PROCESS_PAGE_SIZE)
			.execute();
		ids = rows.map((r) => r.id);
		if (ids.length === 0) return [];
	}
	let query = db
		.selectFrom('process_cost_year as c')
		.innerJoin('process as p', 'p.id', 'c.process_id')
		.leftJoin('org_unit as u', 'u.id', 'p.org_unit_id')
		.select([
			'c.process_id',
			'c.kind',
			'c.direct',
			'c.allocated',
			'c.full_cost',
			'c.volume',
			'c.unit_cost',
			'p.code',
			'p.name',
			'u.code as unit_code'
		])
		.where('c.year', '=', year)
		.orderBy('p.code');
	let stepQuery = db
		.selectFrom('process_cost_allocation as a')
		.innerJoin('org_unit as u', 'u.id', 'a.org_unit_id')
		.select(['a.process_id', 'u.code', 'a.pool', 'a.percent', 'a.key_source', 'a.amount'])
		.where('a.year', '=', year)
		.where('a.kind', '=', 'actual')
		.orderBy('u.code');
	if (ids) {
		query = query.where('c.process_id', 'in', ids);
		stepQuery = stepQuery.where('a.process_id', 'in', ids);
	}
	const [rows, steps] = await Promise.all([query.execute(), stepQuery.execute()]);
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
			steps: []
		};
		if (r.kind === 'actual') {
			Object.assign(p, {
				direct: r.direct,
				allocated: r.allocated,
				fullCost: r.full_cost,
				volume: r.volume,
				unitCost: r.unit_cost
			});
		} else p.budgetFullCost = r.full_cost;
		result.set(r.process_id, p);
	}
	for (const s of steps) {
		result.get(s.process_id)?.steps.push({
			orgUnitCode: s.code,
			pool: s.pool,
			percent: s.percent,
			keySource: s.key_source,
			amount: s.amount
		});
	}
	return [...result.values()];
}

/** Where a year's figures come from: batches, manual entries, keys, and when they were computed. */
export async function provenance(db: Executor, year: number): Promise<Provenance> {
	const from = `${year}-01-01`;
	const to = `${year}-12-01`;
	const [refresh, batches, manual, keys] = await Promise.all([
		db
			.selectFrom('cost_refresh')
			.select('refreshed_at')
			.where('year', '=', year)
			.executeTakeFirst(),
		db
			.selectFrom('import_batch')
			.select(['id', 'file_name', 'kind', 'rows_imported', 'imported_at', 'month_from', 'month_to'])
			.where('status', '=', 'imported')
			.where('month_from', '<=', to)
			.where('month_to', '>=', from)
			.orderBy('id', 'desc')
			.limit(50)
			.execute(),
		db
			.selectFrom('cost_entry')
			.select(sql<number>`count(*)::int`.as('n'))
			.where('batch_id', 'is', null)
			.where('month', '>=', from)
			.where('month', '<=', to)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('allocation_key_set as k')
			.innerJoin('org_unit as u', 'u.id', 'k.org_unit_id')
			.select(['u.code', 'k.updated_at'])
			.where('k.year', '=', year)
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('allocation_key as a')
						.select('a.process_id')
						.whereRef('a.org_unit_id', '=', 'k.org_unit_id')
						.where('a.year', '=', year)
				)
			)
			.orderBy('u.code')
			.execute()
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
		manualEntries: manual.n,
		manualKeys: keys.map((k) => ({ orgUnitCode: k.code, updatedAt: k.updated_at }))
	};
}

/** Everything /costs shows for a year, in one call (also what the benchmark times). */
export async function costsPage(db: Executor, year: number, processPage = 1) {
	const shareYears = [year - 2, year - 1, year];
	const [summary, share, target, processes, source] = await Promise.all([
		yearSummary(db, year),
		investmentShare(db, shareYears),
		settings.getInvestmentShareTarget(db),
		processCosts(db, year, processPage),
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

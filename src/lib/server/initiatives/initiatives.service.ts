import { sql } from 'kysely';
import { add as addDecimal } from '$lib/decimal';
import { divRound, ratio } from '$lib/money';
import type { Executor } from '../audit/audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { NotFoundError, ValidationError } from '../shared/errors';
import { auditedAs, changeAudited, createAudited, editAudited } from '../shared/versioned';
import type { EditRecord } from '../shared/versioned';
import {
	cumulativeCash,
	investmentBasis,
	paybackMonths,
	roi,
	savingsValue,
	type MonthAmount
} from './economics';
import { moneyFlags } from './money-checks';
import * as repo from './initiatives.repository';
import { reclassify as reclassifyLines } from '../costs/entries.service';
import {
	TRANSITIONS,
	type HourlyCost,
	type InitiativeDetail,
	type InitiativeInput,
	type InitiativeStatus,
	type InitiativeSummary,
	type LinksInput,
	type Saving,
	type SavingInput,
	type SavingsSplit,
	type YearComparison
} from './initiatives';
import { ForbiddenError } from '../shared/errors';
import { assertCodeFree } from '../shared/references';

type HourlyCosts = Map<number, HourlyCost[]>;

async function loadHourlyCosts(db: Executor): Promise<HourlyCosts> {
	const map: HourlyCosts = new Map();
	for (const r of await repo.hourlyCostRows(db)) {
		const list = map.get(r.org_unit_id) ?? [];
		list.push({
			orgUnitId: r.org_unit_id,
			orgUnitName: r.name,
			year: r.year,
			cost: r.hourly_cost!
		});
		map.set(r.org_unit_id, list);
	}
	return map;
}

/** The org unit's hourly cost for the year, or its latest earlier one; null when none is known. */
function hourlyCostFor(costs: HourlyCosts, orgUnitId: number | null, year: number) {
	if (orgUnitId === null) return null;
	const list = costs.get(orgUnitId) ?? [];
	let found: HourlyCost | null = null;
	for (const c of list) if (c.year <= year) found = c;
	return found;
}

function valueSaving(
	s: Awaited<ReturnType<typeof repo.savingRows>>[number],
	costs: HourlyCosts,
	orgUnitId: number | null
): Saving {
	const hourlyCost = hourlyCostFor(costs, orgUnitId, Number(s.period_end.slice(0, 4)));
	const value = savingsValue(s.amount, s.hours, hourlyCost?.cost ?? null);
	return {
		id: s.id,
		periodStart: s.period_start,
		periodEnd: s.period_end,
		amount: s.amount,
		hours: s.hours,
		hoursValue: value.hoursValue,
		hourlyCost,
		evidence: s.evidence,
		recordedBy: s.recorded_by_name,
		recordedAt: s.recorded_at
	};
}

/** Savings split into cash and valued hours. */
function split(savings: readonly Saving[]): SavingsSplit {
	let cash = 0n;
	let hoursValue = 0n;
	let hours = '0';
	for (const s of savings) {
		cash += s.amount;
		hoursValue += s.hoursValue ?? 0n;
		hours = addDecimal(hours, s.hours);
	}
	return { cash, hours, hoursValue, total: cash + hoursValue };
}

type HistoryRow = Awaited<ReturnType<typeof repo.historyRows>>[number];

function summarise(
	row: repo.InitiativeRow,
	budgets: { year: number; amount: bigint }[],
	spendMonths: { month: string; amount: bigint }[],
	savings: Saving[],
	history: HistoryRow[],
	costs: HourlyCosts,
	year: number
): InitiativeSummary {
	const budgetTotal = budgets.reduce((a, b) => a + b.amount, 0n);
	const spend = spendMonths.reduce((a, s) => a + s.amount, 0n);
	const hourlyCost = hourlyCostFor(costs, row.valuation_org_unit_id, year);
	const expected = savingsValue(
		row.expected_savings_czk,
		row.expected_savings_hours,
		hourlyCost?.cost ?? null
	);
	const investment = investmentBasis(budgetTotal, spend);
	const realizedSince = split(savings);
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		status: row.status,
		ownerUserId: row.owner_user_id,
		ownerName: row.owner_name,
		activityId: row.activity_id,
		budgetTotal,
		spend,
		expectedCzk: row.expected_savings_czk,
		expectedHours: row.expected_savings_hours,
		expected,
		realized: realizedSince.total,
		realizedSince,
		realizedYear: split(savings.filter((s) => s.periodEnd.startsWith(`${year}-`))),
		hourlyCost,
		flags: moneyFlags({
			status: row.status,
			budgets,
			spend: spendMonths,
			history: history.map((h) => ({ toStatus: h.to_status, at: h.changed_at }))
		}),
		unvaluedHours: savings.some((s) => s.hoursValue === null),
		investment,
		paybackMonths: paybackMonths(investment, expected.total),
		version: row.version
	};
}

/**
 * Every initiative with its budget, spend (from the ledger), expected and realized savings and
 * payback. `year` values hours at that year's hourly cost.
 */
export async function list(db: Executor, year: number) {
	const [rows, budgets, spend, savings, history, costs] = await Promise.all([
		repo.initiativeRows(db),
		repo.budgetRows(db),
		repo.spendByMonth(db),
		repo.savingRows(db),
		repo.historyRows(db),
		loadHourlyCosts(db)
	]);
	return rows.map((row) =>
		summarise(
			row,
			budgets.filter((b) => b.initiative_id === row.id),
			spend.filter((s) => s.initiative_id === row.id),
			savings
				.filter((s) => s.initiative_id === row.id)
				.map((s) => valueSaving(s, costs, row.valuation_org_unit_id)),
			history.filter((h) => h.initiative_id === row.id),
			costs,
			year
		)
	);
}

const addSplit = (a: SavingsSplit, b: SavingsSplit): SavingsSplit => ({
	cash: a.cash + b.cash,
	hours: addDecimal(a.hours, b.hours),
	hoursValue: a.hoursValue + b.hoursValue,
	total: a.total + b.total
});
const NO_SAVINGS: SavingsSplit = { cash: 0n, hours: '0', hoursValue: 0n, total: 0n };

/** Initiatives whose savings are expected: started (in progress) or finished. */
export const STARTED = new Set<InitiativeStatus>(['in_progress', 'done']);

/**
 * The portfolio's totals, each with its scope in its name, so the list (since the start, every
 * initiative) and the overview (this year, started initiatives) can be told apart and reconciled.
 */
export function portfolioTotals(list: readonly InitiativeSummary[]) {
	const active = list.filter((i) => i.status !== 'cancelled');
	const started = list.filter((i) => STARTED.has(i.status));
	const rates = started.flatMap((i) => (i.hourlyCost ? [i.hourlyCost.cost] : []));
	return {
		/** budget over all years, initiatives not cancelled */
		budgetActive: active.reduce((a, i) => a + i.budgetTotal, 0n),
		/** spending since the start, every initiative */
		spendSince: list.reduce((a, i) => a + i.spend, 0n),
		/** expected savings a year of the initiatives not cancelled */
		expectedActive: active.reduce((a, i) => a + i.expected.total, 0n),
		/** expected savings a year of the started initiatives (the overview's figure) */
		expectedStarted: started.reduce((a, i) => a + i.expected.total, 0n),
		startedCount: started.length,
		/** realized savings since the start, every initiative */
		realizedSince: list.reduce((a, i) => addSplit(a, i.realizedSince), NO_SAVINGS),
		/** realized savings in the year, every initiative */
		realizedYear: list.reduce((a, i) => addSplit(a, i.realizedYear), NO_SAVINGS),
		/** the lowest and highest hourly cost the started initiatives' hours are valued at */
		hourlyRates: rates.length
			? {
					min: rates.reduce((a, r) => (r < a ? r : a)),
					max: rates.reduce((a, r) => (r > a ? r : a))
				}
			: null,
		/** initiatives with a money flag */
		flagged: list
			.filter((i) => i.flags.length)
			.map((i) => ({ id: i.id, code: i.code, name: i.name, flags: i.flags }))
	};
}

export type PortfolioTotals = ReturnType<typeof portfolioTotals>;

/** Months of year `y` in which the initiative was running, up to `today`'s month. */
function monthsRunning(since: string | null, y: number, today: string): number {
	if (!since) return 0;
	const start = Math.max(Number(since.slice(0, 4)) * 12 + Number(since.slice(5, 7)) - 1, y * 12);
	const end = Math.min(Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1, y * 12 + 11);
	return Math.max(0, end - start + 1);
}

export async function get(db: Executor, id: number, today: string): Promise<InitiativeDetail> {
	const row = (await repo.initiativeRows(db)).find((r) => r.id === id);
	if (!row) throw new NotFoundError('initiative');
	const year = Number(today.slice(0, 4));
	const [budgets, entries, savingRows, costs, history, links, spendMonths] = await Promise.all([
		repo.budgetRows(db).then((b) => b.filter((x) => x.initiative_id === id)),
		repo.spendEntries(db, id),
		repo.savingRows(db, id),
		loadHourlyCosts(db),
		repo.historyRows(db, id),
		repo.links(db, id),
		repo.spendByMonth(db).then((s) => s.filter((x) => x.initiative_id === id))
	]);
	const savings = savingRows.map((s) => valueSaving(s, costs, row.valuation_org_unit_id));
	const summary = summarise(row, budgets, spendMonths, savings, history, costs, year);
	const savingMonths: MonthAmount[] = savings.map((s) => ({
		month: s.periodEnd,
		amount: s.amount + (s.hoursValue ?? 0n)
	}));
	const cash = cumulativeCash(
		spendMonths.map((s) => ({ month: s.month, amount: s.amount })),
		savingMonths
	);

	// Expected savings count from the month the initiative went into progress (or its first
	// recorded saving), pro rata per month, up to today.
	const started = history.find((h) => h.to_status === 'in_progress');
	const startedOn = started
		? started.changed_at.toISOString().slice(0, 10)
		: (savings[0]?.periodStart ?? null);
	const years = new Set<number>([...budgets.map((b) => b.year)]);
	for (const e of entries) years.add(Number(e.month.slice(0, 4)));
	for (const s of savings) years.add(Number(s.periodEnd.slice(0, 4)));
	const comparison: YearComparison[] = [...years]
		.sort((a, b) => a - b)
		.map((y) => {
			const months = row.status === 'cancelled' ? 0 : monthsRunning(startedOn, y, today);
			return {
				year: y,
				budget: budgets.find((b) => b.year === y)?.amount ?? 0n,
				spend: entries
					.filter((e) => e.month.startsWith(String(y)))
					.reduce((a, e) => a + e.amount, 0n),
				expected: months ? divRound(summary.expected.total * BigInt(months), 12n) : null,
				realized: savings
					.filter((s) => s.periodEnd.startsWith(String(y)))
					.reduce((a, s) => a + s.amount + (s.hoursValue ?? 0n), 0n)
			};
		});
	const expectedToDate = comparison.reduce((a, c) => a + (c.expected ?? 0n), 0n);

	return {
		...summary,
		description: row.description,
		valuationOrgUnitId: row.valuation_org_unit_id,
		budgets: budgets.map((b) => ({ year: b.year, amount: b.amount })),
		entries: entries.map((e) => ({
			id: e.id,
			month: e.month,
			amount: e.amount,
			polozka: e.polozka,
			text: e.text,
			orgUnitCode: e.org_unit_code
		})),
		savings,
		history: history.map((h) => ({
			fromStatus: h.from_status,
			toStatus: h.to_status,
			userName: h.user_name,
			note: h.note,
			changedAt: h.changed_at
		})),
		...links,
		roi: roi(summary.investment, summary.expected.total),
		cash,
		years: comparison,
		realizedShare: ratio(summary.realized, expectedToDate),
		allowedTransitions: TRANSITIONS[row.status]
	};
}

export const linkOptions = repo.linkOptions;

/** Every initiative's budget of one year (the monthly report). */
export const budgetsOfYear = repo.budgetsOfYear;

function auditView(row: {
	code: string;
	name: string;
	description: string | null;
	owner_user_id: number | null;
	status: string;
	expected_savings_czk: bigint;
	expected_savings_hours: string;
	valuation_org_unit_id: number | null;
	activity_id: number | null;
}) {
	return {
		code: row.code,
		name: row.name,
		description: row.description,
		ownerUserId: row.owner_user_id,
		status: row.status,
		expectedSavingsCzk: row.expected_savings_czk,
		expectedSavingsHours: row.expected_savings_hours,
		valuationOrgUnitId: row.valuation_org_unit_id,
		activityId: row.activity_id
	};
}

/** The audit record of a change to a initiative. */
const change = auditedAs('initiative');

/** The columns an initiative's form sets, on create and on edit alike. */
function initiativeColumns(input: InitiativeInput) {
	return {
		code: input.code,
		name: input.name,
		description: input.description,
		owner_user_id: input.ownerUserId,
		expected_savings_czk: input.expectedCzk,
		expected_savings_hours: input.expectedHours,
		valuation_org_unit_id: input.valuationOrgUnitId,
		activity_id: input.activityId
	};
}

export async function create(db: Db, actor: SessionUser, input: InitiativeInput): Promise<number> {
	return db.transaction().execute((trx) => insert(trx, actor, input));
}

/**
 * Creates an initiative inside the caller's transaction (another area, e.g. a CAF improvement
 * action turned into an initiative, links it in the same commit).
 */
export async function insert(
	trx: Executor,
	actor: SessionUser,
	input: InitiativeInput
): Promise<number> {
	const row = await createAudited(trx, 'initiative', {
		change: change(actor, 'create'),
		values: initiativeColumns(input),
		view: auditView,
		check: () => assertCodeFree(trx, 'initiative', input.code, null, 'programme_error_code_taken')
	});
	await repo.insertStatusChange(trx, {
		initiative_id: row.id,
		from_status: null,
		to_status: row.status,
		user_id: actor.id
	});
	return row.id;
}

export const update: EditRecord<InitiativeInput> = async (
	db,
	actor,
	id,
	expectedVersion,
	input
) => {
	await editAudited(db, 'initiative', id, expectedVersion, {
		change: change(actor, 'update'),
		view: auditView,
		check: (trx) => assertCodeFree(trx, 'initiative', input.code, id, 'programme_error_code_taken'),
		values: () => initiativeColumns(input)
	});
};

/**
 * Moves an initiative along proposed → approved → in progress → done (or cancelled). Approval
 * needs `initiatives.approve` (managers only), every other change `initiatives.edit`.
 */
export async function changeStatus(
	db: Db,
	actor: SessionUser,
	id: number,
	expectedVersion: number,
	to: InitiativeStatus,
	note: string | null
): Promise<void> {
	const needed = to === 'approved' ? 'initiatives.approve' : 'initiatives.edit';
	if (!can(actor.role, needed)) throw new ForbiddenError(needed);
	await db.transaction().execute(async (trx) => {
		const { before } = await editAudited(trx, 'initiative', id, expectedVersion, {
			change: change(actor, to === 'approved' ? 'approve' : 'status'),
			view: (r) => ({ status: r.status }),
			current: auditView,
			check: (_, row) => {
				if (!TRANSITIONS[row.status].includes(to)) {
					throw new ValidationError({ status: 'programme_error_transition' });
				}
			},
			values: () => ({ status: to }),
			after: (saved) => ({ status: saved.status, note })
		});
		await repo.insertStatusChange(trx, {
			initiative_id: id,
			from_status: before.status,
			to_status: to,
			user_id: actor.id,
			note
		});
		// Its spending is improvement investment from approval on: the ledger follows the status.
		await reclassifyLines(trx, sql`l.initiative_id = ${id}`);
	});
}

/** Sets the budget of one year (0 removes it). The initiative's version guards the change. */
export async function setBudget(
	db: Db,
	actor: SessionUser,
	id: number,
	expectedVersion: number,
	year: number,
	amount: bigint
): Promise<void> {
	if (amount < 0n) throw new ValidationError({ amount: 'programme_error_negative' });
	await changeAudited(db, 'initiative', id, expectedVersion, {
		change: change(actor, 'budget'),
		current: auditView,
		touch: true,
		work: async (trx) => {
			const before = await repo.findBudget(trx, id, year);
			if (amount === 0n) await repo.deleteBudget(trx, id, year);
			else await repo.upsertBudget(trx, id, year, amount);
			return { before: { year, amount: before?.amount ?? 0n }, after: { year, amount } };
		}
	});
}

export async function recordSaving(
	db: Db,
	actor: SessionUser,
	id: number,
	input: SavingInput
): Promise<number> {
	const { savingId } = await changeAudited(db, 'initiative', id, null, {
		change: change(actor, 'saving'),
		work: async (trx) => {
			const row = await repo.insertSaving(trx, {
				initiative_id: id,
				period_start: input.periodStart,
				period_end: input.periodEnd,
				amount: input.amount,
				hours: input.hours,
				evidence: input.evidence,
				recorded_by: actor.id
			});
			return { savingId: row.id, after: { savingId: row.id, ...input } };
		}
	});
	return savingId;
}

/** Replaces the goals, processes and KPIs an initiative is linked to. */
export async function setLinks(
	db: Db,
	actor: SessionUser,
	id: number,
	expectedVersion: number,
	input: LinksInput
): Promise<void> {
	await changeAudited(db, 'initiative', id, expectedVersion, {
		change: change(actor, 'links'),
		current: auditView,
		touch: true,
		work: async (trx) => {
			// Ids come from checkboxes; refuse any that no longer exist rather than fail on a key.
			for (const [table, ids] of [
				['goal', input.goalIds],
				['process', input.processIds],
				['kpi', input.kpiIds]
			] as const) {
				if (!ids.length) continue;
				if ((await repo.countExisting(trx, table, ids)) !== ids.length) {
					throw new ValidationError({ links: 'error_choice' });
				}
			}
			const before = await repo.links(trx, id);
			await repo.replaceLinks(trx, id, input);
			return {
				before: {
					goalIds: before.goals.map((g) => g.id),
					processIds: before.processes.map((p) => p.id),
					kpiIds: before.kpis.map((k) => k.id)
				},
				after: input
			};
		}
	});
}

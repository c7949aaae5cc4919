// Read models of the API: small queries over the spine tables every area shares. Money leaves as
// exact decimal strings of CZK ("1234.50"), never as floats.
import { czkText } from '../../money';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import type { CostNature } from '../db/schema';
import * as costsService from '../costs/costs.service';
import * as initiativesService from '../initiatives/initiatives.service';
import * as kpiService from '../kpis/kpis.service';
import * as programme from '../programme/programme.service';
import { amountSum } from '../db/sums';

export async function goals(db: Executor) {
	const rows = await db
		.selectFrom('goal')
		.leftJoin('app_user', 'app_user.id', 'goal.owner_user_id')
		.select([
			'goal.id',
			'goal.code',
			'goal.name',
			'goal.level',
			'goal.parent_id',
			'app_user.display_name as owner'
		])
		.orderBy('goal.code')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		code: r.code,
		name: r.name,
		level: r.level,
		parentId: r.parent_id,
		owner: r.owner
	}));
}

export async function processes(db: Executor, year: number | null) {
	const rows = await db
		.selectFrom('process')
		.leftJoin('org_unit', 'org_unit.id', 'process.org_unit_id')
		.leftJoin('app_user', 'app_user.id', 'process.owner_user_id')
		.select([
			'process.id',
			'process.code',
			'process.name',
			'process.kind',
			'process.status',
			'org_unit.code as org_unit',
			'app_user.display_name as owner'
		])
		.orderBy('process.code')
		.execute();
	let yearsQuery = db
		.selectFrom('process_year')
		.select(['process_id', 'year', 'volume', 'fte', 'lead_time_days'])
		.orderBy('year');
	// Full and unit cost come from the costs area's aggregate, never from the ledger.
	let costsQuery = db
		.selectFrom('process_cost_year')
		.select(['process_id', 'year', 'direct', 'allocated', 'full_cost', 'unit_cost'])
		.where('kind', '=', 'actual');
	if (year !== null) {
		yearsQuery = yearsQuery.where('year', '=', year);
		costsQuery = costsQuery.where('year', '=', year);
	}
	const [years, costs] = await Promise.all([yearsQuery.execute(), costsQuery.execute()]);
	const costOf = new Map(costs.map((c) => [`${c.process_id}:${c.year}`, c]));
	return rows.map((r) => {
		const own = years.filter((y) => y.process_id === r.id);
		const yearSet = new Set([
			...own.map((y) => y.year),
			...costs.filter((c) => c.process_id === r.id).map((c) => c.year)
		]);
		return {
			id: r.id,
			code: r.code,
			name: r.name,
			kind: r.kind,
			status: r.status,
			orgUnit: r.org_unit,
			owner: r.owner,
			years: [...yearSet]
				.sort((a, b) => a - b)
				.map((y) => {
					const py = own.find((o) => o.year === y);
					const c = costOf.get(`${r.id}:${y}`);
					return {
						year: y,
						volume: py?.volume ?? null,
						fte: py?.fte ?? null,
						leadTimeDays: py?.lead_time_days ?? null,
						directCost: c ? czkText(c.direct) : null,
						allocatedCost: c ? czkText(c.allocated) : null,
						fullCost: c ? czkText(c.full_cost) : null,
						unitCost: c?.unit_cost != null ? czkText(c.unit_cost) : null
					};
				})
		};
	});
}

export interface CostSummaryRow {
	year: number;
	kind: 'actual' | 'budget';
	nature: CostNature;
	amount: bigint;
}

/** Totals per year, kind (actual, budget) and nature, from the costs area's monthly aggregate. */
export async function costSummary(db: Executor, year: number | null): Promise<CostSummaryRow[]> {
	let query = db
		.selectFrom('cost_month_summary')
		.select(['year', 'kind', 'nature', amountSum])
		.groupBy(['year', 'kind', 'nature'])
		.orderBy('year')
		.orderBy('kind')
		.orderBy('nature');
	if (year !== null) query = query.where('year', '=', year);
	const rows = await query.execute();
	return rows.map((r) => ({
		year: r.year,
		kind: r.kind,
		nature: r.nature,
		amount: BigInt(r.amount)
	}));
}

/** Initiatives with budget, spending from the ledger, savings and payback (programme area rules). */
export async function initiatives(db: Executor, year: number) {
	const list = await initiativesService.list(db, year);
	return list.map((i) => ({
		id: i.id,
		code: i.code,
		name: i.name,
		status: i.status,
		owner: i.ownerName,
		budget: czkText(i.budgetTotal),
		actualSpending: czkText(i.spend),
		expectedSavingsPerYear: czkText(i.expected.total),
		realizedSavings: czkText(i.realized),
		paybackMonths: i.paybackMonths === null ? null : Number(i.paybackMonths)
	}));
}

/** Milestones with their status and slip (programme area rules). */
export async function milestones(db: Executor, today: string) {
	const list = await programme.allMilestones(db, today);
	return list.map((m) => ({
		id: m.id,
		activity: m.activityCode,
		name: m.name,
		owner: m.ownerName,
		baselineDue: m.baselineDue,
		currentDue: m.currentDue,
		doneDate: m.doneDate,
		status: m.status,
		slipDays: m.slip,
		predecessorIds: m.predecessorIds
	}));
}

/** KPIs with every target and actual up to the year, and each period's status (goals area rules). */
export async function kpisWithSeries(db: Executor, year: number) {
	const list = await kpiService.listWithSeries(db, year, { fromYear: null });
	return list.map((k) => ({
		id: k.id,
		code: k.code,
		name: k.name,
		goalId: k.goalId,
		unit: k.unit,
		direction: k.direction,
		frequency: k.frequency,
		baseline: k.baseline,
		responsible: k.responsibleName,
		periods: k.periods.map((p) => ({
			period: p.period,
			target: p.target,
			targetMax: p.targetMax,
			tolerance: p.tolerance,
			actual: p.actual,
			status: p.status
		}))
	}));
}

/** A page of the audit log, newest first, read through the audit area's own query. */
export async function auditEvents(db: Executor, limit: number, before: bigint | null) {
	const rows = await audit.list(db, { limit, before: before ?? undefined });
	return rows.map((r) => ({
		id: r.id.toString(),
		occurredAt: r.occurred_at.toISOString(),
		action: r.action,
		entity: r.entity,
		entityId: r.entity_id,
		username: r.username
	}));
}

/** The investment share per year with its parts, by the costs area's one definition. */
export async function investmentShare(db: Executor, years: number[]) {
	const rows = await costsService.investmentShare(db, years);
	return rows.map((r) => ({
		year: r.year,
		improvement: czkText(r.investment),
		operating: czkText(r.operating),
		capital: czkText(r.capital),
		sharePercent: costsService.sharePercentText(r)
	}));
}

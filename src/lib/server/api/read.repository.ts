// Read models of the API: small queries over the spine tables every area shares. Money leaves as
// exact decimal strings of CZK ("1234.50"), never as floats.
import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import { divRound } from '../../money';

/** Haléře → "1234.50" (exact; JSON has no bigint). */
export function czk(h: bigint): string {
	const negative = h < 0n;
	const abs = negative ? -h : h;
	return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

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

export async function kpis(db: Executor) {
	const rows = await db
		.selectFrom('kpi')
		.leftJoin('app_user', 'app_user.id', 'kpi.responsible_user_id')
		.select([
			'kpi.id',
			'kpi.code',
			'kpi.name',
			'kpi.goal_id',
			'app_user.display_name as responsible'
		])
		.orderBy('kpi.code')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		code: r.code,
		name: r.name,
		goalId: r.goal_id,
		responsible: r.responsible
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
	if (year !== null) yearsQuery = yearsQuery.where('year', '=', year);
	const costs = await processDirectCosts(db, year);
	const years = await yearsQuery.execute();
	return rows.map((r) => ({
		id: r.id,
		code: r.code,
		name: r.name,
		kind: r.kind,
		status: r.status,
		orgUnit: r.org_unit,
		owner: r.owner,
		years: years
			.filter((y) => y.process_id === r.id)
			.map((y) => {
				const direct = costs.get(`${r.id}:${y.year}`) ?? 0n;
				return {
					year: y.year,
					volume: y.volume,
					fte: y.fte,
					leadTimeDays: y.lead_time_days,
					directCost: czk(direct),
					unitDirectCost: y.volume ? czk(divRound(direct, BigInt(y.volume))) : null
				};
			})
	}));
}

/** Actual costs booked directly on processes, per process and year. */
async function processDirectCosts(db: Executor, year: number | null) {
	let query = db
		.selectFrom('cost_entry')
		.select([
			'process_id',
			sql<number>`extract(year from month)::int`.as('year'),
			sql<bigint>`sum(amount)::bigint`.as('amount')
		])
		.where('kind', '=', 'actual')
		.where('process_id', 'is not', null)
		.groupBy(['process_id', sql`extract(year from month)`]);
	if (year !== null) {
		query = query.where('month', '>=', `${year}-01-01`).where('month', '<', `${year + 1}-01-01`);
	}
	const map = new Map<string, bigint>();
	for (const r of await query.execute()) map.set(`${r.process_id}:${r.year}`, BigInt(r.amount));
	return map;
}

export interface CostSummaryRow {
	year: number;
	kind: 'actual' | 'budget';
	nature: 'fixed' | 'variable' | 'investment';
	amount: bigint;
}

/** Totals per year, kind (actual, budget) and nature. */
export async function costSummary(db: Executor, year: number | null): Promise<CostSummaryRow[]> {
	let query = db
		.selectFrom('cost_entry')
		.select([
			sql<number>`extract(year from month)::int`.as('year'),
			'kind',
			'nature',
			sql<bigint>`sum(amount)::bigint`.as('amount')
		])
		.groupBy([sql`extract(year from month)`, 'kind', 'nature'])
		.orderBy(sql`extract(year from month)`)
		.orderBy('kind')
		.orderBy('nature');
	if (year !== null) {
		query = query.where('month', '>=', `${year}-01-01`).where('month', '<', `${year + 1}-01-01`);
	}
	const rows = await query.execute();
	return rows.map((r) => ({
		year: r.year,
		kind: r.kind,
		nature: r.nature,
		amount: BigInt(r.amount)
	}));
}

export async function initiatives(db: Executor) {
	const rows = await db
		.selectFrom('initiative')
		.leftJoin('app_user', 'app_user.id', 'initiative.owner_user_id')
		.select([
			'initiative.id',
			'initiative.code',
			'initiative.name',
			'initiative.status',
			'app_user.display_name as owner'
		])
		.orderBy('initiative.code')
		.execute();
	const spent = await db
		.selectFrom('cost_entry')
		.select(['initiative_id', sql<bigint>`sum(amount)::bigint`.as('amount')])
		.where('kind', '=', 'actual')
		.where('initiative_id', 'is not', null)
		.groupBy('initiative_id')
		.execute();
	const spentBy = new Map(spent.map((s) => [s.initiative_id, BigInt(s.amount)]));
	return rows.map((r) => ({
		id: r.id,
		code: r.code,
		name: r.name,
		status: r.status,
		owner: r.owner,
		actualSpending: czk(spentBy.get(r.id) ?? 0n)
	}));
}

export async function auditEvents(db: Executor, limit: number, before: bigint | null) {
	let query = db
		.selectFrom('audit_event')
		.leftJoin('app_user', 'app_user.id', 'audit_event.user_id')
		.select([
			'audit_event.id',
			'audit_event.occurred_at',
			'audit_event.action',
			'audit_event.entity',
			'audit_event.entity_id',
			'app_user.username'
		])
		.orderBy('audit_event.id', 'desc')
		.limit(limit);
	if (before !== null) query = query.where('audit_event.id', '<', before);
	const rows = await query.execute();
	return rows.map((r) => ({
		id: r.id.toString(),
		occurredAt: r.occurred_at.toISOString(),
		action: r.action,
		entity: r.entity,
		entityId: r.entity_id,
		username: r.username
	}));
}

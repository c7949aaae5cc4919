// The starting point of a what-if: a process's booked costs for a year, read from the costs
// area's aggregates (direct costs by nature, each step of its overhead allocation).
import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import type { WhatIfBase } from '../../overview/what-if';
import { NotFoundError } from '../shared/errors';
import { toScaled } from '../../decimal';

function fteHundredths(fte: string | null): bigint {
	return toScaled(fte ?? '0') / 100n;
}

export async function whatIfBase(db: Executor, processId: number, year: number) {
	const process = await db
		.selectFrom('process')
		.select(['id', 'code', 'name', 'kind'])
		.where('id', '=', processId)
		.executeTakeFirst();
	if (!process) throw new NotFoundError('process');
	const [yearRow, direct, steps, kpis] = await Promise.all([
		db
			.selectFrom('process_year')
			.select(['volume', 'fte'])
			.where('process_id', '=', processId)
			.where('year', '=', year)
			.executeTakeFirst(),
		db
			.selectFrom('cost_month_summary')
			.select(['nature', sql<bigint>`sum(amount)::bigint`.as('amount')])
			.where('year', '=', year)
			.where('kind', '=', 'actual')
			.where('process_id', '=', processId)
			.groupBy('nature')
			.execute(),
		db
			.selectFrom('process_cost_allocation as a')
			.innerJoin('org_unit as u', 'u.id', 'a.org_unit_id')
			.select(['a.org_unit_id', 'u.name', 'a.pool', 'a.percent', 'a.key_source', 'a.amount'])
			.where('a.year', '=', year)
			.where('a.kind', '=', 'actual')
			.where('a.process_id', '=', processId)
			.orderBy('u.name')
			.execute(),
		db
			.selectFrom('kpi')
			.leftJoin('kpi_target as t', (j) =>
				j.onRef('t.kpi_id', '=', 'kpi.id').on('t.period', '=', String(year))
			)
			.select([
				'kpi.id',
				'kpi.code',
				'kpi.name',
				'kpi.goal_id',
				'kpi.direction',
				't.target',
				't.target_max',
				't.tolerance'
			])
			.where('kpi.source_process_id', '=', processId)
			.execute()
	]);
	// The FTE behind each FTE-keyed share: every process in that unit's key for the year.
	const fteUnits = steps.filter((s) => s.key_source === 'fte').map((s) => s.org_unit_id);
	const keyFte = new Map<number, bigint>();
	if (fteUnits.length) {
		const members = await db
			.selectFrom('process_cost_allocation as a')
			.leftJoin('process_year as y', (j) =>
				j.onRef('y.process_id', '=', 'a.process_id').on('y.year', '=', year)
			)
			.select(['a.org_unit_id', 'y.fte'])
			.where('a.year', '=', year)
			.where('a.kind', '=', 'actual')
			.where('a.org_unit_id', 'in', fteUnits)
			.execute();
		for (const m of members) {
			keyFte.set(m.org_unit_id, (keyFte.get(m.org_unit_id) ?? 0n) + fteHundredths(m.fte));
		}
	}
	const byNature = new Map(direct.map((d) => [d.nature, BigInt(d.amount)]));
	const base: WhatIfBase = {
		volume: yearRow?.volume ?? null,
		fte: fteHundredths(yearRow?.fte ?? null),
		direct: {
			fixed: byNature.get('fixed') ?? 0n,
			variable: byNature.get('variable') ?? 0n,
			investment: byNature.get('investment') ?? 0n
		},
		allocations: steps.map((s) => ({
			orgUnitId: s.org_unit_id,
			orgUnitName: s.name,
			pool: s.pool,
			share: toScaled(s.percent),
			keySource: s.key_source,
			keyFte: keyFte.get(s.org_unit_id) ?? 0n,
			amount: s.amount
		}))
	};
	return {
		process,
		year,
		hasCosts: direct.length > 0 || steps.length > 0,
		base,
		/** KPIs computed from this process's unit cost (CZK), with the year's target. */
		unitCostKpis: kpis.map((k) => ({
			id: k.id,
			code: k.code,
			name: k.name,
			goalId: k.goal_id,
			direction: k.direction,
			target: k.target,
			targetMax: k.target_max,
			tolerance: k.tolerance
		}))
	};
}

// The starting point of a what-if: a process's booked costs for a year, read from the costs
// area's aggregates (direct costs by nature, each step of its overhead allocation).
import type { Executor } from '../audit/audit';
import type { WhatIfBase } from '../../overview/what-if';
import { NotFoundError } from '../shared/errors';
import { toScaled } from '../../decimal';
import * as repo from './overview.repository';

function fteHundredths(fte: string | null): bigint {
	return toScaled(fte ?? '0') / 100n;
}

export async function whatIfBase(db: Executor, processId: number, year: number) {
	const process = await repo.processHead(db, processId);
	if (!process) throw new NotFoundError('process');
	const [yearRow, direct, steps, kpis] = await Promise.all([
		repo.processYear(db, processId, year),
		repo.directByNature(db, processId, year),
		repo.allocationSteps(db, processId, year),
		repo.unitCostKpis(db, processId, year)
	]);
	// The FTE behind each FTE-keyed share: every process in that unit's key for the year.
	const fteUnits = steps.filter((s) => s.key_source === 'fte').map((s) => s.org_unit_id);
	const keyFte = new Map<number, bigint>();
	if (fteUnits.length) {
		for (const m of await repo.keyMembersFte(db, fteUnits, year)) {
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
			// Neither improvement nor capital spending follows the volume of cases.
			investment: (byNature.get('investment') ?? 0n) + (byNature.get('capital') ?? 0n)
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

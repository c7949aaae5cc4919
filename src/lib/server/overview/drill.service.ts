// Drill-down from a goal: the processes that carry it (and its sub-goals) with their full and
// unit cost, the KPIs that measure it, and the initiatives that improve those processes.
import type { Executor } from '../audit/audit';
import * as goals from '../goals/goals.service';
import * as kpis from '../kpis/kpis.service';
import { kpiLine } from '../kpis/kpis';
import * as repo from './overview.repository';
import { processFigures } from './overview.service';

export async function goalDrill(db: Executor, goalId: number, year: number) {
	const goal = await goals.get(db, goalId, year);
	const tree = await goals.tree(db, year);
	// The goal and everything below it: a strategic goal is carried by its objectives' processes.
	const below = new Set([goalId]);
	for (let grown = true; grown;) {
		grown = false;
		for (const g of tree) {
			if (g.parentId !== null && below.has(g.parentId) && !below.has(g.id)) {
				below.add(g.id);
				grown = true;
			}
		}
	}
	const links = await repo.goalProcessLinks(db, [...below]);
	const processIds = [...new Set(links.map((l) => l.process_id))];
	const [figures, initiativeLinks, unitCostKpis] = await Promise.all([
		processFigures(db, year, { ids: processIds }),
		repo.initiativesOfProcesses(db, processIds),
		repo.kpisFromProcesses(db, processIds)
	]);
	const goalInitiatives = await repo.initiativesOfGoals(db, [...below]);
	const byId = new Map(figures.map((f) => [f.id, f]));
	const goalName = new Map(tree.map((g) => [g.id, `${g.code} ${g.name}`]));
	const processes = processIds
		.map((id) => {
			const f = byId.get(id);
			const own = links.filter((l) => l.process_id === id);
			return {
				id,
				code: f?.code ?? '',
				name: f?.name ?? '',
				kind: f?.kind ?? 'core',
				fullCost: f?.fullCost ?? null,
				passedOn: f?.passedOn ?? 0n,
				unitCost: f?.unitCost ?? null,
				volume: f?.volume ?? null,
				potential: f?.potential ?? null,
				goals: own.map((l) => ({
					id: l.goal_id,
					name: goalName.get(l.goal_id) ?? '',
					weight: l.weight
				})),
				kpis: unitCostKpis
					.filter((k) => k.source_process_id === id)
					.map((k) => ({ id: k.id, code: k.code, name: k.name, goalId: k.goal_id })),
				initiatives: initiativeLinks
					.filter((i) => i.process_id === id)
					.map((i) => ({ id: i.id, code: i.code, name: i.name, status: i.status }))
			};
		})
		// The costliest first: where the money of this goal goes.
		.sort((a, b) => {
			const x = a.fullCost ?? -1n;
			const y = b.fullCost ?? -1n;
			return y > x ? 1 : y < x ? -1 : a.code.localeCompare(b.code);
		});
	return {
		goal: {
			id: goal.id,
			code: goal.code,
			name: goal.name,
			level: goal.level,
			status: goal.status,
			redKpis: goal.redKpis,
			ancestors: goal.ancestors,
			children: goal.children.map((c) => ({
				id: c.id,
				code: c.code,
				name: c.name,
				status: c.status,
				redKpis: c.redKpis
			}))
		},
		kpis: (await kpis.inYear(db, year, { goalIds: [...below] })).map(kpiLine),
		processes,
		initiatives: goalInitiatives
	};
}

/**
 * Drill-down from a process: what it cost in the year (full, direct, allocated, per case), the
 * KPIs computed from it and the initiatives that improve it — so the card links on to costs and
 * investments rather than ending at the process.
 */
export async function processDrill(db: Executor, processId: number, year: number) {
	const [cost, unitCostKpis, initiatives] = await Promise.all([
		repo.processCost(db, processId, year),
		repo.kpisFromProcess(db, processId),
		repo.initiativesOfProcess(db, processId)
	]);
	return {
		cost: cost
			? {
					direct: cost.direct,
					allocated: cost.allocated,
					passedOn: cost.passed_on,
					fullCost: cost.full_cost,
					volume: cost.volume,
					unitCost: cost.unit_cost
				}
			: null,
		kpis: unitCostKpis,
		initiatives
	};
}

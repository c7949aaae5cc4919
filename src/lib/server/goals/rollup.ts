import type { KpiStatus } from '../../kpi-status';

/**
 * A goal's status rolls up from its KPIs and its sub-goals, by one rule a mayor can say in a
 * sentence (shown on /goals, the goal page and the overview): **a goal is as good as its worst KPI
 * or sub-goal** — one KPI off target makes it off target, one within tolerance (and none off)
 * within tolerance, and it is on target only when every KPI and sub-goal with data is.
 * Items without data are left out; a goal with no item with data has no data.
 * A manual override, which needs a comment, replaces the computed status (both are shown), but
 * never turns a goal with an off-target item into plain on target: it is within tolerance at best.
 */
const RANK: Record<KpiStatus, number> = {
	no_data: -1,
	on_target: 0,
	within_tolerance: 1,
	off_target: 2
};

/** The worst status among the items with data (worst-of), or no data. */
export function rollUp(statuses: readonly KpiStatus[]): KpiStatus {
	let worst: KpiStatus = 'no_data';
	for (const s of statuses) if (RANK[s] > RANK[worst]) worst = s;
	return worst;
}

/** The override as shown: it may soften red to within tolerance, never to on target. */
export function withOverride(
	computed: KpiStatus,
	override: Exclude<KpiStatus, 'no_data'> | null
): KpiStatus {
	if (override === null) return computed;
	return computed === 'off_target' && override === 'on_target' ? 'within_tolerance' : override;
}

export interface GoalNode {
	id: number;
	parentId: number | null;
	override: Exclude<KpiStatus, 'no_data'> | null;
	kpiStatuses: KpiStatus[];
	/** the processes linked to the goal itself */
	processIds?: readonly number[];
}

export interface RolledUp {
	computed: KpiStatus;
	effective: KpiStatus;
	/** off-target KPIs of the goal and all its sub-goals */
	redKpis: number;
	/** distinct processes serving the goal or any of its sub-goals */
	processCount: number;
}

/** Computed (before override) and effective (after override) status of every goal in a forest. */
export function rollUpTree(goals: readonly GoalNode[]): Map<number, RolledUp> {
	const children = new Map<number, GoalNode[]>();
	for (const g of goals) {
		if (g.parentId === null) continue;
		const list = children.get(g.parentId) ?? [];
		list.push(g);
		children.set(g.parentId, list);
	}
	const result = new Map<number, RolledUp & { processes: Set<number> }>();
	const visiting = new Set<number>();
	const visit = (g: GoalNode): (RolledUp & { processes: Set<number> }) | null => {
		const done = result.get(g.id);
		if (done) return done;
		if (visiting.has(g.id)) return null; // a cycle cannot be stored; guard anyway
		visiting.add(g.id);
		const subs = (children.get(g.id) ?? []).map(visit).filter((s) => s !== null);
		const computed = rollUp([...g.kpiStatuses, ...subs.map((s) => s.effective)]);
		const processes = new Set(g.processIds ?? []);
		for (const s of subs) for (const p of s.processes) processes.add(p);
		const node = {
			computed,
			effective: withOverride(computed, g.override),
			redKpis:
				g.kpiStatuses.filter((s) => s === 'off_target').length +
				subs.reduce((n, s) => n + s.redKpis, 0),
			processCount: processes.size,
			processes
		};
		result.set(g.id, node);
		visiting.delete(g.id);
		return node;
	};
	goals.forEach(visit);
	return new Map(
		[...result].map(([id, { computed, effective, redKpis, processCount }]) => [
			id,
			{ computed, effective, redKpis, processCount }
		])
	);
}

/** Would making `parentId` the parent of `goalId` close a loop? `parents` maps id → parent id. */
export function createsCycle(
	goalId: number,
	parentId: number | null,
	parents: ReadonlyMap<number, number | null>
): boolean {
	let current: number | null = parentId;
	const seen = new Set<number>();
	while (current !== null) {
		if (current === goalId) return true;
		if (seen.has(current)) return true;
		seen.add(current);
		current = parents.get(current) ?? null;
	}
	return false;
}

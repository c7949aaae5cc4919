import type { KpiStatus } from '../../kpi-status';

/**
 * A goal's status rolls up from its KPIs and its sub-goals (documented on /goals):
 *
 * Each KPI counts with its latest status in the year, each sub-goal with its own (rolled-up or
 * overridden) status. Items without data are left out. The points are on target = 2, within
 * tolerance = 1, off target = 0; the goal is
 * - on target when the average is at least 1.5,
 * - within tolerance when it is at least 0.75,
 * - off target below that,
 * - no data when no item has data.
 * A manual override, which needs a comment, replaces the computed status (both are shown).
 */
export const POINTS: Record<Exclude<KpiStatus, 'no_data'>, number> = {
	on_target: 2,
	within_tolerance: 1,
	off_target: 0
};
export const ON_TARGET_FROM = 1.5;
export const WITHIN_FROM = 0.75;

export function rollUp(statuses: readonly KpiStatus[]): KpiStatus {
	const scored = statuses.filter((s): s is Exclude<KpiStatus, 'no_data'> => s !== 'no_data');
	if (scored.length === 0) return 'no_data';
	// Compare sums, not float averages: sum ≥ 1.5 n ⇔ 2 sum ≥ 3 n.
	const sum = scored.reduce((acc, s) => acc + POINTS[s], 0);
	const n = scored.length;
	if (sum * 2 >= n * 3) return 'on_target';
	if (sum * 4 >= n * 3) return 'within_tolerance';
	return 'off_target';
}

export interface GoalNode {
	id: number;
	parentId: number | null;
	override: Exclude<KpiStatus, 'no_data'> | null;
	kpiStatuses: KpiStatus[];
}

/** Computed (before override) and effective (after override) status of every goal in a forest. */
export function rollUpTree(
	goals: readonly GoalNode[]
): Map<number, { computed: KpiStatus; effective: KpiStatus }> {
	const children = new Map<number, GoalNode[]>();
	for (const g of goals) {
		if (g.parentId === null) continue;
		const list = children.get(g.parentId) ?? [];
		list.push(g);
		children.set(g.parentId, list);
	}
	const result = new Map<number, { computed: KpiStatus; effective: KpiStatus }>();
	const visiting = new Set<number>();
	const visit = (g: GoalNode): KpiStatus => {
		const done = result.get(g.id);
		if (done) return done.effective;
		if (visiting.has(g.id)) return 'no_data'; // a cycle cannot be stored; guard anyway
		visiting.add(g.id);
		const childStatuses = (children.get(g.id) ?? []).map(visit);
		const computed = rollUp([...g.kpiStatuses, ...childStatuses]);
		const effective = g.override ?? computed;
		result.set(g.id, { computed, effective });
		visiting.delete(g.id);
		return effective;
	};
	goals.forEach(visit);
	return result;
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

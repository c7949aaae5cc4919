// The pure rules of allocation: one pool spread by weights (exact to the haléř, largest remainder,
// and a pool whose weights add up to nothing stays unallocated instead of being divided by zero),
// and staged allocation: support processes passed on, in the order the clerk set, to the
// processes they serve, with cycles and an order that would strand a cost refused.
import { allocate } from '../../money';

export interface Weight {
	processId: number;
	/** any non-negative integer weight (FTE × 100, a driver's value × 10⁴, a percent × 10⁴) */
	weight: bigint;
}

export interface PoolResult {
	shares: { processId: number; weight: bigint; amount: bigint }[];
	/** what could not be spread: the whole pool when the weights add up to zero */
	unallocated: bigint;
}

/** Spreads `amount` over the weights; the shares add up to `amount` exactly, or stay unallocated. */
export function spread(amount: bigint, weights: readonly Weight[]): PoolResult {
	const sum = weights.reduce((a, w) => a + w.weight, 0n);
	if (sum <= 0n) {
		return { shares: weights.map((w) => ({ ...w, amount: 0n })), unallocated: amount };
	}
	const amounts = allocate(
		amount,
		weights.map((w) => w.weight)
	);
	return { shares: weights.map((w, i) => ({ ...w, amount: amounts[i] })), unallocated: 0n };
}

export interface Stage {
	/** the support process whose full cost is passed on */
	sourceId: number;
	/** the processes it serves, with their weights under the stage's driver */
	weights: Weight[];
}

export type StageProblem =
	| { kind: 'cycle'; processIds: number[] }
	| { kind: 'order'; earlier: number; later: number }
	| { kind: 'self'; processId: number }
	| { kind: 'twice'; processId: number };

/**
 * What makes an order of stages impossible: a process passed on twice, a stage serving its own
 * process, a cycle (A serves B, B serves A, through any chain; named in order, first again at the
 * end), or a stage that serves a process already passed on in an earlier stage (its share would be
 * stranded). Only served processes with a positive weight count. Null: the order is fine.
 */
export function checkStages(stages: readonly Stage[]): StageProblem | null {
	const seen = new Set<number>();
	for (const s of stages) {
		if (seen.has(s.sourceId)) return { kind: 'twice', processId: s.sourceId };
		seen.add(s.sourceId);
		if (s.weights.some((w) => w.processId === s.sourceId && w.weight > 0n)) {
			return { kind: 'self', processId: s.sourceId };
		}
	}
	const serves = new Map<number, number[]>();
	for (const s of stages) {
		serves.set(
			s.sourceId,
			s.weights.filter((w) => w.weight > 0n && seen.has(w.processId)).map((w) => w.processId)
		);
	}
	// Depth-first search for a cycle among the stages' sources.
	const state = new Map<number, 'open' | 'done'>();
	const path: number[] = [];
	const visit = (id: number): number[] | null => {
		state.set(id, 'open');
		path.push(id);
		for (const next of serves.get(id) ?? []) {
			if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
			if (!state.has(next)) {
				const found = visit(next);
				if (found) return found;
			}
		}
		path.pop();
		state.set(id, 'done');
		return null;
	};
	for (const s of stages) {
		if (!state.has(s.sourceId)) {
			const cycle = visit(s.sourceId);
			if (cycle) return { kind: 'cycle', processIds: cycle };
		}
	}
	const passed = new Set<number>();
	for (const s of stages) {
		for (const w of s.weights) {
			if (w.weight > 0n && passed.has(w.processId)) {
				return { kind: 'order', earlier: w.processId, later: s.sourceId };
			}
		}
		passed.add(s.sourceId);
	}
	return null;
}

export interface StageStep {
	stage: number;
	sourceId: number;
	processId: number;
	/** the source's cost passed on in this stage */
	pool: bigint;
	weight: bigint;
	amount: bigint;
}

export interface StagedResult {
	/** every process's cost after the stages (a passed-on source keeps only what it could not pass) */
	costs: Map<number, bigint>;
	steps: StageStep[];
	/** per source: what stayed with it because its driver added up to zero */
	unallocated: Map<number, bigint>;
}

/**
 * Runs the stages in order over the processes' costs (direct + allocated overhead): each source's
 * cost at its turn is spread over the processes it serves. The total of all costs is unchanged,
 * to the haléř. Throws when checkStages finds a problem.
 */
export function runStages(
	costs: ReadonlyMap<number, bigint>,
	stages: readonly Stage[]
): StagedResult {
	const problem = checkStages(stages);
	if (problem) throw new Error(`stages refused: ${problem.kind}`);
	const after = new Map(costs);
	const steps: StageStep[] = [];
	const unallocated = new Map<number, bigint>();
	stages.forEach((s, i) => {
		const pool = after.get(s.sourceId) ?? 0n;
		if (pool === 0n) return;
		const result = spread(pool, s.weights);
		if (result.unallocated !== 0n) {
			unallocated.set(s.sourceId, result.unallocated);
			return;
		}
		after.set(s.sourceId, 0n);
		for (const share of result.shares) {
			steps.push({
				stage: i + 1,
				sourceId: s.sourceId,
				processId: share.processId,
				pool,
				weight: share.weight,
				amount: share.amount
			});
			after.set(share.processId, (after.get(share.processId) ?? 0n) + share.amount);
		}
	});
	return { costs: after, steps, unallocated };
}

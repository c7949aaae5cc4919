/**
 * Finish-to-start dependencies between milestones must not form a cycle. Edges are
 * predecessor → successor.
 */
export interface Edge {
	predecessorId: number;
	successorId: number;
}

/**
 * Whether adding `edge` to `existing` would close a cycle: true when the successor already reaches
 * the predecessor. Returns the cycle as a list of ids (predecessor … predecessor) or null.
 */
export function findCycle(existing: readonly Edge[], edge: Edge): number[] | null {
	if (edge.predecessorId === edge.successorId) return [edge.predecessorId, edge.successorId];
	const next = new Map<number, number[]>();
	for (const e of existing) {
		const list = next.get(e.predecessorId) ?? [];
		list.push(e.successorId);
		next.set(e.predecessorId, list);
	}
	// Depth-first from the new successor; reaching the new predecessor closes a loop.
	const cameFrom = new Map<number, number>();
	const stack = [edge.successorId];
	const seen = new Set(stack);
	while (stack.length) {
		const node = stack.pop()!;
		if (node === edge.predecessorId) {
			const path = [node];
			let at = node;
			while (at !== edge.successorId) {
				at = cameFrom.get(at)!;
				path.unshift(at);
			}
			return [edge.predecessorId, ...path];
		}
		for (const n of next.get(node) ?? []) {
			if (seen.has(n)) continue;
			seen.add(n);
			cameFrom.set(n, node);
			stack.push(n);
		}
	}
	return null;
}

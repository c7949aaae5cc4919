import { describe, expect, it } from 'vitest';
import { findCycle } from './dependencies';

const e = (predecessorId: number, successorId: number) => ({ predecessorId, successorId });

describe('findCycle', () => {
	it('refuses a milestone depending on itself', () => {
		expect(findCycle([], e(1, 1))).toEqual([1, 1]);
	});
	it('finds a direct back edge', () => {
		expect(findCycle([e(1, 2)], e(2, 1))).toEqual([2, 1, 2]);
	});
	it('finds a longer loop and names it in order', () => {
		expect(findCycle([e(1, 2), e(2, 3), e(3, 4)], e(4, 1))).toEqual([4, 1, 2, 3, 4]);
	});
	it('allows diamonds and parallel chains', () => {
		const edges = [e(1, 2), e(1, 3), e(2, 4), e(3, 4)];
		expect(findCycle(edges, e(1, 4))).toBeNull();
		expect(findCycle(edges, e(4, 5))).toBeNull();
		expect(findCycle(edges, e(5, 1))).toBeNull();
	});
	it('ignores unrelated cycles elsewhere in the graph', () => {
		expect(findCycle([e(7, 8), e(8, 9)], e(1, 2))).toBeNull();
	});
});

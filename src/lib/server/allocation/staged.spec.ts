import { describe, expect, it } from 'vitest';
import { checkStages, runStages, spread, type Stage } from './staged';

const w = (processId: number, weight: bigint) => ({ processId, weight });
const total = (m: ReadonlyMap<number, bigint>) => [...m.values()].reduce((a, b) => a + b, 0n);

describe('one pool spread by a driver', () => {
	it('adds up to the pool to the haléř, the largest remainders getting the odd haléře', () => {
		const r = spread(100n, [w(1, 1n), w(2, 1n), w(3, 1n)]);
		expect(r.shares.map((s) => s.amount)).toEqual([34n, 33n, 33n]);
		expect(r.unallocated).toBe(0n);
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
		for (let i = 0; i < 300; i++) {
			const amount = BigInt(next() % 50_000_000);
			const weights = Array.from({ length: 1 + (next() % 8) }, (_, k) =>
				w(k, BigInt(next() % 1000))
			);
			const res = spread(amount, weights);
			expect(res.shares.reduce((a, s) => a + s.amount, 0n) + res.unallocated).toBe(amount);
		}
	});

	it('leaves a pool unallocated when the driver adds up to zero, never dividing by it', () => {
		const r = spread(12_345n, [w(1, 0n), w(2, 0n)]);
		expect(r.unallocated).toBe(12_345n);
		expect(r.shares.every((s) => s.amount === 0n)).toBe(true);
		expect(spread(500n, []).unallocated).toBe(500n);
	});

	it('gives nothing to a process without a driver value', () => {
		const r = spread(1_000n, [w(1, 3n), w(2, 0n), w(3, 1n)]);
		expect(r.shares.map((s) => s.amount)).toEqual([750n, 0n, 250n]);
	});
});

describe('staged allocation of support processes', () => {
	// 10 = IT, 11 = HR (support); 1, 2 = core processes
	const costs = new Map<number, bigint>([
		[10, 100_001n],
		[11, 50_000n],
		[1, 1_000n],
		[2, 2_000n]
	]);

	it('passes each support process on in order, keeping the total to the haléř', () => {
		const stages: Stage[] = [
			{ sourceId: 10, weights: [w(11, 1n), w(1, 2n), w(2, 2n)] },
			{ sourceId: 11, weights: [w(1, 1n), w(2, 2n)] }
		];
		const r = runStages(costs, stages);
		expect(total(r.costs)).toBe(total(costs));
		expect(r.costs.get(10)).toBe(0n);
		expect(r.costs.get(11)).toBe(0n);
		// IT: 100 001 by 1:2:2 → 20 000 + 40 001 + 40 000 (the odd haléř by largest remainder)
		expect(r.steps.filter((s) => s.stage === 1).map((s) => s.amount)).toEqual([
			20_000n,
			40_001n,
			40_000n
		]);
		// HR passes on its own cost plus what it got from IT
		const hr = r.steps.filter((s) => s.stage === 2);
		expect(hr[0].pool).toBe(70_000n);
		expect(hr.reduce((a, s) => a + s.amount, 0n)).toBe(70_000n);
	});

	it('refuses a cycle and names it', () => {
		const stages: Stage[] = [
			{ sourceId: 10, weights: [w(11, 1n), w(1, 1n)] },
			{ sourceId: 11, weights: [w(10, 1n), w(2, 1n)] }
		];
		expect(checkStages(stages)).toEqual({ kind: 'cycle', processIds: [10, 11, 10] });
		expect(() => runStages(costs, stages)).toThrow();
	});

	it('refuses an order that would strand a share, a self-service and a process passed twice', () => {
		expect(
			checkStages([
				{ sourceId: 11, weights: [w(1, 1n)] },
				{ sourceId: 10, weights: [w(11, 1n), w(1, 1n)] }
			])
		).toEqual({ kind: 'order', earlier: 11, later: 10 });
		expect(checkStages([{ sourceId: 10, weights: [w(10, 1n), w(1, 1n)] }])).toEqual({
			kind: 'self',
			processId: 10
		});
		expect(
			checkStages([
				{ sourceId: 10, weights: [w(1, 1n)] },
				{ sourceId: 10, weights: [w(2, 1n)] }
			])
		).toEqual({ kind: 'twice', processId: 10 });
	});

	it('keeps a stage whose driver adds up to zero with its source, shown as unallocated', () => {
		const r = runStages(costs, [{ sourceId: 10, weights: [w(1, 0n), w(2, 0n)] }]);
		expect(r.unallocated.get(10)).toBe(100_001n);
		expect(r.costs.get(10)).toBe(100_001n);
		expect(r.steps).toEqual([]);
		expect(total(r.costs)).toBe(total(costs));
	});
});

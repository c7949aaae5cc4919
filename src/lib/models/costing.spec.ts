import { describe, expect, it } from 'vitest';
import { compareWithFull, costModel, heat, type CostingLane, type CostingTask } from './costing';

const lanes: CostingLane[] = [
	{ id: 'L1', name: 'Referent', roleId: 1, orgUnitId: 10, hourlyCost: 45_000n },
	{ id: 'L2', name: 'Vedoucí', roleId: 2, orgUnitId: 11, hourlyCost: null }
];
const task = (over: Partial<CostingTask>): CostingTask => ({
	id: 't',
	name: 'Úkol',
	laneId: 'L1',
	minutes: '30',
	sharePercent: '100',
	...over
});

describe('costModel', () => {
	it('turns minutes × share × volume into hours and haléře exactly', () => {
		const r = costModel([task({ id: 'a' })], lanes, 120);
		// 30 min × 120 cases = 60 h; × 450 CZK = 27 000 CZK
		expect(r.tasks[0]).toMatchObject({ hours: 6000n, cost: 2_700_000n });
		expect(r.hours).toBe(6000n);
		expect(r.cost).toBe(2_700_000n);
		expect(r.unitCost).toBe(22_500n);
		expect(r.lanes[0]).toMatchObject({ id: 'L1', hours: 6000n, cost: 2_700_000n });
	});

	it('rounds each task once, half away from zero, and sums the rounded figures', () => {
		// 7.5 min × 33.33 % × 1000 = 2 499.75 min = 41.6625 h → 41.66 h; × 450 = 18 748.125 CZK
		const t = task({ id: 'a', minutes: '7.5', sharePercent: '33.33' });
		const r = costModel([t, { ...t, id: 'b' }], lanes, 1000);
		expect(r.tasks[0].hours).toBe(4166n);
		expect(r.tasks[0].cost).toBe(1_874_813n);
		expect(r.hours).toBe(8332n);
		expect(r.cost).toBe(3_749_626n);
	});

	it('no float drift on large volumes', () => {
		const r = costModel([task({ minutes: '0.01', sharePercent: '0.01' })], lanes, 2_000_000_000);
		// 0.01 × 0.0001 × 2e9 = 2000 min = 33.333… h
		expect(r.tasks[0].hours).toBe(3333n);
		expect(r.tasks[0].cost).toBe(1_500_000n);
	});

	it('counts tasks without minutes or without an hourly cost and leaves them unpriced', () => {
		const r = costModel(
			[
				task({ id: 'a', minutes: null }),
				task({ id: 'b', laneId: 'L2' }),
				task({ id: 'c', laneId: null })
			],
			lanes,
			10
		);
		expect(r.missing).toEqual({ minutes: 1, hourlyCost: 2 });
		expect(r.tasks.map((t) => t.cost)).toEqual([null, null, null]);
		expect(r.tasks[1].hours).toBe(500n);
		expect(r.lanes[1].hours).toBe(500n);
		expect(r.hours).toBe(1000n);
		expect(r.cost).toBe(0n);
	});

	it('without a volume nothing is costed', () => {
		const r = costModel([task({})], lanes, null);
		expect(r.tasks[0]).toMatchObject({ hours: null, cost: null });
		expect(r.unitCost).toBeNull();
	});
});

describe('compareWithFull', () => {
	it('explains the difference as full − modelled', () => {
		expect(compareWithFull(750_000n, 1_000_000n)).toEqual({
			modelled: 750_000n,
			full: 1_000_000n,
			difference: 250_000n,
			coverage: 0.75
		});
		expect(compareWithFull(5n, null).difference).toBeNull();
	});
});

describe('heat', () => {
	it('scales by the most expensive task, hours when nothing is priced', () => {
		const r = costModel([task({ id: 'a' }), task({ id: 'b', minutes: '15' })], lanes, 4);
		expect([...heat(r.tasks).values()]).toEqual([1, 0.5]);
		const unpriced = costModel(
			[task({ id: 'a', laneId: null }), task({ id: 'b', laneId: null, minutes: '10' })],
			lanes,
			3
		);
		expect(heat(unpriced.tasks).get('b')).toBe(0.333);
	});
});

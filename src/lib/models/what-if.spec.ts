import { describe, expect, it } from 'vitest';
import type { CostingLane, CostingTask } from './costing';
import { parseMinutes, whatIfMinutes } from './what-if';

const lanes: CostingLane[] = [
	{ id: 'L1', name: 'Referent', roleId: 1, orgUnitId: 10, hourlyCost: 45_000n },
	{ id: 'L2', name: 'Vedoucí', roleId: 2, orgUnitId: 11, hourlyCost: 60_000n }
];
const tasks: CostingTask[] = [
	{ id: 'a', name: 'Přijmout', laneId: 'L1', minutes: '30', sharePercent: '100' },
	{ id: 'b', name: 'Schválit', laneId: 'L2', minutes: '10', sharePercent: '50' }
];

describe('whatIfMinutes', () => {
	it('gives the stored figures before and the changed ones after, in exact haléře', () => {
		// before: a 30 min × 120 = 60 h × 450 = 27 000 CZK; b 10 × 50 % × 120 = 10 h × 600 = 6 000 CZK
		// after: a 20 min × 120 = 40 h × 450 = 18 000 CZK
		const r = whatIfMinutes(tasks, lanes, 120, new Map([['a', '20']]));
		expect(r.before).toEqual({ hours: 7000n, cost: 3_300_000n, unitCost: 27_500n });
		expect(r.after).toEqual({ hours: 5000n, cost: 2_400_000n, unitCost: 20_000n });
		expect(r.change).toEqual({ hours: -2000n, cost: -900_000n, unitCost: -7_500n });
	});

	it('rounds each task once as the saved costing does (7,33 min)', () => {
		// 7.33 min × 120 = 879.6 min = 14.66 h; × 450 = 6 597 CZK exactly
		const r = whatIfMinutes(tasks, lanes, 120, new Map([['a', '7.33']]));
		expect(r.after.cost).toBe(659_700n + 600_000n);
		// unit cost 12 597 CZK / 120 = 104.975 → 104.98 CZK (half away from zero)
		expect(r.after.unitCost).toBe(10_498n);
	});

	it('changes nothing without edits, for unknown tasks, and drops a task cleared to null', () => {
		const same = whatIfMinutes(tasks, lanes, 120, new Map([['nope', '99']]));
		expect(same.after).toEqual(same.before);
		expect(same.change).toEqual({ hours: 0n, cost: 0n, unitCost: 0n });
		const cleared = whatIfMinutes(tasks, lanes, 120, new Map([['b', null]]));
		expect(cleared.after).toEqual({ hours: 6000n, cost: 2_700_000n, unitCost: 22_500n });
	});

	it('has no unit cost without a volume', () => {
		const r = whatIfMinutes(tasks, lanes, null, new Map([['a', '5']]));
		expect(r.before.unitCost).toBeNull();
		expect(r.change.unitCost).toBeNull();
		expect(r.after.cost).toBe(0n);
	});
});

describe('parseMinutes', () => {
	it('reads Czech decimals and refuses what the database would', () => {
		expect(parseMinutes('12,5')).toBe('12.5');
		expect(parseMinutes(' 7.25 ')).toBe('7.25');
		expect(parseMinutes('')).toBeNull();
		expect(parseMinutes('-3')).toBeUndefined();
		expect(parseMinutes('1,234')).toBeUndefined();
		expect(parseMinutes('abc')).toBeUndefined();
		expect(parseMinutes('100000000')).toBeUndefined();
	});
});

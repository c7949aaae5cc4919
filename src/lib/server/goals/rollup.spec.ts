import { describe, expect, it } from 'vitest';
import { createsCycle, rollUp, rollUpTree } from './rollup';

describe('goal roll-up', () => {
	it('averages the points of items with data', () => {
		expect(rollUp([])).toBe('no_data');
		expect(rollUp(['no_data', 'no_data'])).toBe('no_data');
		expect(rollUp(['on_target', 'on_target', 'within_tolerance'])).toBe('on_target'); // 5/3
		expect(rollUp(['on_target', 'within_tolerance'])).toBe('on_target'); // exactly 1.5
		expect(rollUp(['on_target', 'off_target'])).toBe('within_tolerance'); // 1.0
		expect(rollUp(['within_tolerance', 'within_tolerance', 'off_target', 'on_target'])).toBe(
			'within_tolerance'
		); // 1.0
		expect(rollUp(['within_tolerance', 'off_target', 'off_target', 'on_target'])).toBe(
			'within_tolerance'
		); // exactly 0.75
		expect(rollUp(['off_target', 'off_target', 'within_tolerance'])).toBe('off_target');
		expect(rollUp(['off_target', 'no_data'])).toBe('off_target');
	});

	it('rolls sub-goals up and lets an override win', () => {
		const result = rollUpTree([
			{ id: 1, parentId: null, override: null, kpiStatuses: [] },
			{ id: 2, parentId: 1, override: null, kpiStatuses: ['off_target', 'off_target'] },
			{ id: 3, parentId: 1, override: null, kpiStatuses: ['on_target'] },
			{ id: 4, parentId: 1, override: 'on_target', kpiStatuses: ['off_target'] }
		]);
		expect(result.get(2)).toEqual({ computed: 'off_target', effective: 'off_target' });
		expect(result.get(4)).toEqual({ computed: 'off_target', effective: 'on_target' });
		// children: off (0), on (2), on (2) → 4/3 ≥ 0.75
		expect(result.get(1)).toEqual({ computed: 'within_tolerance', effective: 'within_tolerance' });
	});

	it('detects cycles', () => {
		const parents = new Map<number, number | null>([
			[1, null],
			[2, 1],
			[3, 2]
		]);
		expect(createsCycle(1, 3, parents)).toBe(true);
		expect(createsCycle(1, 1, parents)).toBe(true);
		expect(createsCycle(3, 1, parents)).toBe(false);
		expect(createsCycle(2, null, parents)).toBe(false);
	});
});

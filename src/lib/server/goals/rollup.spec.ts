import { describe, expect, it } from 'vitest';
import { createsCycle, rollUp, rollUpTree, withOverride } from './rollup';

describe('goal roll-up: a goal is as good as its worst KPI or sub-goal', () => {
	it('takes the worst status among the items with data', () => {
		expect(rollUp([])).toBe('no_data');
		expect(rollUp(['no_data', 'no_data'])).toBe('no_data');
		expect(rollUp(['on_target'])).toBe('on_target');
		expect(rollUp(['on_target', 'no_data'])).toBe('on_target');
		// One within tolerance among many on target: never plain on target.
		expect(rollUp(['on_target', 'on_target', 'on_target', 'within_tolerance'])).toBe(
			'within_tolerance'
		);
		// One red among nine green is red.
		expect(rollUp([...Array(9).fill('on_target'), 'off_target'])).toBe('off_target');
		expect(rollUp(['off_target', 'no_data'])).toBe('off_target');
	});

	it('lets an override soften red only to within tolerance', () => {
		expect(withOverride('off_target', 'on_target')).toBe('within_tolerance');
		expect(withOverride('off_target', 'within_tolerance')).toBe('within_tolerance');
		expect(withOverride('on_target', 'off_target')).toBe('off_target');
		expect(withOverride('within_tolerance', 'on_target')).toBe('on_target');
		expect(withOverride('no_data', 'on_target')).toBe('on_target');
		expect(withOverride('off_target', null)).toBe('off_target');
	});

	it('rolls sub-goals up with their red KPIs and processes', () => {
		const result = rollUpTree([
			{ id: 1, parentId: null, override: null, kpiStatuses: [], processIds: [] },
			{
				id: 2,
				parentId: 1,
				override: null,
				kpiStatuses: ['on_target', 'off_target'],
				processIds: [10, 11]
			},
			{ id: 3, parentId: 1, override: null, kpiStatuses: ['on_target'], processIds: [11, 12] },
			{ id: 4, parentId: 1, override: 'on_target', kpiStatuses: ['off_target'] },
			{ id: 5, parentId: null, override: null, kpiStatuses: ['on_target'], processIds: [13] }
		]);
		expect(result.get(2)).toEqual({
			computed: 'off_target',
			effective: 'off_target',
			redKpis: 1,
			processCount: 2
		});
		expect(result.get(4)).toMatchObject({ computed: 'off_target', effective: 'within_tolerance' });
		// The parent has no KPI of its own: red from its sub-goal 2, two red KPIs below it, and
		// the three distinct processes of its sub-goals.
		expect(result.get(1)).toEqual({
			computed: 'off_target',
			effective: 'off_target',
			redKpis: 2,
			processCount: 3
		});
		expect(result.get(5)).toEqual({
			computed: 'on_target',
			effective: 'on_target',
			redKpis: 0,
			processCount: 1
		});
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

import { describe, expect, it } from 'vitest';
import { monthsUpTo, routeLabel, topPages, trend, unitFigures, unitsNotUsing } from './measures';

const members = [
	{ userId: 1, name: 'Anna', unitId: 10, ambassador: true, owner: true, acted: true },
	{ userId: 2, name: 'Bohumil', unitId: 10, ambassador: false, owner: true, acted: false },
	{ userId: 3, name: 'Cyril', unitId: 20, ambassador: false, owner: false, acted: false }
];
const views = [
	{ month: '2026-12', userId: 1, routeId: '/(app)/goals/kpi/[id]', views: 5 },
	{ month: '2026-12', userId: 1, routeId: '/(app)', views: 2 },
	{ month: '2026-12', userId: 3, routeId: '/(app)/goals/kpi/[id]', views: 1 },
	{ month: '2026-11', userId: 2, routeId: '/(app)/my', views: 4 }
];
const updates = [
	{ userId: 1, madeOn: '2026-12-10', dueDate: '2026-12-15' },
	{ userId: 1, madeOn: '2026-12-16', dueDate: '2026-12-15' },
	{ userId: 2, madeOn: '2026-11-30', dueDate: '2026-12-15' },
	{ userId: 3, madeOn: '2026-12-01', dueDate: '2026-12-01' }
];

describe('adoption measures', () => {
	it('counts months back over a year end', () => {
		expect(monthsUpTo('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
		expect(monthsUpTo('2026-12', 1)).toEqual(['2026-12']);
	});

	it('names pages by their path pattern', () => {
		expect(routeLabel('/(app)/goals/kpi/[id]')).toBe('/goals/kpi/[id]');
		expect(routeLabel('/(app)')).toBe('/');
	});

	it('figures per unit: active users, updates on time and late, owners who never updated', () => {
		const [a, b] = unitFigures([10, 20], members, views, updates, '2026-12');
		expect(a).toEqual({
			unitId: 10,
			members: 2,
			activeUsers: 1,
			onTime: 1,
			late: 1,
			neverUpdated: [{ userId: 2, name: 'Bohumil' }],
			ambassadors: ['Anna']
		});
		// Made on the due day is on time; Cyril owns nothing, so is not listed as never updating.
		expect(b).toMatchObject({ members: 1, activeUsers: 1, onTime: 1, late: 0, neverUpdated: [] });
	});

	it('ranks pages and follows the trend, within a unit when asked', () => {
		expect(topPages(views, '2026-12', null)).toEqual([
			{ page: '/goals/kpi/[id]', views: 6, users: 2 },
			{ page: '/', views: 2, users: 1 }
		]);
		expect(topPages(views, '2026-12', new Set([3]))).toEqual([
			{ page: '/goals/kpi/[id]', views: 1, users: 1 }
		]);
		expect(trend(['2026-11', '2026-12'], views, updates, new Set([1, 2]))).toEqual([
			{ month: '2026-11', activeUsers: 1, onTime: 1, late: 0 },
			{ month: '2026-12', activeUsers: 1, onTime: 1, late: 1 }
		]);
	});

	it('lists units nobody used lately', () => {
		expect(unitsNotUsing([10, 20, 30], members, views, ['2026-11'])).toEqual([20, 30]);
		expect(unitsNotUsing([10, 20, 30], members, views, ['2026-11', '2026-12'])).toEqual([30]);
	});
});

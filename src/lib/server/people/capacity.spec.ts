import { describe, expect, it } from 'vitest';
import {
	capacity,
	flagOf,
	fteOf,
	hoursNeeded,
	type ProcessLoadInput,
	type UnitStaff
} from './capacity';

const DAY = '2026-06-15';
const unit = { id: 1, code: 'OVV', name: 'Odbor', absenceRate: 0.1 };

function proc(fte: number | null, extra: Partial<ProcessLoadInput> = {}): ProcessLoadInput {
	return {
		processId: 1,
		code: 'P',
		name: 'P',
		orgUnitId: 1,
		volume: 100,
		fte,
		minutesPerCase: null,
		...extra
	};
}

describe('hoursNeeded', () => {
	it('uses task minutes when known: cases × Σ minutes ÷ 60', () => {
		expect(hoursNeeded({ volume: 120, fte: 3, minutesPerCase: [20, 10] }, 1800)).toEqual({
			hours: 60,
			source: 'tasks'
		});
	});
	it('falls back to the card FTE × yearly hours, and to 0 when nothing is known', () => {
		expect(hoursNeeded({ volume: 120, fte: 1.5, minutesPerCase: null }, 1800)).toEqual({
			hours: 2700,
			source: 'card'
		});
		expect(hoursNeeded({ volume: 120, fte: 1.5, minutesPerCase: [] }, 1800).source).toBe('card');
		expect(hoursNeeded({ volume: null, fte: null, minutesPerCase: [5] }, 1800)).toEqual({
			hours: 0,
			source: 'unknown'
		});
	});
});

describe('capacity', () => {
	it('counts part-time staff by FTE, subtracts absence and computes utilization', () => {
		const staff: UnitStaff[] = [
			{ orgUnitId: 1, fte: 1, validFrom: '2020-01-01', validTo: null },
			{ orgUnitId: 1, fte: 0.5, validFrom: '2020-01-01', validTo: null }
		];
		const [c] = capacity([unit], staff, [proc(1.35)], new Map(), 1000, DAY);
		expect(c.staffFte).toBe(1.5);
		expect(c.hoursAvailable).toBeCloseTo(1350);
		expect(c.hoursNeeded).toBeCloseTo(1350);
		expect(c.utilization).toBeCloseTo(1);
		expect(c.flag).toBe('ok');
	});

	it('leavers and staff of other units give no hours', () => {
		const staff: UnitStaff[] = [
			{ orgUnitId: 1, fte: 1, validFrom: '2020-01-01', validTo: '2026-06-14' },
			{ orgUnitId: 2, fte: 1, validFrom: '2020-01-01', validTo: null },
			{ orgUnitId: 1, fte: 1, validFrom: '2020-01-01', validTo: DAY }
		];
		const [c] = capacity([unit], staff, [proc(1)], new Map(), 1000, DAY);
		expect(c.staffFte).toBe(1);
	});

	it('flags over- and under-loaded units at the thresholds', () => {
		expect(flagOf(1.0, 1)).toBe('ok');
		expect(flagOf(1.0001, 1)).toBe('over');
		expect(flagOf(0.75, 1)).toBe('ok');
		expect(flagOf(0.7499, 1)).toBe('under');
		expect(flagOf(null, 10)).toBe('over');
		expect(flagOf(null, 0)).toBe('ok');
	});

	it('a unit with needs and nobody on staff is over-loaded', () => {
		const [c] = capacity([unit], [], [proc(1)], new Map(), 1000, DAY);
		expect(c.utilization).toBeNull();
		expect(c.flag).toBe('over');
	});

	it('hours saved by initiatives free capacity, shown in FTE, never more than is needed', () => {
		const staff: UnitStaff[] = [{ orgUnitId: 1, fte: 1, validFrom: '2020-01-01', validTo: null }];
		const [c] = capacity([unit], staff, [proc(1)], new Map([[1, 450]]), 1000, DAY);
		expect(c.hoursFreed).toBe(450);
		expect(c.fteFreed).toBeCloseTo(0.45);
		expect(c.utilization).toBeCloseTo(550 / 900);
		const [all] = capacity([unit], staff, [proc(0.1)], new Map([[1, 5000]]), 1000, DAY);
		expect(all.hoursFreed).toBeCloseTo(100);
		expect(all.utilization).toBe(0);
	});

	it('lists the unit’s processes, biggest first, as the drill-down', () => {
		const [c] = capacity(
			[unit],
			[],
			[
				proc(0.2, { processId: 1 }),
				proc(0.8, { processId: 2 }),
				proc(1, { processId: 3, orgUnitId: 2 })
			],
			new Map(),
			1000,
			DAY
		);
		expect(c.processes.map((p) => p.processId)).toEqual([2, 1]);
	});
});

describe('fteOf', () => {
	it('divides hours by the yearly working hours exactly, rounding half up', () => {
		expect(fteOf('900', '1800')).toBe('0.5');
		expect(fteOf('1800', '1800')).toBe('1');
		expect(fteOf('0', '1800')).toBe('0');
		expect(fteOf('100', '1800')).toBe('0.06');
		expect(fteOf('9', '1800')).toBe('0.01');
		expect(fteOf('8.9', '1800')).toBe('0');
		expect(fteOf('2700.5', '1765.5', 4)).toBe('1.5296');
		expect(fteOf('10', '0')).toBe('0');
	});
});

describe('modelled processes', () => {
	it('count each role in its unit, drill down to the roles, and ignore the card', () => {
		const p = proc(5, {
			modelled: [
				{ roleId: 1, label: 'R', orgUnitId: 1, hours: 300 },
				{ roleId: 2, label: 'A', orgUnitId: 1, hours: 100 },
				{ roleId: 3, label: 'C', orgUnitId: 2, hours: 50 }
			]
		});
		const staff: UnitStaff[] = [{ orgUnitId: 1, fte: 1, validFrom: '2020-01-01', validTo: null }];
		const [c] = capacity([{ ...unit, absenceRate: 0 }], staff, [p], new Map(), 1000, DAY);
		expect(c.hoursNeeded).toBe(400);
		expect(c.processes[0].source).toBe('model');
		expect(c.processes[0].roles.map((r) => [r.label, r.hours])).toEqual([
			['R', 300],
			['A', 100]
		]);
	});
});

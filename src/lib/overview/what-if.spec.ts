import { describe, expect, it } from 'vitest';
import {
	compute,
	parseFte,
	parseShare,
	parseVolume,
	unitCostStatus,
	type WhatIfBase
} from './what-if';

const base: WhatIfBase = {
	volume: 1000,
	fte: 200n, // 2 FTE
	direct: { fixed: 100_000_00n, variable: 50_000_00n, investment: 10_000_00n },
	allocations: [
		{
			orgUnitId: 1,
			orgUnitName: 'OVV',
			pool: 900_000_00n,
			share: 400_000n, // 40 %: 2 of 5 FTE
			keySource: 'fte',
			keyFte: 500n,
			amount: 360_000_00n
		},
		{
			orgUnitId: 2,
			orgUnitName: 'VED',
			pool: 100_000_00n,
			share: 100_000n, // 10 %, set by hand
			keySource: 'manual',
			keyFte: 0n,
			amount: 10_000_00n
		}
	]
};

describe('what-if', () => {
	it('reproduces the booked figures when nothing changes', () => {
		const r = compute(base);
		expect(r.direct).toBe(160_000_00n);
		expect(r.allocated).toBe(370_000_00n);
		expect(r.full).toBe(530_000_00n);
		expect(r.unit).toBe(530_00n);
	});

	it('scales only variable costs with the volume and divides the full cost by the new volume', () => {
		const r = compute(base, { volume: 1500 });
		expect(r.variable).toBe(75_000_00n);
		expect(r.full).toBe(555_000_00n);
		expect(r.unit).toBe(370_00n);
		expect(compute(base, { volume: 0 }).unit).toBeNull();
	});

	it('moves the FTE-keyed share with the process FTE, the other processes unchanged', () => {
		// 3 of 6 FTE → 50 % of the pool.
		const r = compute(base, { fte: 300n });
		expect(r.allocations[0]).toEqual({ orgUnitId: 1, share: 500_000n, amount: 450_000_00n });
		// The hand-set key does not follow FTE.
		expect(r.allocations[1].amount).toBe(10_000_00n);
		expect(r.full).toBe(160_000_00n + 460_000_00n);
	});

	it('takes an explicit share over the key, rounding to the haléř', () => {
		const r = compute(base, { shares: { 2: 333_333n } });
		expect(r.allocations[1]).toEqual({ orgUnitId: 2, share: 333_333n, amount: 33_333_30n });
		expect(r.allocations[0].amount).toBe(360_000_00n);
	});

	it('parses Czech input', () => {
		expect(parseFte('1,5')).toBe(150n);
		expect(parseFte('2.25')).toBe(225n);
		expect(parseFte('-1')).toBeNull();
		expect(parseShare('33,3333 %')).toBe(333_333n);
		expect(parseShare('100')).toBe(1_000_000n);
		expect(parseShare('100,01')).toBeNull();
		expect(parseVolume('12 500')).toBe(12500);
		expect(parseVolume('1,5')).toBeNull();
	});

	it('judges a range KPI by its range, exactly to the haléř', () => {
		// 450–550 CZK a case, 10 CZK tolerance on either side.
		const kpi = {
			direction: 'range' as const,
			target: '450.0000',
			targetMax: '550.0000',
			tolerance: '10.0000'
		};
		expect(unitCostStatus(kpi, 530_00n)).toBe('on_target');
		expect(unitCostStatus(kpi, 450_00n)).toBe('on_target');
		// Below the range is not "better" for a range KPI, as it would be for lower-is-better.
		expect(unitCostStatus(kpi, 445_00n)).toBe('within_tolerance');
		expect(unitCostStatus(kpi, 439_99n)).toBe('off_target');
		expect(unitCostStatus(kpi, 560_00n)).toBe('within_tolerance');
		expect(unitCostStatus(kpi, 560_01n)).toBe('off_target');
	});

	it('judges higher and lower KPIs by the same rule, and no target or volume as no data', () => {
		const lower = { direction: 'lower' as const, target: '500', targetMax: null, tolerance: '0.5' };
		expect(unitCostStatus(lower, 500_00n)).toBe('on_target');
		expect(unitCostStatus(lower, 500_50n)).toBe('within_tolerance');
		expect(unitCostStatus(lower, 500_51n)).toBe('off_target');
		const higher = { ...lower, direction: 'higher' as const, tolerance: null };
		expect(unitCostStatus(higher, 499_99n)).toBe('off_target');
		expect(unitCostStatus(lower, null)).toBe('no_data');
		expect(unitCostStatus({ ...lower, target: null }, 500_00n)).toBe('no_data');
	});
});

import { describe, expect, it } from 'vitest';
import {
	apportion,
	explainChange,
	explainYears,
	unitCostOf,
	type CostYear
} from './unit-cost-change';

const year = (
	y: number,
	direct: bigint,
	sources: Record<string, bigint>,
	volume: number | null,
	extra = 0n
): CostYear => {
	const map = new Map(Object.entries(sources));
	const allocated = [...map.values()].reduce((a, b) => a + b, 0n);
	return { year: y, direct, sources: map, fullCost: direct + allocated + extra, volume };
};
const total = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe('the change of a unit cost explained by its parts', () => {
	it('splits a change into direct, each source and volume, to the haléř', () => {
		// 2024: 1 000 Kč direct + 9 000 Kč overhead over 100 cases = 100 Kč a case.
		// 2025: 1 500 Kč direct + 9 000 + 2 000 Kč (a new stage) over 125 cases = 100 Kč a case.
		const prev = year(2024, 100_000n, { 'unit:1': 900_000n }, 100);
		const cur = year(2025, 150_000n, { 'unit:1': 900_000n, 'stage:7': 200_000n }, 125);
		const c = explainChange(prev, cur);
		expect(c.full).toBe(250_000n);
		expect(c.unit).toBe(0n);
		const part = (k: string) => c.parts.find((p) => p.key === k)!;
		expect(part('direct')).toEqual({ key: 'direct', full: 50_000n, unit: 400n });
		expect(part('unit:1')).toEqual({ key: 'unit:1', full: 0n, unit: 0n });
		expect(part('stage:7')).toEqual({ key: 'stage:7', full: 200_000n, unit: 1_600n });
		// 1 000 000 haléřů over 125 cases instead of 100: 80 Kč instead of 100 Kč a case
		expect(part('volume')).toEqual({ key: 'volume', full: 0n, unit: -2_000n });
	});

	it('adds up exactly for any figures, and the volume effect is zero when the cases stay', () => {
		let seed = 11;
		const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
		for (let i = 0; i < 500; i++) {
			const src = () =>
				Object.fromEntries(
					['unit:1', 'unit:2', 'stage:3']
						.filter(() => next() % 3 !== 0)
						.map((k) => [k, BigInt(next() % 90_000_000)])
				);
			const v0 = 1 + (next() % 5000);
			const v1 = next() % 2 ? v0 : 1 + (next() % 5000);
			const prev = year(2024, BigInt(next() % 10_000_000), src(), v0, BigInt(next() % 3));
			const cur = year(2025, BigInt(next() % 10_000_000), src(), v1);
			const c = explainChange(prev, cur);
			expect(total(c.parts.map((p) => p.full))).toBe(cur.fullCost - prev.fullCost);
			expect(c.unit).toBe(unitCostOf(cur)! - unitCostOf(prev)!);
			expect(total(c.parts.map((p) => p.unit!))).toBe(c.unit);
			if (v0 === v1) expect(c.parts.find((p) => p.key === 'volume')!.unit).toBe(0n);
			// each cost part within a haléř of its change spread over this year's cases
			for (const p of c.parts.filter((x) => x.key !== 'volume')) {
				const exact = Number(p.full) / v1;
				expect(Math.abs(Number(p.unit) - exact)).toBeLessThanOrEqual(1);
			}
		}
	});

	it('shows allocation the steps do not account for as `other`, so the parts still add up', () => {
		const prev = year(2024, 100n, { 'unit:1': 1_000n }, 10, 50n);
		const cur = year(2025, 100n, { 'unit:1': 1_000n }, 10);
		const c = explainChange(prev, cur);
		expect(c.parts.find((p) => p.key === 'other')).toEqual({ key: 'other', full: -50n, unit: -5n });
		expect(total(c.parts.map((p) => p.unit!))).toBe(c.unit);
	});

	it('explains only the full cost when a year has no cases (zero or unknown volume)', () => {
		const prev = year(2024, 100_000n, { 'unit:1': 50_000n }, 0);
		const cur = year(2025, 120_000n, { 'unit:1': 40_000n }, 10);
		const c = explainChange(prev, cur);
		expect(unitCostOf(prev)).toBeNull();
		expect(c.unit).toBeNull();
		expect(c.parts.map((p) => [p.key, p.full, p.unit])).toEqual([
			['direct', 20_000n, null],
			['unit:1', -10_000n, null]
		]);
		expect(explainChange(cur, { ...prev, year: 2026, volume: null }).unit).toBeNull();
	});

	it('lists every year with data and compares only with the year right before', () => {
		const ys = explainYears([
			year(2025, 300n, {}, 3),
			year(2022, 100n, {}, 1),
			year(2023, 200n, {}, 1)
		]);
		expect(ys.map((y) => y.year)).toEqual([2022, 2023, 2025]);
		expect(ys[0].change).toBeNull();
		expect(ys[1].change?.unit).toBe(100n);
		// 2024 has no data: 2025 is not compared with 2023
		expect(ys[2].change).toBeNull();
		expect(ys[2].unitCost).toBe(100n);
	});
});

describe('apportion', () => {
	it('rounds to integers that add up to the target, negative parts too', () => {
		expect(apportion([10n, 10n, 10n], 3n, 10n)).toEqual([4n, 3n, 3n]);
		expect(apportion([-10n, 4n], 3n, -2n)).toEqual([-3n, 1n]);
		expect(total(apportion([-7n, -7n], 2n, -8n))).toBe(-8n);
		expect(apportion([], 5n, 0n)).toEqual([]);
	});
});

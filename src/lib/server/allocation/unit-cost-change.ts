// A process's unit cost from one year to the next, explained by its parts: the direct costs, the
// overhead allocated from each source (each unit's pool, each stage of support-process allocation)
// and the volume. Everything is in haléře and adds up exactly:
//
//   unit cost change = Σ cost parts + volume effect
//   volume effect    = round(last year's full cost ÷ this year's cases) − last year's unit cost
//                      (what the changed number of cases alone did to the unit cost)
//   cost parts       = this year's unit cost − round(last year's full cost ÷ this year's cases),
//                      split over the parts by each part's change ÷ this year's cases, rounded by
//                      largest remainder so they add up to the haléř
//
// With the same number of cases both years the volume effect is exactly zero. Without cases in
// either year there is no unit cost and only the full cost's change is explained.
import { divRound } from '../../money';

export interface CostYear {
	year: number;
	direct: bigint;
	/** allocated overhead by its source (a key such as `unit:3` or `stage:2`), as stored */
	sources: ReadonlyMap<string, bigint>;
	/** direct + every allocated amount (any allocation not in `sources` shows as `other`) */
	fullCost: bigint;
	volume: number | null;
}

export interface ChangePart {
	/** `direct`, a source's key, `other` (allocated but not in the steps) or `volume` */
	key: string;
	/** the part's change of the full cost (0 for the volume) */
	full: bigint;
	/** the part's effect on the unit cost (null: no unit cost in one of the years) */
	unit: bigint | null;
}

export interface YearChange {
	year: number;
	fullCost: bigint;
	volume: number | null;
	unitCost: bigint | null;
	/** the change from the year before (null: no data the year before) */
	change: {
		full: bigint;
		/** null: no unit cost in one of the two years */
		unit: bigint | null;
		parts: ChangePart[];
	} | null;
}

const hasCases = (v: number | null): v is number => v !== null && v > 0;

export function unitCostOf(y: CostYear): bigint | null {
	return hasCases(y.volume) ? divRound(y.fullCost, BigInt(y.volume)) : null;
}

/** What a year's allocation holds beyond its listed sources (0 when the steps account for it). */
function otherOf(y: CostYear): bigint {
	let rest = y.fullCost - y.direct;
	for (const a of y.sources.values()) rest -= a;
	return rest;
}

const floorDiv = (a: bigint, b: bigint) => {
	const q = a / b;
	return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
};

/**
 * Integers near `numerators[i] ÷ divisor` that add up to `target` exactly: each rounded down, then
 * the difference given one haléř at a time to the largest remainders (taken from the smallest when
 * the target is below the sum).
 */
export function apportion(
	numerators: readonly bigint[],
	divisor: bigint,
	target: bigint
): bigint[] {
	const out = numerators.map((n) => floorDiv(n, divisor));
	if (out.length === 0) return out;
	const rem = numerators.map((n, i) => n - out[i] * divisor);
	const byRemainder = rem
		.map((r, i) => ({ r, i }))
		.sort((x, y) => (y.r > x.r ? 1 : y.r < x.r ? -1 : x.i - y.i));
	let rest = target - out.reduce((a, b) => a + b, 0n);
	for (let k = 0; rest !== 0n; k++) {
		if (rest > 0n) {
			out[byRemainder[k % out.length].i] += 1n;
			rest -= 1n;
		} else {
			out[byRemainder[out.length - 1 - (k % out.length)].i] -= 1n;
			rest += 1n;
		}
	}
	return out;
}

/** The change from `prev` to `cur`, by part; the parts add up to both changes exactly. */
export function explainChange(prev: CostYear, cur: CostYear): NonNullable<YearChange['change']> {
	const keys = [...new Set([...prev.sources.keys(), ...cur.sources.keys()])].sort();
	const parts: ChangePart[] = [
		{ key: 'direct', full: cur.direct - prev.direct, unit: null },
		...keys.map((key) => ({
			key,
			full: (cur.sources.get(key) ?? 0n) - (prev.sources.get(key) ?? 0n),
			unit: null
		}))
	];
	const otherBefore = otherOf(prev);
	const otherNow = otherOf(cur);
	if (otherBefore !== 0n || otherNow !== 0n) {
		parts.push({ key: 'other', full: otherNow - otherBefore, unit: null });
	}
	const full = cur.fullCost - prev.fullCost;
	const before = unitCostOf(prev);
	const now = unitCostOf(cur);
	if (before === null || now === null) {
		return { full, unit: null, parts };
	}
	const cases = BigInt(cur.volume!);
	const atNewVolume = divRound(prev.fullCost, cases);
	const costEffects = apportion(
		parts.map((p) => p.full),
		cases,
		now - atNewVolume
	);
	parts.forEach((p, i) => (p.unit = costEffects[i]));
	parts.push({ key: 'volume', full: 0n, unit: atNewVolume - before });
	return { full, unit: now - before, parts };
}

/** Every year with data, oldest first, each with its change from the year before when it has data. */
export function explainYears(years: readonly CostYear[]): YearChange[] {
	const sorted = [...years].sort((a, b) => a.year - b.year);
	const byYear = new Map(sorted.map((y) => [y.year, y]));
	return sorted.map((y) => {
		const prev = byYear.get(y.year - 1);
		return {
			year: y.year,
			fullCost: y.fullCost,
			volume: y.volume,
			unitCost: unitCostOf(y),
			change: prev ? explainChange(prev, y) : null
		};
	});
}

// What-if on a process: change its volume of cases, its effort (FTE) or its share of a unit's
// overhead, and see the full and unit cost that would follow — computed in the browser, nothing is
// saved. Money stays bigint haléře; FTE and percentages are exact integers (hundredths of an FTE,
// ten-thousandths of a per cent) so the figures match what the allocation would book.
import { fromHundredths, parseNonNegative } from '../decimal';
import { kpiStatus, type Direction, type KpiStatus } from '../kpi-status';
import { divRound } from '../money';

export interface WhatIfAllocation {
	orgUnitId: number;
	orgUnitName: string;
	/** The unit's overhead pool for the year (haléře). */
	pool: bigint;
	/** This process's share of the pool in ten-thousandths of a per cent (33.3333 % = 333333). */
	share: bigint;
	keySource: 'fte' | 'manual' | 'equal' | 'driver';
	/** FTE × 100 summed over every process in the unit's key (only for FTE keys). */
	keyFte: bigint;
	amount: bigint;
}

export interface WhatIfBase {
	volume: number | null;
	/** FTE × 100 */
	fte: bigint;
	direct: { fixed: bigint; variable: bigint; investment: bigint };
	allocations: WhatIfAllocation[];
}

export interface WhatIfChange {
	volume?: number | null;
	/** FTE × 100 */
	fte?: bigint | null;
	/** org unit id → share in ten-thousandths of a per cent */
	shares?: Record<number, bigint | null | undefined>;
}

export interface WhatIfResult {
	direct: bigint;
	variable: bigint;
	allocations: { orgUnitId: number; share: bigint; amount: bigint }[];
	allocated: bigint;
	full: bigint;
	unit: bigint | null;
}

const HUNDRED_PERCENT = 1_000_000n; // 100 % in ten-thousandths of a per cent

export function compute(base: WhatIfBase, change: WhatIfChange = {}): WhatIfResult {
	const volume = change.volume ?? base.volume;
	const fte = change.fte ?? base.fte;
	// Variable costs follow the volume of cases; fixed costs and investment do not.
	const variable =
		base.volume && base.volume > 0 && volume !== null && volume !== base.volume
			? divRound(base.direct.variable * BigInt(volume), BigInt(base.volume))
			: base.direct.variable;
	const direct = base.direct.fixed + variable + base.direct.investment;
	const allocations = base.allocations.map((a) => {
		const explicit = change.shares?.[a.orgUnitId];
		let share = a.share;
		if (explicit !== undefined && explicit !== null) {
			share = explicit;
		} else if (a.keySource === 'fte' && fte !== base.fte) {
			// The key is the FTE split: this process's FTE changes, the others' stay.
			const total = a.keyFte - base.fte + fte;
			share = total > 0n ? divRound(fte * HUNDRED_PERCENT, total) : 0n;
		}
		const amount =
			share === a.share && explicit === undefined
				? a.amount
				: divRound(a.pool * share, HUNDRED_PERCENT);
		return { orgUnitId: a.orgUnitId, share, amount };
	});
	const allocated = allocations.reduce((s, a) => s + a.amount, 0n);
	const full = direct + allocated;
	return {
		direct,
		variable,
		allocations,
		allocated,
		full,
		unit: volume !== null && volume > 0 ? divRound(full, BigInt(volume)) : null
	};
}

/** `1,5` / `1.25` → FTE × 100; null for anything else (at most two decimals, 0–9999). */
export function parseFte(text: string): bigint | null {
	const scaled = parseNonNegative(text, 2);
	return scaled === null || scaled >= 10_000n * 10_000n ? null : scaled / 100n;
}

/** `33,5` / `33.5 %` → ten-thousandths of a per cent; null unless 0–100 with ≤ 4 decimals. */
export function parseShare(text: string): bigint | null {
	const v = parseNonNegative(text);
	return v === null || v > HUNDRED_PERCENT ? null : v;
}

/** A whole non-negative number of cases, spaces allowed (`12 500`). */
export function parseVolume(text: string): number | null {
	const s = text.replace(/[\s\u00a0]/g, '');
	if (!/^\d{1,9}$/.test(s)) return null;
	return Number(s);
}

/** A KPI computed from the process's unit cost (CZK), with the year's target. */
export interface UnitCostKpi {
	direction: Direction;
	target: string | null;
	targetMax: string | null;
	tolerance: string | null;
}

/** The status a unit cost in haléře would give such a KPI: the one KPI rule, on exact decimals. */
export function unitCostStatus(kpi: UnitCostKpi, unit: bigint | null): KpiStatus {
	if (unit === null || kpi.target === null) return 'no_data';
	return kpiStatus(
		kpi.direction,
		{ target: kpi.target, targetMax: kpi.targetMax, tolerance: kpi.tolerance ?? '0' },
		fromHundredths(unit)
	);
}

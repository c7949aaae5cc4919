/**
 * What-if on a task's minutes: the model page lets an editor or a reader type other minutes per
 * case for some tasks and shows the process's modelled hours, cost and unit cost before and after.
 * Nothing is saved. The same rule (`costModel`) as the saved figures, so an unchanged input gives
 * exactly the stored result; runs in the browser and on the server alike.
 */
import { parseDecimal } from '../decimal';
import type { Halere } from '../money';
import { costModel, type CostingLane, type CostingTask } from './costing';

/** Largest minutes per case a task may have (numeric(10, 2) in the database). */
const MAX_MINUTES = 99_999_999;

export interface WhatIfTotals {
	/** hundredths of an hour a year */
	hours: bigint;
	cost: Halere;
	/** haléře a case; null without volume */
	unitCost: Halere | null;
}

export interface MinutesWhatIf {
	before: WhatIfTotals;
	after: WhatIfTotals;
	/** after − before */
	change: WhatIfTotals;
}

/**
 * Minutes as people type them (`12,5`, `12.5`) → a decimal string; an empty text clears the
 * minutes (null); anything else, a negative value, more than two decimals or too large is
 * `undefined` (refused: the field shows an error and the task keeps its minutes).
 */
export function parseMinutes(text: string): string | null | undefined {
	if (text.trim() === '') return null;
	const value = parseDecimal(text);
	if (value === null || value.startsWith('-')) return undefined;
	if ((value.split('.')[1] ?? '').length > 2 || Number(value) > MAX_MINUTES) return undefined;
	return value;
}

const totals = (c: ReturnType<typeof costModel>): WhatIfTotals => ({
	hours: c.hours,
	cost: c.cost,
	unitCost: c.unitCost
});

/**
 * The model's totals with the tasks' minutes as stored and with `minutes` (task id → decimal
 * string, or null to drop the task's time) in their place. Unknown task ids are ignored.
 */
export function whatIfMinutes(
	tasks: readonly CostingTask[],
	lanes: readonly CostingLane[],
	volume: number | null,
	minutes: ReadonlyMap<string, string | null>
): MinutesWhatIf {
	const before = totals(costModel(tasks, lanes, volume));
	const changed = tasks.map((t) => (minutes.has(t.id) ? { ...t, minutes: minutes.get(t.id)! } : t));
	const after = totals(costModel(changed, lanes, volume));
	const diff = (a: bigint | null, b: bigint | null) => (a === null || b === null ? null : b - a);
	return {
		before,
		after,
		change: {
			hours: after.hours - before.hours,
			cost: after.cost - before.cost,
			unitCost: diff(before.unitCost, after.unitCost)
		}
	};
}

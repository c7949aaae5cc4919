/**
 * Time-driven costing of a process model: the one rule, shared by the server (model page, demo,
 * the people stream's modelled hours) and the browser (what-if on a task's minutes).
 *
 * For each task: minutes per case (hands-on) × share of cases passing through it (per cent) ×
 * cases a year (the process year's volume) = minutes a year; ÷ 60 = hours a year; × the hourly
 * cost of the org unit of the task's lane = cost a year. Everything is exact integer arithmetic:
 * minutes and shares are decimals with at most 4 places (scaled ×10⁴), money is bigint haléře.
 * Each task's hours (hundredths) and cost (haléře) are rounded once, half away from zero; a lane's
 * and the model's totals are the sums of the rounded task figures, so every table adds up.
 * A task without minutes, or without a lane whose unit has an hourly cost, has no cost and is
 * counted in `missing`. Waiting time is not work and is never costed.
 */
import { toScaled } from '../decimal';
import { divRound, type Halere } from '../money';

export interface CostingTask {
	id: string;
	name: string;
	laneId: string | null;
	/** decimal string, minutes per case; null = not set */
	minutes: string | null;
	/** decimal string, 0–100 */
	sharePercent: string;
}

export interface CostingLane {
	id: string;
	name: string;
	/** process_role id the lane stands for */
	roleId: number | null;
	orgUnitId: number | null;
	/** haléře an hour of the lane's org unit in the year; null = unknown */
	hourlyCost: Halere | null;
}

export interface TaskCost {
	id: string;
	name: string;
	laneId: string | null;
	/** hundredths of an hour a year; null without minutes or volume */
	hours: bigint | null;
	/** haléře a year; null when hours or the hourly cost are missing */
	cost: Halere | null;
}

export interface LaneCost {
	id: string;
	name: string;
	roleId: number | null;
	orgUnitId: number | null;
	hours: bigint;
	cost: Halere;
}

export interface ModelCosting {
	tasks: TaskCost[];
	lanes: LaneCost[];
	/** hundredths of an hour */
	hours: bigint;
	cost: Halere;
	/** modelled cost ÷ volume, haléře; null without volume */
	unitCost: Halere | null;
	missing: { minutes: number; hourlyCost: number };
}

const SCALE = 10_000n;
/** minutes scale × share scale × per cent × minutes an hour */
const PER_HOUR = SCALE * SCALE * 100n * 60n;

/** minutes × share × volume as an integer over PER_HOUR / 60 (i.e. exact minutes a year ×10⁸·100). */
function minuteUnits(task: CostingTask, volume: number): bigint | null {
	if (task.minutes === null) return null;
	return toScaled(task.minutes) * toScaled(task.sharePercent) * BigInt(volume);
}

export function costModel(
	tasks: readonly CostingTask[],
	lanes: readonly CostingLane[],
	volume: number | null
): ModelCosting {
	const laneById = new Map(lanes.map((l) => [l.id, l]));
	const laneTotals = new Map<string, LaneCost>(
		lanes.map((l) => [
			l.id,
			{ id: l.id, name: l.name, roleId: l.roleId, orgUnitId: l.orgUnitId, hours: 0n, cost: 0n }
		])
	);
	const missing = { minutes: 0, hourlyCost: 0 };
	let hours = 0n;
	let cost = 0n;
	const out = tasks.map((task): TaskCost => {
		const units = volume === null ? null : minuteUnits(task, volume);
		if (task.minutes === null) missing.minutes++;
		const lane = task.laneId ? laneById.get(task.laneId) : undefined;
		const rate = lane?.hourlyCost ?? null;
		if (task.minutes !== null && rate === null) missing.hourlyCost++;
		const taskHours = units === null ? null : divRound(units * 100n, PER_HOUR);
		const taskCost = units === null || rate === null ? null : divRound(units * rate, PER_HOUR);
		const total = lane ? laneTotals.get(lane.id) : undefined;
		if (taskHours !== null) {
			hours += taskHours;
			if (total) total.hours += taskHours;
		}
		if (taskCost !== null) {
			cost += taskCost;
			if (total) total.cost += taskCost;
		}
		return { id: task.id, name: task.name, laneId: task.laneId, hours: taskHours, cost: taskCost };
	});
	return {
		tasks: out,
		lanes: [...laneTotals.values()],
		hours,
		cost,
		unitCost: volume ? divRound(cost, BigInt(volume)) : null,
		missing
	};
}

/** Modelled cost beside the full cost from the ledger and allocation. */
export interface CostComparison {
	modelled: Halere;
	full: Halere | null;
	/** full − modelled: time not modelled, waiting, overheads, material and services */
	difference: Halere | null;
	/** modelled ÷ full, 0–1+; null without full cost */
	coverage: number | null;
}

export function compareWithFull(modelled: Halere, full: Halere | null): CostComparison {
	if (full === null) return { modelled, full, difference: null, coverage: null };
	return {
		modelled,
		full,
		difference: full - modelled,
		coverage: full === 0n ? null : Number((modelled * 10_000n) / full) / 10_000
	};
}

/**
 * 0–1 heat of each task by cost (or hours when no task is priced): the task's share of the most
 * expensive task's figure. Tasks with no figure get null (drawn neutral).
 */
export function heat(tasks: readonly TaskCost[]): Map<string, number | null> {
	const priced = tasks.some((t) => t.cost !== null);
	const value = (t: TaskCost) => (priced ? t.cost : t.hours);
	const max = tasks.reduce((m, t) => {
		const v = value(t);
		return v !== null && v > m ? v : m;
	}, 0n);
	return new Map(
		tasks.map((t) => {
			const v = value(t);
			return [t.id, v === null || max === 0n ? null : Number((v * 1000n) / max) / 1000];
		})
	);
}

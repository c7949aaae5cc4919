// The whole allocation of one year as a pure function, the one both the recompute and the
// scenarios call: stage 0 spreads each org unit's overhead over processes by the unit's key
// (percentages, a driver or FTE); then each stage, in the clerk's order, passes a support
// process's full cost so far on to the processes it serves, by FTE or a driver. A passed-on
// process keeps its cost as `passedOn` and its own full cost becomes what it could not pass
// (normally zero), so the processes' full costs add up to the ledger's total, nothing counted
// twice. Exact to the haléř (largest remainder); a key adding up to zero leaves its pool
// unallocated and reported, never lost.
import { fromScaledPadded } from '../../decimal';
import { divRound } from '../../money';
import { checkStages, spread, type Stage, type StageProblem, type Weight } from './staged';

export type EntryKind = 'actual' | 'budget';
export type KeySource = 'manual' | 'fte' | 'equal' | 'driver';

export interface InputProcess {
	id: number;
	orgUnitId: number | null;
	/** FTE scaled ×10⁴, an integer weight */
	fte: bigint;
	volume: number | null;
}

export interface StageInput {
	/** the support process passed on */
	sourceId: number;
	/** the driver it follows (null: FTE share) */
	driverId: number | null;
}

export interface AllocationInput {
	/** the active processes (the members of keys and stages) */
	processes: InputProcess[];
	/** volumes of processes with costs that are no longer active */
	extraVolumes?: ReadonlyMap<number, number | null>;
	/** percentages finance set, per unit (percent ×10⁴) */
	manualKeys: ReadonlyMap<number, Weight[]>;
	/** the driver each unit's overhead follows */
	unitDrivers: ReadonlyMap<number, number>;
	/** driver → process → value (×10⁴) */
	driverValues: ReadonlyMap<number, ReadonlyMap<number, bigint>>;
	pools: { kind: EntryKind; orgUnitId: number; amount: bigint }[];
	direct: { kind: EntryKind; processId: number; amount: bigint }[];
	stages: StageInput[];
}

export interface AllocationStep {
	kind: EntryKind;
	/** 0: a unit's overhead; 1…: the clerk's stages in order */
	stage: number;
	/** stage 0: the unit whose overhead is spread */
	orgUnitId: number | null;
	/** stages 1…: the support process passed on */
	sourceId: number | null;
	processId: number;
	pool: bigint;
	/** the share, percent with four decimals */
	percent: string;
	keySource: KeySource;
	driverId: number | null;
	amount: bigint;
}

export interface ProcessResult {
	processId: number;
	kind: EntryKind;
	direct: bigint;
	/** overhead received: from the units (stage 0) and from the stages */
	allocated: bigint;
	/** what this process passed on in its stage */
	passedOn: bigint;
	/** direct + allocated − passedOn */
	fullCost: bigint;
	volume: number | null;
	unitCost: bigint | null;
}

export interface Remainder {
	kind: EntryKind;
	stage: number;
	orgUnitId: number | null;
	sourceId: number | null;
	amount: bigint;
}

export interface AllocationResult {
	steps: AllocationStep[];
	costs: ProcessResult[];
	/** pools that stayed where they were: a key or driver adding up to zero */
	remainders: Remainder[];
	/** why the stages were not run (they are checked on save; data can change since) */
	problem: StageProblem | null;
}

interface Key {
	source: KeySource;
	weights: Weight[];
	driverId: number | null;
}

export function percentOf(weight: bigint, sum: bigint): string {
	return sum === 0n ? '0.0000' : fromScaledPadded(divRound(weight * 1_000_000n, sum));
}

/** The processes a unit's overhead goes to: its own, or every process when it has none. */
function keyMembers(processes: InputProcess[], orgUnitId: number): InputProcess[] {
	const own = processes.filter((p) => p.orgUnitId === orgUnitId);
	return own.length ? own : processes;
}

/** A unit's key: percentages first, then a driver, else FTE (equal shares when nobody has FTE). */
export function unitKey(input: AllocationInput, orgUnitId: number): Key {
	const manual = input.manualKeys.get(orgUnitId);
	if (manual) return { source: 'manual', weights: manual, driverId: null };
	const members = keyMembers(input.processes, orgUnitId);
	const driverId = input.unitDrivers.get(orgUnitId);
	if (driverId !== undefined) {
		const values = input.driverValues.get(driverId);
		return {
			source: 'driver',
			driverId,
			weights: members.map((p) => ({ processId: p.id, weight: values?.get(p.id) ?? 0n }))
		};
	}
	if (members.length === 0) return { source: 'fte', weights: [], driverId: null };
	if (members.some((p) => p.fte > 0n)) {
		return {
			source: 'fte',
			driverId: null,
			weights: members.map((p) => ({ processId: p.id, weight: p.fte }))
		};
	}
	return {
		source: 'equal',
		driverId: null,
		weights: members.map((p) => ({ processId: p.id, weight: 1n }))
	};
}

/**
 * The weights of each stage: every active process but the source itself (a support process
 * does not serve itself), by the driver's values, or by FTE — where the FTE key leaves out every
 * stage's source, as FTE cannot be told which support processes an office serves.
 */
export function stageWeights(input: AllocationInput): Stage[] {
	const sources = new Set(input.stages.map((s) => s.sourceId));
	return input.stages.map((s) => {
		if (s.driverId === null) {
			return {
				sourceId: s.sourceId,
				weights: input.processes
					.filter((p) => !sources.has(p.id))
					.map((p) => ({ processId: p.id, weight: p.fte }))
			};
		}
		const values = input.driverValues.get(s.driverId);
		return {
			sourceId: s.sourceId,
			weights: input.processes
				.filter((p) => p.id !== s.sourceId)
				.map((p) => ({ processId: p.id, weight: values?.get(p.id) ?? 0n }))
		};
	});
}

/** The year's allocation: every step, every process's costs and whatever stayed unallocated. */
export function computeAllocation(input: AllocationInput): AllocationResult {
	const steps: AllocationStep[] = [];
	const remainders: Remainder[] = [];
	const received = new Map<string, bigint>();
	const passed = new Map<string, bigint>();
	const add = (m: Map<string, bigint>, k: string, v: bigint) => m.set(k, (m.get(k) ?? 0n) + v);
	// Stage 0: each unit's overhead over its key.
	for (const pool of input.pools) {
		if (pool.amount === 0n) continue;
		const key = unitKey(input, pool.orgUnitId);
		if (key.weights.length === 0) {
			remainders.push({ ...noSource(pool), amount: pool.amount });
			continue;
		}
		const r = spread(pool.amount, key.weights);
		if (r.unallocated !== 0n) {
			remainders.push({ ...noSource(pool), amount: r.unallocated });
			continue;
		}
		const sum = key.weights.reduce((a, w) => a + w.weight, 0n);
		for (const s of r.shares) {
			steps.push({
				kind: pool.kind,
				stage: 0,
				orgUnitId: pool.orgUnitId,
				sourceId: null,
				processId: s.processId,
				pool: pool.amount,
				percent: percentOf(s.weight, sum),
				keySource: key.source,
				driverId: key.driverId,
				amount: s.amount
			});
			add(received, `${pool.kind}|${s.processId}`, s.amount);
		}
	}
	const directMap = new Map<string, bigint>();
	for (const d of input.direct) add(directMap, `${d.kind}|${d.processId}`, d.amount);
	// The stages, in order, over each kind's costs so far.
	const stages = stageWeights(input);
	const problem = stages.length ? checkStages(stages) : null;
	if (!problem) {
		for (const kind of ['actual', 'budget'] as const) {
			stages.forEach((stage, i) => {
				const k = `${kind}|${stage.sourceId}`;
				const pool = (directMap.get(k) ?? 0n) + (received.get(k) ?? 0n) - (passed.get(k) ?? 0n);
				if (pool === 0n) return;
				const r = spread(pool, stage.weights);
				if (r.unallocated !== 0n) {
					remainders.push({
						kind,
						stage: i + 1,
						orgUnitId: null,
						sourceId: stage.sourceId,
						amount: r.unallocated
					});
					return;
				}
				const sum = stage.weights.reduce((a, w) => a + w.weight, 0n);
				add(passed, k, pool);
				for (const s of r.shares) {
					if (s.amount === 0n && s.weight === 0n) continue;
					steps.push({
						kind,
						stage: i + 1,
						orgUnitId: null,
						sourceId: stage.sourceId,
						processId: s.processId,
						pool,
						percent: percentOf(s.weight, sum),
						keySource: input.stages[i].driverId === null ? 'fte' : 'driver',
						driverId: input.stages[i].driverId,
						amount: s.amount
					});
					add(received, `${kind}|${s.processId}`, s.amount);
				}
			});
		}
	}
	const known = new Map(input.processes.map((p) => [p.id, p]));
	const ids = new Set<number>(input.processes.map((p) => p.id));
	for (const d of input.direct) ids.add(d.processId);
	const costs: ProcessResult[] = [];
	for (const id of ids) {
		for (const kind of ['actual', 'budget'] as const) {
			const k = `${kind}|${id}`;
			const direct = directMap.get(k) ?? 0n;
			const allocated = received.get(k) ?? 0n;
			const passedOn = passed.get(k) ?? 0n;
			if (direct === 0n && allocated === 0n && !known.has(id)) continue;
			const fullCost = direct + allocated - passedOn;
			const volume = known.get(id)?.volume ?? input.extraVolumes?.get(id) ?? null;
			costs.push({
				processId: id,
				kind,
				direct,
				allocated,
				passedOn,
				fullCost,
				volume,
				unitCost: volume && volume > 0 ? divRound(fullCost, BigInt(volume)) : null
			});
		}
	}
	return { steps, costs, remainders, problem };
}

function noSource(pool: { kind: EntryKind; orgUnitId: number }) {
	return { kind: pool.kind, stage: 0, orgUnitId: pool.orgUnitId, sourceId: null };
}

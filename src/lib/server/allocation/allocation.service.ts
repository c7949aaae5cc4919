// Overhead allocation: each org unit's overhead (its fixed and variable costs not booked to a
// process) spreads over processes by the unit's key for the year: percentages finance set, a
// driver finance chose (a measured quantity per process: cases, hours, m², PCs…), or by default
// the FTE of the unit's own processes (units without processes of their own, e.g. the mayor's
// office or IT, spread over all processes by FTE; a driver spreads over the same processes). A
// pool whose key adds up to nothing stays unallocated and the check on the page shows it. Investment is not overhead: it stays
// with the process or initiative it is booked to. Shares are exact to the haléř (allocate()).
import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import type { Db } from '../db';
import * as kpis from '../kpis/kpis.service';
import { fromScaledPadded, parseNonNegative } from '../../decimal';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import * as repo from './allocation.repository';
import {
	computeAllocation,
	percentOf,
	unitKey,
	type AllocationInput,
	type KeySource
} from './compute';
import type { Weight } from './staged';

export type { KeySource };

interface ProcessInfo {
	id: number;
	code: string;
	name: string;
	orgUnitId: number | null;
	/** FTE × 100 as an integer weight */
	fte: bigint;
	volume: number | null;
}

async function loadProcesses(db: Executor, year: number): Promise<ProcessInfo[]> {
	const processes = await repo.processes(db);
	const years = await repo.processYearsUpTo(db, year);
	// The year's FTE, or the latest earlier one: effort rarely changes with the calendar.
	const fte = new Map<number, string>();
	const volume = new Map<number, number | null>();
	for (const y of years) {
		if (y.fte !== null) fte.set(y.process_id, y.fte);
		if (y.year === year) volume.set(y.process_id, y.volume);
	}
	return processes
		.filter((p) => p.status !== 'retired')
		.map((p) => ({
			id: p.id,
			code: p.code,
			name: p.name,
			orgUnitId: p.org_unit_id,
			fte: parseNonNegative(fte.get(p.id) ?? '0') ?? 0n,
			volume: volume.get(p.id) ?? null
		}));
}

/** Everything the year's allocation depends on, read once; computeAllocation does the rest. */
export async function loadInput(db: Executor, year: number): Promise<AllocationInput> {
	const processes = await loadProcesses(db, year);
	const manualKeys = new Map<number, Weight[]>();
	for (const r of await repo.keyRows(db, year)) {
		const weights = manualKeys.get(r.org_unit_id) ?? [];
		weights.push({ processId: r.process_id, weight: parseNonNegative(r.percent) ?? 0n });
		manualKeys.set(r.org_unit_id, weights);
	}
	const unitDrivers = new Map<number, number>();
	for (const c of await repo.unitDrivers(db, year)) unitDrivers.set(c.org_unit_id, c.driver_id!);
	const driverValues = new Map<number, Map<number, bigint>>();
	for (const v of await repo.driverValues(db, year)) {
		const values = driverValues.get(v.driver_id) ?? new Map<number, bigint>();
		values.set(v.process_id, parseNonNegative(v.value) ?? 0n);
		driverValues.set(v.driver_id, values);
	}
	const pools = (await repo.overheadPools(db, year)).map((p) => ({
		kind: p.kind,
		orgUnitId: p.org_unit_id!,
		amount: BigInt(p.amount)
	}));
	const direct = (await repo.directCosts(db, year)).map((d) => ({
		kind: d.kind,
		processId: d.process_id!,
		amount: BigInt(d.amount)
	}));
	const known = new Set(processes.map((p) => p.id));
	const extraVolumes = new Map<number, number | null>();
	if (direct.some((d) => !known.has(d.processId))) {
		for (const e of await repo.volumesIn(db, year)) extraVolumes.set(e.process_id, e.volume);
	}
	const stages = (await repo.stages(db, year)).map((s) => ({
		sourceId: s.source_process_id,
		driverId: s.driver_id
	}));
	return {
		processes: processes.map((p) => ({
			id: p.id,
			orgUnitId: p.orgUnitId,
			fte: p.fte,
			volume: p.volume
		})),
		extraVolumes,
		manualKeys,
		unitDrivers,
		driverValues,
		pools,
		direct,
		stages
	};
}

/** Recomputes process_cost_year and process_cost_allocation for the years from the summary. */
export async function refreshProcessCosts(db: Executor, years: number[]): Promise<void> {
	for (const year of [...new Set(years)]) {
		const result = computeAllocation(await loadInput(db, year));
		const steps = result.steps.map((s) => ({
			year,
			kind: s.kind,
			stage: s.stage,
			org_unit_id: s.orgUnitId,
			source_process_id: s.sourceId,
			process_id: s.processId,
			pool: s.pool,
			percent: s.percent,
			key_source: s.keySource,
			amount: s.amount,
			driver_id: s.driverId
		}));
		const rows = result.costs.map((c) => ({
			process_id: c.processId,
			year,
			kind: c.kind,
			direct: c.direct,
			allocated: c.allocated,
			passed_on: c.passedOn,
			full_cost: c.fullCost,
			volume: c.volume,
			unit_cost: c.unitCost,
			refreshed_at: sql<Date>`now()`
		}));
		await repo.replaceResults(db, year, steps, rows);
		await kpis.syncUnitCostActuals(db, year);
		await kpis.syncInvestmentShareActuals(db, year);
	}
}

export interface KeyView {
	orgUnitId: number;
	year: number;
	source: KeySource;
	/** the driver the unit follows this year (null: percentages or FTE) */
	driverId: number | null;
	/** the allocation_key_set version (0: never saved) */
	version: number;
	rows: { processId: number; code: string; name: string; percent: string; own: boolean }[];
}

/** The key as finance edits it: every active process, with its current percentage. */
export async function keyFor(db: Executor, orgUnitId: number, year: number): Promise<KeyView> {
	const input = await loadInput(db, year);
	const processes = await loadProcesses(db, year);
	const set = await repo.keySet(db, orgUnitId, year);
	const manual = input.manualKeys.get(orgUnitId);
	const key = unitKey(input, orgUnitId);
	const sum = key.weights.reduce((a, w) => a + w.weight, 0n);
	const percent = new Map(key.weights.map((w) => [w.processId, percentOf(w.weight, sum)]));
	return {
		orgUnitId,
		year,
		source: key.source,
		driverId: key.driverId,
		version: set?.version ?? 0,
		rows: processes.map((p) => ({
			processId: p.id,
			code: p.code,
			name: p.name,
			percent: manual
				? fromScaledPadded(manual.find((w) => w.processId === p.id)?.weight ?? 0n)
				: (percent.get(p.id) ?? '0.0000'),
			own: p.orgUnitId === orgUnitId
		}))
	};
}

/**
 * Saves a unit's key for a year. Percentages have at most four decimals and must add up to
 * exactly 100; an empty list returns the unit to the default (FTE) key.
 */
export async function saveKey(
	db: Db,
	actorId: number,
	orgUnitId: number,
	year: number,
	expectedVersion: number,
	entries: { processId: number; percent: string }[]
): Promise<void> {
	const errors: Record<string, string> = {};
	const parsed: { processId: number; value: bigint }[] = [];
	for (const e of entries) {
		const v = e.percent.trim() === '' ? 0n : parseNonNegative(e.percent);
		if (v === null || v > 1_000_000n) errors[`p${e.processId}`] = 'costs_err_percent';
		else if (v > 0n) parsed.push({ processId: e.processId, value: v });
	}
	const sum = parsed.reduce((a, p) => a + p.value, 0n);
	if (!Object.keys(errors).length && entries.length > 0 && sum !== 1_000_000n) {
		errors.sum = 'costs_err_percent_sum';
	}
	if (Object.keys(errors).length) throw new ValidationError(errors);
	await db.transaction().execute(async (trx) => {
		if (!(await repo.unitExists(trx, orgUnitId))) throw new NotFoundError('org_unit');
		const set = await repo.keySet(trx, orgUnitId, year, true);
		if ((set?.version ?? 0) !== expectedVersion) {
			throw new ConflictError(await keyFor(trx, orgUnitId, year));
		}
		const before = (await repo.keyRows(trx, year, orgUnitId)).map((r) => ({
			process_id: r.process_id,
			percent: r.percent
		}));
		const after = parsed.map((p) => ({
			processId: p.processId,
			percent: fromScaledPadded(p.value)
		}));
		await repo.replaceKey(trx, orgUnitId, year, after);
		await repo.stampKeySet(trx, orgUnitId, year, set !== undefined, actorId);
		await refreshProcessCosts(trx, [year]);
		await audit.record(trx, {
			userId: actorId,
			action: parsed.length ? 'allocation.save' : 'allocation.reset',
			entity: 'allocation_key',
			entityId: `${orgUnitId}/${year}`,
			before,
			after: parsed.map((p) => ({ process_id: p.processId, percent: fromScaledPadded(p.value) }))
		});
	});
}

/**
 * Sets the driver a unit's overhead follows in a year (null: back to FTE). Choosing a driver
 * replaces the unit's percentages; the year's allocation is recomputed and the choice audited.
 */
export async function chooseDriver(
	db: Db,
	actorId: number,
	orgUnitId: number,
	year: number,
	expectedVersion: number,
	driverId: number | null
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		if (!(await repo.unitExists(trx, orgUnitId))) throw new NotFoundError('org_unit');
		if (driverId !== null && !(await repo.driverById(trx, driverId))) {
			throw new ValidationError({ driver: 'allocation_err_driver_unknown' });
		}
		const set = await repo.keySet(trx, orgUnitId, year, true);
		if ((set?.version ?? 0) !== expectedVersion) {
			throw new ConflictError(await keyFor(trx, orgUnitId, year));
		}
		const percentages = await repo.keyRows(trx, year, orgUnitId);
		await repo.replaceKey(trx, orgUnitId, year, []);
		await repo.stampKeySet(trx, orgUnitId, year, set !== undefined, actorId, driverId);
		await refreshProcessCosts(trx, [year]);
		await audit.record(trx, {
			userId: actorId,
			action: 'allocation.change_driver',
			entity: 'allocation_key',
			entityId: `${orgUnitId}/${year}`,
			before: {
				driver_id: set?.driver_id ?? null,
				percentages: percentages.map((r) => ({ process_id: r.process_id, percent: r.percent }))
			},
			after: { driver_id: driverId }
		});
	});
}

export interface CoverageRow {
	orgUnitId: number;
	code: string;
	name: string;
	source: KeySource;
	driverId: number | null;
	/** the unit's actual overhead in the year */
	overhead: bigint;
	allocated: bigint;
	/** overhead − allocated: never lost, shown with its reason */
	unallocated: bigint;
	/** why a remainder stays: no process to spread over, or a key adding up to zero */
	reason: 'none' | 'zero' | null;
}

/** The check that every unit's overhead is fully allocated (actual costs of `year`). */
export async function coverage(db: Executor, year: number): Promise<CoverageRow[]> {
	const input = await loadInput(db, year);
	const keyOf = (unitId: number) => unitKey(input, unitId);
	const pools = (await repo.overheadPools(db, year)).filter((p) => p.kind === 'actual');
	const allocated = new Map(
		(await repo.allocatedByUnit(db, year))
			.filter((a) => a.kind === 'actual')
			.map((a) => [a.org_unit_id, a.amount])
	);
	const units = new Map((await repo.unitNames(db)).map((u) => [u.id, u]));
	return pools
		.map((p) => {
			const unitId = p.org_unit_id!;
			const key = keyOf(unitId);
			const got = allocated.get(unitId) ?? 0n;
			const rest = p.amount - got;
			const sum = key.weights.reduce((a, w) => a + w.weight, 0n);
			return {
				orgUnitId: unitId,
				code: units.get(unitId)?.code ?? '',
				name: units.get(unitId)?.name ?? '',
				source: key.source,
				driverId: key.driverId,
				overhead: p.amount,
				allocated: got,
				unallocated: rest,
				reason:
					rest === 0n
						? null
						: key.weights.length === 0
							? ('none' as const)
							: sum === 0n
								? ('zero' as const)
								: null
			};
		})
		.sort((a, b) => a.code.localeCompare(b.code, 'cs'));
}

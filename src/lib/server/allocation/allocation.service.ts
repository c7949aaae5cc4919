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
import { divRound } from '../../money';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import * as repo from './allocation.repository';
import { spread } from './staged';

export type KeySource = 'manual' | 'fte' | 'equal' | 'driver';

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

interface Key {
	source: KeySource;
	weights: { processId: number; weight: bigint }[];
	/** the driver followed (source 'driver') */
	driverId?: number;
}

/** The processes a unit's overhead goes to: its own, or every process when it has none. */
function keyMembers(processes: ProcessInfo[], orgUnitId: number): ProcessInfo[] {
	const own = processes.filter((p) => p.orgUnitId === orgUnitId);
	return own.length ? own : processes;
}

/** The driver keys of `year`: each unit on a driver, its members weighted by the driver's values. */
async function driverKeys(
	db: Executor,
	year: number,
	processes: ProcessInfo[]
): Promise<Map<number, Key>> {
	const choices = await repo.unitDrivers(db, year);
	const keys = new Map<number, Key>();
	if (!choices.length) return keys;
	const values = new Map<string, bigint>();
	for (const v of await repo.driverValues(db, year)) {
		values.set(`${v.driver_id}|${v.process_id}`, parseNonNegative(v.value) ?? 0n);
	}
	for (const c of choices) {
		const driverId = c.driver_id!;
		keys.set(c.org_unit_id, {
			source: 'driver',
			driverId,
			weights: keyMembers(processes, c.org_unit_id).map((p) => ({
				processId: p.id,
				weight: values.get(`${driverId}|${p.id}`) ?? 0n
			}))
		});
	}
	return keys;
}

/** Every unit's key of `year`: percentages first, then a driver, else FTE (resolved per unit). */
async function keysOf(db: Executor, year: number, processes: ProcessInfo[]) {
	const manual = await manualKeys(db, year);
	const driven = await driverKeys(db, year, processes);
	return (unitId: number): Key =>
		manual.get(unitId) ?? driven.get(unitId) ?? defaultKey(processes, unitId);
}

function defaultKey(processes: ProcessInfo[], orgUnitId: number): Key {
	const pool = keyMembers(processes, orgUnitId);
	if (pool.length === 0) return { source: 'fte', weights: [] };
	if (pool.some((p) => p.fte > 0n)) {
		return { source: 'fte', weights: pool.map((p) => ({ processId: p.id, weight: p.fte })) };
	}
	return { source: 'equal', weights: pool.map((p) => ({ processId: p.id, weight: 1n })) };
}

async function manualKeys(db: Executor, year: number): Promise<Map<number, Key>> {
	const rows = await repo.keyRows(db, year);
	const keys = new Map<number, Key>();
	for (const r of rows) {
		const key = keys.get(r.org_unit_id) ?? { source: 'manual' as const, weights: [] };
		key.weights.push({ processId: r.process_id, weight: parseNonNegative(r.percent) ?? 0n });
		keys.set(r.org_unit_id, key);
	}
	return keys;
}

function percentOf(weight: bigint, sum: bigint): string {
	return sum === 0n ? '0.0000' : fromScaledPadded(divRound(weight * 1_000_000n, sum));
}

/** Recomputes process_cost_year and process_cost_allocation for the years from the summary. */
export async function refreshProcessCosts(db: Executor, years: number[]): Promise<void> {
	for (const year of [...new Set(years)]) {
		const processes = await loadProcesses(db, year);
		const keyOf = await keysOf(db, year, processes);
		const pools = await repo.overheadPools(db, year);
		const direct = await repo.directCosts(db, year);
		const steps: {
			year: number;
			kind: 'actual' | 'budget';
			org_unit_id: number;
			process_id: number;
			pool: bigint;
			percent: string;
			key_source: KeySource;
			amount: bigint;
			driver_id: number | null;
		}[] = [];
		const allocated = new Map<string, bigint>();
		for (const pool of pools) {
			const unitId = pool.org_unit_id!;
			const key = keyOf(unitId);
			if (key.weights.length === 0 || pool.amount === 0n) continue;
			// A key adding up to zero (a driver nobody filled in) leaves the pool unallocated.
			const spreadResult = spread(pool.amount, key.weights);
			if (spreadResult.unallocated !== 0n) continue;
			const shares = spreadResult.shares.map((x) => x.amount);
			const sum = key.weights.reduce((a, w) => a + w.weight, 0n);
			key.weights.forEach((w, i) => {
				steps.push({
					year,
					kind: pool.kind,
					org_unit_id: unitId,
					process_id: w.processId,
					pool: pool.amount,
					percent: percentOf(w.weight, sum),
					key_source: key.source,
					amount: shares[i],
					driver_id: key.driverId ?? null
				});
				const k = `${pool.kind}|${w.processId}`;
				allocated.set(k, (allocated.get(k) ?? 0n) + shares[i]);
			});
		}
		const directMap = new Map(direct.map((d) => [`${d.kind}|${d.process_id}`, d.amount]));
		const known = new Map(processes.map((p) => [p.id, p]));
		const ids = new Set<number>(processes.map((p) => p.id));
		for (const d of direct) ids.add(d.process_id!);
		const volumes = new Map<number, number | null>();
		if ([...ids].some((id) => !known.has(id))) {
			const extra = await repo.volumesIn(db, year);
			for (const e of extra) volumes.set(e.process_id, e.volume);
		}
		const rows = [];
		for (const id of ids) {
			for (const kind of ['actual', 'budget'] as const) {
				const d = directMap.get(`${kind}|${id}`) ?? 0n;
				const a = allocated.get(`${kind}|${id}`) ?? 0n;
				if (d === 0n && a === 0n && !known.has(id)) continue;
				const full = d + a;
				const volume = known.get(id)?.volume ?? volumes.get(id) ?? null;
				rows.push({
					process_id: id,
					year,
					kind,
					direct: d,
					allocated: a,
					full_cost: full,
					volume,
					unit_cost: volume && volume > 0 ? divRound(full, BigInt(volume)) : null,
					refreshed_at: sql<Date>`now()`
				});
			}
		}
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
	const processes = await loadProcesses(db, year);
	const set = await repo.keySet(db, orgUnitId, year);
	const manual = (await manualKeys(db, year)).get(orgUnitId);
	const key = (await keysOf(db, year, processes))(orgUnitId);
	const sum = key.weights.reduce((a, w) => a + w.weight, 0n);
	const percent = new Map(key.weights.map((w) => [w.processId, percentOf(w.weight, sum)]));
	return {
		orgUnitId,
		year,
		source: key.source,
		driverId: key.driverId ?? null,
		version: set?.version ?? 0,
		rows: processes.map((p) => ({
			processId: p.id,
			code: p.code,
			name: p.name,
			percent: manual
				? fromScaledPadded(manual.weights.find((w) => w.processId === p.id)?.weight ?? 0n)
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
	const processes = await loadProcesses(db, year);
	const keyOf = await keysOf(db, year, processes);
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
				driverId: key.driverId ?? null,
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

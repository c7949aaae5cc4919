// Overhead allocation: each org unit's overhead (its fixed and variable costs not booked to a
// process) spreads over processes by the unit's key for the year: percentages finance set, or by
// default the FTE of the unit's own processes (units without processes of their own, e.g. the
// mayor's office or IT, spread over all processes by FTE). Investment is not overhead: it stays
// with the process or initiative it is booked to. Shares are exact to the haléř (allocate()).
import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import type { Db } from '../db';
import * as kpis from '../kpis/kpis.service';
import { fromScaledPadded, parseNonNegative } from '../../decimal';
import { allocate, divRound } from '../../money';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import * as repo from './allocation.repository';

export type KeySource = 'manual' | 'fte' | 'equal';

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
}

function defaultKey(processes: ProcessInfo[], orgUnitId: number): Key {
	const own = processes.filter((p) => p.orgUnitId === orgUnitId);
	const pool = own.length ? own : processes;
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
		const manual = await manualKeys(db, year);
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
		}[] = [];
		const allocated = new Map<string, bigint>();
		for (const pool of pools) {
			const unitId = pool.org_unit_id!;
			const key = manual.get(unitId) ?? defaultKey(processes, unitId);
			if (key.weights.length === 0 || pool.amount === 0n) continue;
			const shares = allocate(
				pool.amount,
				key.weights.map((w) => w.weight)
			);
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
					amount: shares[i]
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
	/** the allocation_key_set version (0: never saved) */
	version: number;
	rows: { processId: number; code: string; name: string; percent: string; own: boolean }[];
}

/** The key as finance edits it: every active process, with its current percentage. */
export async function keyFor(db: Executor, orgUnitId: number, year: number): Promise<KeyView> {
	const processes = await loadProcesses(db, year);
	const set = await repo.keySet(db, orgUnitId, year);
	const manual = (await manualKeys(db, year)).get(orgUnitId);
	const key = manual ?? defaultKey(processes, orgUnitId);
	const sum = key.weights.reduce((a, w) => a + w.weight, 0n);
	const percent = new Map(key.weights.map((w) => [w.processId, percentOf(w.weight, sum)]));
	return {
		orgUnitId,
		year,
		source: key.source,
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

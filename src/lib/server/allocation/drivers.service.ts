// Allocation drivers: the catalogue (cases, hours, floor area, documents filed, PCs and the
// office's own) and each driver's values per process and year, saved as one table with a version
// and an audit record; a save recomputes the year's allocation, as the units on the driver follow
// the new values.
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import type { Db } from '../db';
import { fromScaledPadded, parseNonNegative } from '../../decimal';
import { createAudited, auditedAs } from '../shared/versioned';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import * as repo from './allocation.repository';
import * as models from '../models/models.service';
import { refreshProcessCosts } from './allocation.service';
import type { DriverInput } from './drivers.validation';
import { readTable } from '../imports/formats/table';
import {
	MAX_DRIVER_ROWS,
	validateDriverValues,
	valueSets,
	type DriverImportCheck
} from './driver-import';
import { currentYear } from '../shared/clock';
import { FIRST_YEAR, YEARS_AHEAD } from '../shared/http';

export interface Driver {
	id: number;
	code: string;
	name: string;
	unit: string;
	version: number;
}

export function listDrivers(db: Executor): Promise<Driver[]> {
	return repo.drivers(db);
}

const driverChange = auditedAs('cost_driver');

/** Adds a driver the office defines; its code must be free. */
export async function createDriver(
	db: Db,
	actor: { id: number },
	input: DriverInput
): Promise<number> {
	const row = await createAudited(db, 'cost_driver', {
		change: driverChange(actor, 'create'),
		values: input,
		view: (r) => ({ code: r.code, name: r.name, unit: r.unit }),
		check: async (trx) => {
			if (await repo.driverCodeTaken(trx, input.code)) {
				throw new ValidationError({ code: 'processes_error_code_taken' });
			}
		}
	});
	return row.id;
}

export interface DriverValuesView {
	driver: Driver;
	year: number;
	/** the driver_value_set version (0: never saved) */
	version: number;
	/**
	 * every active process, with its value ('' when none) and, for a driver counted in hours, the
	 * hours its process model gives for the year (null: no model with timed tasks)
	 */
	rows: {
		processId: number;
		code: string;
		name: string;
		kind: string;
		value: string;
		modelled: string | null;
	}[];
	total: string;
	/** whether any row has modelled hours to take */
	fromModels: boolean;
}

/** A driver counted in this unit can take its values from the process models' task times. */
export const HOURS_UNIT = 'h';

/** A driver's values of a year as the clerk edits them: every process not retired. */
export async function valuesFor(
	db: Executor,
	driverId: number,
	year: number
): Promise<DriverValuesView> {
	const driver = await repo.driverById(db, driverId);
	if (!driver) throw new NotFoundError('cost_driver');
	const set = await repo.driverValueSet(db, driverId, year);
	const values = new Map(
		(await repo.driverValues(db, year, driverId)).map((v) => [v.process_id, v.value])
	);
	const processes = (await repo.processes(db)).filter((p) => p.status !== 'retired');
	// Hours where a model times the process's tasks (cases × minutes per task); typed elsewhere.
	const modelled =
		driver.unit === HOURS_UNIT ? await models.modelledHoursByProcess(db, year) : new Map();
	let total = 0n;
	for (const v of values.values()) total += parseNonNegative(v) ?? 0n;
	const rows = processes.map((p) => {
		const hours = modelled.get(p.id);
		return {
			processId: p.id,
			code: p.code,
			name: p.name,
			kind: p.kind,
			value: values.has(p.id) ? fromScaledPadded(parseNonNegative(values.get(p.id)!) ?? 0n) : '',
			modelled: hours?.timed ? String(hours.hours) : null
		};
	});
	return {
		driver,
		year,
		version: set?.version ?? 0,
		rows,
		total: fromScaledPadded(total),
		fromModels: rows.some((r) => r.modelled !== null)
	};
}

/**
 * Saves a driver's values for a year as one table: each cell empty (no value) or a non-negative
 * number with at most four decimals, else refused at that cell and nothing is written.
 */
export async function saveValues(
	db: Db,
	actorId: number,
	driverId: number,
	year: number,
	expectedVersion: number,
	entries: { processId: number; value: string }[]
): Promise<void> {
	const errors: Record<string, string> = {};
	const parsed: { processId: number; value: string }[] = [];
	for (const e of entries) {
		if (e.value.trim() === '') continue;
		const v = parseNonNegative(e.value);
		if (v === null || v >= 10n ** 16n) errors[`p${e.processId}`] = 'allocation_err_driver_value';
		else parsed.push({ processId: e.processId, value: fromScaledPadded(v) });
	}
	if (Object.keys(errors).length) throw new ValidationError(errors);
	await db.transaction().execute(async (trx) => {
		if (!(await repo.driverById(trx, driverId))) throw new NotFoundError('cost_driver');
		const set = await repo.driverValueSet(trx, driverId, year, true);
		if ((set?.version ?? 0) !== expectedVersion) {
			throw new ConflictError(await valuesFor(trx, driverId, year));
		}
		const known = new Set((await repo.processes(trx)).map((p) => p.id));
		const unknown = parsed.find((p) => !known.has(p.processId));
		if (unknown) throw new ValidationError({ [`p${unknown.processId}`]: 'error_choice' });
		const before = (await repo.driverValues(trx, year, driverId)).map((v) => ({
			process_id: v.process_id,
			value: v.value
		}));
		await repo.replaceDriverValues(trx, driverId, year, parsed, set !== undefined, actorId);
		await refreshProcessCosts(trx, [year]);
		await audit.record(trx, {
			userId: actorId,
			action: 'driver_value.save',
			entity: 'driver_value',
			entityId: `${driverId}/${year}`,
			before,
			after: parsed.map((p) => ({ process_id: p.processId, value: p.value }))
		});
	});
}

/**
 * Reads and checks a file of driver values (process code, driver code, value, year or `year`):
 * the preview. Nothing is written.
 */
export async function checkImport(
	db: Executor,
	bytes: Uint8Array,
	fileName: string,
	year: number | null
): Promise<DriverImportCheck> {
	const read = await readTable(bytes, fileName, MAX_DRIVER_ROWS);
	if (!read.ok) return { rows: [], errors: [read.error] };
	const [processes, list] = await Promise.all([repo.processes(db), repo.drivers(db)]);
	return validateDriverValues(read.table, {
		processes,
		drivers: list,
		year,
		years: { from: FIRST_YEAR, to: currentYear() + YEARS_AHEAD }
	});
}

/**
 * Imports a file of driver values in one transaction, all or nothing: each driver's values of a
 * year in the file replace that driver's values of those processes (the others stay), the
 * driver-year's version goes up, an audit record each, and the years' allocation is recomputed.
 */
export async function importValues(
	db: Db,
	actorId: number,
	bytes: Uint8Array,
	fileName: string,
	year: number | null
): Promise<DriverImportCheck & { sets: number }> {
	return db.transaction().execute(async (trx) => {
		const check = await checkImport(trx, bytes, fileName, year);
		if (check.errors.length) return { ...check, sets: 0 };
		const sets = valueSets(check.rows);
		for (const set of sets) {
			const existing = await repo.driverValueSet(trx, set.driverId, set.year, true);
			const stored = await repo.driverValues(trx, set.year, set.driverId);
			const before = stored.map((v) => ({ process_id: v.process_id, value: v.value }));
			const merged = new Map(stored.map((v) => [v.process_id, v.value]));
			for (const r of set.rows) merged.set(r.processId, r.value);
			const rows = [...merged].map(([processId, value]) => ({ processId, value }));
			await repo.replaceDriverValues(trx, set.driverId, set.year, rows, !!existing, actorId);
			await audit.record(trx, {
				userId: actorId,
				action: 'driver_value.import',
				entity: 'driver_value',
				entityId: `${set.driverId}/${set.year}`,
				before,
				after: rows.map((r) => ({ process_id: r.processId, value: r.value }))
			});
		}
		await refreshProcessCosts(
			trx,
			sets.map((s) => s.year)
		);
		return { ...check, sets: sets.length };
	});
}

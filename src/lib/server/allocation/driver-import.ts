// Driver values from a file: a CSV or XLSX table (process code, driver code, value, and a year
// column or the year chosen on the form), read with the import kernel's readers (the same
// plain-table reader as the staff import) and checked row by row. All or nothing: any row error and
// no row is returned. Pure (no database): the service passes the processes, drivers and years.
import { parseDecimal, parseNonNegative, fromScaledPadded } from '../../decimal';
import { headerKey, matchColumns } from '../imports/formats/columns';
import type { PlainTable, TableMessage } from '../imports/formats/table';

export const MAX_DRIVER_ROWS = 5000;

/** Column names in header normal form, Czech and English. */
const COLUMNS = {
	process: ['kod_procesu', 'proces', 'process_code', 'process'],
	driver: ['kod_veliciny', 'velicina', 'vztahova_velicina', 'driver_code', 'driver'],
	value: ['hodnota', 'value', 'mnozstvi', 'quantity'],
	year: ['rok', 'year', 'obdobi', 'period']
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['process', 'driver', 'value'];

export type ImportMessage = TableMessage;
export type ImportTable = PlainTable;

export interface DriverImportContext {
	processes: { id: number; code: string }[];
	drivers: { id: number; code: string; name: string }[];
	/** the year of rows without a year column (null: none chosen) */
	year: number | null;
	/** the years accepted */
	years: { from: number; to: number };
}

export interface DriverImportRow {
	line: number;
	processId: number;
	processCode: string;
	driverId: number;
	driverCode: string;
	year: number;
	/** numeric(16,4) text, `12.5000` */
	value: string;
}

export interface DriverImportCheck {
	rows: DriverImportRow[];
	errors: ImportMessage[];
}

const codeKey = (s: string) => s.trim().toUpperCase();

/** Checks every row; rows are returned only when no row has an error (all or nothing). */
export function validateDriverValues(
	table: ImportTable,
	ctx: DriverImportContext
): DriverImportCheck {
	const col = matchColumns(table.headers.map(headerKey), COLUMNS);
	const missing = REQUIRED.filter((c) => col[c] < 0);
	if (missing.length) {
		const columns = missing.map((c) => COLUMNS[c][0]).join(', ');
		return {
			rows: [],
			errors: [{ line: table.headerLine, key: 'people_import_columns', params: { columns } }]
		};
	}
	const records = table.records.filter((r) => r.fields.some((f) => f.trim() !== ''));
	if (records.length === 0) {
		return { rows: [], errors: [{ line: 0, key: 'imports_error_no_data' }] };
	}
	if (records.length > MAX_DRIVER_ROWS) {
		return {
			rows: [],
			errors: [{ line: 0, key: 'costs_err_too_many_rows', params: { max: MAX_DRIVER_ROWS } }]
		};
	}
	const processes = new Map(ctx.processes.map((p) => [codeKey(p.code), p]));
	const drivers = new Map<string, DriverImportContext['drivers'][number]>();
	for (const d of ctx.drivers) {
		drivers.set(codeKey(d.code), d);
		drivers.set(`name:${headerKey(d.name)}`, d);
	}
	const errors: ImportMessage[] = [];
	const rows: DriverImportRow[] = [];
	const firstLine = new Map<string, number>();
	for (const { line, fields } of records) {
		const cell = (c: Column) => (col[c] >= 0 ? (fields[col[c]] ?? '').trim() : '');
		const err = (key: string, params?: ImportMessage['params']) =>
			errors.push({ line, key, params });
		const process = processes.get(codeKey(cell('process')));
		if (!process) err('allocation_import_process', { code: cell('process') });
		const driverText = cell('driver');
		const driver = drivers.get(codeKey(driverText)) ?? drivers.get(`name:${headerKey(driverText)}`);
		if (!driver) err('allocation_import_driver', { code: driverText });
		const valueText = cell('value');
		const decimal = parseDecimal(valueText);
		const scaled = parseNonNegative(valueText);
		if (decimal !== null && decimal.startsWith('-')) {
			err('allocation_import_negative', { value: valueText });
		} else if (scaled === null || scaled >= 10n ** 16n) {
			err('allocation_import_value_bad', { value: valueText });
		}
		const yearText = cell('year').replace(/\.0+$/, '');
		let year: number | null = ctx.year;
		if (yearText) {
			year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
			if (year === null || year < ctx.years.from || year > ctx.years.to) {
				err('allocation_import_year_bad', { value: yearText, ...ctx.years });
				year = null;
			}
		} else if (year === null) {
			err('allocation_import_no_year');
		}
		if (process && driver && year !== null) {
			const key = `${driver.id}|${process.id}|${year}`;
			const seen = firstLine.get(key);
			if (seen !== undefined) err('allocation_import_duplicate', { first: seen });
			else firstLine.set(key, line);
		}
		if (process && driver && year !== null && scaled !== null && scaled < 10n ** 16n) {
			rows.push({
				line,
				processId: process.id,
				processCode: process.code,
				driverId: driver.id,
				driverCode: driver.code,
				year,
				value: fromScaledPadded(scaled)
			});
		}
	}
	return { rows: errors.length ? [] : rows, errors };
}

/** The rows grouped by driver and year, as the import writes them (one version each). */
export function valueSets(rows: readonly DriverImportRow[]) {
	const sets = new Map<string, { driverId: number; year: number; rows: DriverImportRow[] }>();
	for (const r of rows) {
		const key = `${r.driverId}|${r.year}`;
		const set = sets.get(key) ?? { driverId: r.driverId, year: r.year, rows: [] };
		set.rows.push(r);
		sets.set(key, set);
	}
	return [...sets.values()].sort((a, b) => a.driverId - b.driverId || a.year - b.year);
}

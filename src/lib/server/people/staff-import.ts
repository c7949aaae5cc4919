// Staff import from the personnel system: a CSV or XLSX table read with the import kernel's
// readers (decoding, CSV tokenizer, XLSX sheet, header normal form and column matching), then
// checked row by row. All or nothing: any row error and nothing is written. Pure (no database):
// the service passes the org units and the personal numbers already registered.
import { add, compare, parseDecimal } from '../../decimal';
import {
	readTable,
	type PlainTable,
	type TableMessage,
	type TableRead
} from '../imports/formats/table';
import { headerKey, matchColumns } from '../imports/formats/columns';
import { parseDate } from '../imports/formats/dates';
import type { PersonInput } from './people';

export const MAX_STAFF_ROWS = 5000;

const COLUMNS = {
	personalNumber: ['osobni_cislo', 'os_cislo', 'personal_number', 'cislo'],
	name: ['jmeno_a_prijmeni', 'jmeno', 'name', 'zamestnanec', 'prijmeni_a_jmeno'],
	position: ['pracovni_pozice', 'pozice', 'funkce', 'position', 'pracovni_misto'],
	orgUnit: ['utvar', 'organizacni_utvar', 'odbor', 'org_unit', 'oddeleni', 'orj'],
	fte: ['uvazek', 'fte', 'vyse_uvazku'],
	validFrom: ['platnost_od', 'nastup', 'datum_nastupu', 'od', 'valid_from'],
	validTo: ['platnost_do', 'ukonceni', 'datum_ukonceni', 'do', 'valid_to']
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['name', 'position', 'orgUnit', 'fte', 'validFrom'];

export type StaffMessage = TableMessage;
export type StaffTable = PlainTable;
export type StaffRead = TableRead;

/** Bytes → a table of text cells (XLSX by its name or its ZIP signature, else CSV). */
export function readStaffTable(bytes: Uint8Array, fileName: string): Promise<StaffRead> {
	return readTable(bytes, fileName, MAX_STAFF_ROWS);
}

export interface StaffContext {
	/** org units by code and by name, both compared in header normal form */
	orgUnits: { id: number; code: string; name: string }[];
	/** personal numbers already in the register */
	existing: Set<string>;
}

export interface StaffRow extends PersonInput {
	line: number;
	orgUnitCode: string;
}

export interface StaffCheck {
	rows: StaffRow[];
	errors: StaffMessage[];
}

/** Checks every row; rows are returned only when no row has an error (all or nothing). */
export function validateStaff(table: StaffTable, ctx: StaffContext): StaffCheck {
	const keys = table.headers.map(headerKey);
	const col = matchColumns(keys, COLUMNS);
	const missing = REQUIRED.filter((c) => col[c] < 0);
	if (missing.length) {
		return {
			rows: [],
			errors: [
				{
					line: table.headerLine,
					key: 'people_import_columns',
					params: { columns: missing.map((c) => COLUMNS[c][0]).join(', ') }
				}
			]
		};
	}
	if (table.records.length === 0) {
		return { rows: [], errors: [{ line: 0, key: 'imports_error_no_data' }] };
	}
	if (table.records.length > MAX_STAFF_ROWS) {
		return {
			rows: [],
			errors: [{ line: 0, key: 'costs_err_too_many_rows', params: { max: MAX_STAFF_ROWS } }]
		};
	}
	const unitKey = (s: string) => headerKey(s);
	const units = new Map<string, { id: number; code: string }>();
	for (const u of ctx.orgUnits) {
		units.set(unitKey(u.code), u);
		units.set(unitKey(u.name), u);
	}
	const errors: StaffMessage[] = [];
	const rows: StaffRow[] = [];
	// The same person across rows: by personal number, else by name and unit.
	const firstLine = new Map<string, number>();
	const fteSum = new Map<string, string>();
	for (const { line, fields } of table.records) {
		const cell = (c: Column) => (col[c] >= 0 ? (fields[col[c]] ?? '').trim() : '');
		const err = (key: string, params?: StaffMessage['params']) =>
			errors.push({ line, key, params });
		const personalNumber = cell('personalNumber').replace(/\.0+$/, '') || null;
		const name = cell('name');
		const position = cell('position');
		if (!name) err('people_import_name');
		if (!position) err('people_import_position');
		const unit = units.get(unitKey(cell('orgUnit')));
		if (!unit) err('people_import_unit', { unit: cell('orgUnit') });
		const fteText = cell('fte').replace(/\s*%$/, '');
		let fte = parseDecimal(fteText);
		// `50 %` (or a bare `50`) is a percentage; `0,5` a share; `1,2` a share over 1 and refused
		if (
			fte !== null &&
			(cell('fte').includes('%') || (compare(fte, '2') >= 0 && compare(fte, '100') <= 0))
		) {
			fte = String(Number(fte) / 100);
		}
		if (fte === null || compare(fte, '0') <= 0 || compare(fte, '1') > 0) {
			err('people_import_fte', { value: cell('fte') });
			fte = null;
		}
		const validFrom = parseDate(cell('validFrom'));
		if (!validFrom) err('people_import_date', { value: cell('validFrom') });
		const validToText = cell('validTo');
		const validTo = validToText ? parseDate(validToText) : null;
		if (validToText && !validTo) err('people_import_date', { value: validToText });
		if (validFrom && validTo && validTo < validFrom) err('people_error_dates');
		if (personalNumber && ctx.existing.has(personalNumber)) {
			err('people_import_existing', { number: personalNumber });
		}
		const key = personalNumber
			? `#${personalNumber}`
			: `${name.toLowerCase()}\u0000${unit?.id ?? ''}`;
		const seen = firstLine.get(key);
		if (seen !== undefined) err('people_import_duplicate', { first: seen });
		else firstLine.set(key, line);
		if (fte !== null) {
			const sum = add(fteSum.get(key) ?? '0', fte);
			fteSum.set(key, sum);
			if (seen !== undefined && compare(sum, '1') > 0) {
				err('people_import_fte_sum', { first: seen, sum });
			}
		}
		if (unit && fte !== null && validFrom && name && position) {
			rows.push({
				line,
				personalNumber,
				name: name.slice(0, 200),
				position: position.slice(0, 200),
				orgUnitId: unit.id,
				orgUnitCode: unit.code,
				fte,
				validFrom,
				validTo,
				deputyPersonId: null
			});
		}
	}
	return { rows: errors.length ? [] : rows, errors };
}

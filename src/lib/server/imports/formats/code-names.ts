// A code list that comes beside an export: CityVizor's `events.csv` (the events, akce, the data
// file's ORG/AKCE column refers to, as `srcId;name`), or any CSV with a code column and a name
// column. It only lends names to the unknown codes of the preview and the mapping step; nothing
// of it is imported. Read with the one CSV reader and column recogniser of the formats.
import { matchColumns } from './columns';
import { cell, readCsvTable, ResultBuilder } from './common';
import type { CodeField } from '../code-mappings';
import type { RowMessage } from '../source-row';

/** Header names of the code column, by the field its codes belong to (`both`: the file does not say). */
const CODE_COLUMNS = {
	orj: ['orj', 'kod_orj', 'orj_kod'],
	org: ['org', 'akce', 'event', 'eventid', 'event_id', 'kod_akce', 'org_kod'],
	both: ['srcid', 'src_id', 'id', 'kod', 'code', 'cislo']
} as const;
const NAME_COLUMNS = ['name', 'nazev', 'nazev_akce', 'popis', 'text', 'description'];

export interface CodeNames {
	/** code → name, per field; a code list that does not say its field fills both ORJ and ORG */
	names: Partial<Record<CodeField, Map<string, string>>>;
	/** the file could not be read as a code list (one file-level message) */
	errors: RowMessage[];
}

/** A code as compared: trimmed, without the zero padding some exports add (`0110` → `110`). */
function codeKey(code: string): string {
	const s = code.trim();
	return /^\d+$/.test(s) ? s.replace(/^0+(?=\d)/, '') : s;
}

export function readCodeNames(bytes: Uint8Array): CodeNames {
	const b = new ResultBuilder('code-list');
	const table = readCsvTable(bytes, {}, b);
	const fail = (): CodeNames => ({
		names: {},
		errors: [{ line: 0, field: 'file', key: 'imports_warning_code_list' }]
	});
	if (!table) return fail();
	const columns = matchColumns(table.headers, {
		orj: CODE_COLUMNS.orj,
		org: CODE_COLUMNS.org,
		both: CODE_COLUMNS.both,
		name: NAME_COLUMNS
	});
	const codeColumn = (['orj', 'org', 'both'] as const).find((c) => columns[c] >= 0);
	if (!codeColumn || columns.name < 0) return fail();
	const map = new Map<string, string>();
	for (const { fields } of table.records) {
		const code = cell(fields, columns[codeColumn]);
		const name = cell(fields, columns.name);
		if (code && name) map.set(codeKey(code), name.slice(0, 200));
	}
	const fields: CodeField[] = codeColumn === 'both' ? ['orj', 'org'] : [codeColumn];
	return { names: Object.fromEntries(fields.map((f) => [f, map])), errors: [] };
}

/** The name a code list gives a code of a field, if any. */
export function nameOf(list: CodeNames, field: CodeField, code: string): string | null {
	return list.names[field]?.get(codeKey(code)) ?? null;
}

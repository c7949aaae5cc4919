// A plain table from a CSV or XLSX file, for the imports that are not ledgers (staff, driver
// values): bytes → header and records of text cells, with the kernel's decoding, CSV tokenizer and
// XLSX sheet reader. XLSX by its name or its ZIP signature, anything else CSV.
import { decodeText, looksBinary } from './encoding';
import { parseCsv } from './csv';
import { readXlsx } from './xlsx';

/** A problem of a non-ledger import, at its file line (0: the whole file). */
export interface TableMessage {
	line: number;
	key: string;
	params?: Record<string, string | number>;
}

export interface PlainTable {
	headerLine: number;
	headers: string[];
	records: { line: number; fields: string[] }[];
}

export type TableRead = { ok: true; table: PlainTable } | { ok: false; error: TableMessage };

/** Bytes → a table of text cells; an XLSX sheet is read up to `maxRows` rows. */
export async function readTable(
	bytes: Uint8Array,
	fileName: string,
	maxRows: number
): Promise<TableRead> {
	if (bytes.length === 0) return { ok: false, error: { line: 0, key: 'imports_error_empty_file' } };
	const isXlsx = /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
	if (isXlsx) {
		try {
			const t = await readXlsx(bytes, maxRows);
			return {
				ok: true,
				table: { headerLine: t.headerLine, headers: t.headers, records: t.records }
			};
		} catch {
			return { ok: false, error: { line: 0, key: 'imports_error_binary_file' } };
		}
	}
	if (looksBinary(bytes)) {
		return { ok: false, error: { line: 0, key: 'imports_error_binary_file' } };
	}
	const [header, ...records] = parseCsv(decodeText(bytes).text);
	if (!header) return { ok: false, error: { line: 0, key: 'imports_error_empty_file' } };
	return {
		ok: true,
		table: { headerLine: header.line, headers: header.fields.map((h) => h.trim()), records }
	};
}

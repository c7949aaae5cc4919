// Step 1, read: the file's bytes and what the user chose (format, encoding, column mapping, kind)
// → a ReadResult: the ledger lines as the file states them, with row-numbered errors and warnings,
// and for generic CSV/XLSX what the mapping screen shows. Touches no database. Every format goes
// through one adapter from registry.ts; the limits hold for all of them.
import { keepOneKind } from './formats/kind';
import { adapterFor, resolveFormat } from './registry';
import type { RowMessage } from './source-row';
import { LIMITS, type ReadOptions, type ReadResult } from './types';

function fileFailure(format: string, key: string, params?: RowMessage['params']): ReadResult {
	return {
		format,
		encoding: null,
		delimiter: null,
		headers: [],
		mapping: {},
		sample: [],
		yearly: null,
		result: {
			format,
			rowsRead: 0,
			rows: [],
			skipped: [],
			errors: [{ line: 0, field: 'file', key, params }],
			warnings: []
		}
	};
}

export async function readFile(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
	if (bytes.length === 0) return fileFailure('csv', 'imports_error_empty_file');
	if (bytes.length > LIMITS.maxFileSize) {
		return fileFailure('csv', 'costs_err_too_large', {
			max: Math.round(LIMITS.maxFileSize / 1024 / 1024)
		});
	}
	const format = resolveFormat(options.fileName, bytes, options.format);
	const adapter = adapterFor(format);
	const read = await adapter.read(bytes, {
		fileName: options.fileName,
		encoding: options.encoding,
		kind: options.kind,
		year: options.year ?? undefined,
		yearlyColumn: options.yearlyColumn,
		mapping: options.mapping
	});
	if (read.rowsRead > LIMITS.maxRows) {
		return fileFailure(format, 'costs_err_too_many_rows', { max: LIMITS.maxRows });
	}
	const { result, kind } = keepOneKind(read, options.kind);
	const table = result.table;
	return {
		format,
		encoding: result.encoding ?? null,
		delimiter: table?.delimiter ?? null,
		headers: table?.headers ?? [],
		mapping: table?.mapping ?? {},
		sample: table?.sample ?? [],
		yearly: table?.yearly ?? null,
		result,
		// A mapped table has the kind the user chose; only a file that says its kind sets one.
		kind: adapter.columnMapping ? undefined : kind
	};
}

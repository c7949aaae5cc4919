import type { AdapterResult } from '../source-row';
import { fileError, mergeResults, ResultBuilder, type AdapterOptions } from './common';
import { internetStreamFile } from './internet-stream';
import { unzipBounded } from './unzip';

/** Bytes a ZIP may really unpack to (counted, not declared); beyond it the file is refused. */
export const ZIP_MAX_UNPACKED = 128 * 1024 * 1024;

type EntryParser = (
	name: string,
	bytes: Uint8Array,
	options: AdapterOptions
) => AdapterResult | null;

function tag(result: AdapterResult, file: string): AdapterResult {
	for (const list of [result.rows, result.skipped, result.errors, result.warnings]) {
		for (const item of list) item.file = file;
	}
	return result;
}

/**
 * A ZIP of exports, typically Internet Stream's `SR.csv`, `RU.csv` and `SK.csv`: every entry in a
 * known format is read (by `parseEntry`, which detects it), and the results are merged with the
 * entry name on every row and message. When both `SR.csv` (approved budget) and `RU.csv`
 * (amended budget) are there, the amended one is the budget and the approved one is left out with
 * a warning; importing both would count the budget twice.
 */
export function parseZipWith(
	bytes: Uint8Array,
	options: AdapterOptions,
	parseEntry: EntryParser,
	maxUnpacked = ZIP_MAX_UNPACKED
): AdapterResult {
	let entries: Record<string, Uint8Array>;
	try {
		const unzipped = unzipBounded(bytes, maxUnpacked, {
			accept: (name) => !name.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(name)
		});
		if (!unzipped.ok) return fileError('zip', 'imports_error_zip_too_large');
		entries = unzipped.entries;
	} catch {
		return fileError('zip', 'imports_error_zip_unreadable');
	}
	const names = Object.keys(entries).sort();
	const notes = new ResultBuilder('zip');
	const isCsv = (name: string, file: string) =>
		/\.csv$/i.test(name) && internetStreamFile(name) === file;
	const hasRu = names.some((n) => isCsv(n, 'RU'));
	const results: AdapterResult[] = [];
	for (const name of names) {
		if (hasRu && isCsv(name, 'SR')) {
			notes.warn(0, 'imports_warning_zip_sr_replaced', 'file', { file: name });
			continue;
		}
		const result = parseEntry(name, entries[name], { ...options, fileName: name });
		if (result) results.push(tag(result, name));
		else notes.warn(0, 'imports_warning_zip_entry_unknown', 'file', { file: name });
	}
	if (results.length === 0) return fileError('zip', 'imports_error_zip_empty');
	const formats = new Set(results.map((r) => r.format));
	const merged = mergeResults(formats.size === 1 ? [...formats][0] : 'zip', [
		...results,
		notes.result()
	]);
	return merged;
}

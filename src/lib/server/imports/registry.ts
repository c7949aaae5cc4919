// The one list of import formats. Every format, the generic CSV/XLSX mapping included, is an
// adapter: `detect` recognises its files, `read` turns bytes into an AdapterResult (rows and
// row-numbered messages) and never throws. Detection tries the list in order: the accounting
// formats by their content first, then an XLSX workbook, and anything else is generic CSV.
// A new format is one more entry here.
import type { AdapterResult } from './source-row';
import { fileError, type AdapterOptions } from './formats/common';
import { detectFormat, isZip, type AccountingFormat } from './formats/detect';
import { parseCityvizor } from './formats/cityvizor';
import { parseGenericCsv, parseGenericOds, parseGenericXlsx } from './formats/generic';
import { parseInternetStream } from './formats/internet-stream';
import { parseKxx } from './formats/kxx';
import { parseVera } from './formats/vera';
import { parseZipWith } from './formats/zip';

export type { AdapterOptions } from './formats/common';
export type { AccountingFormat } from './formats/detect';

/** Every format by its id (detection order is the order of ADAPTERS). */
export const FORMAT_IDS = [
	'kxx',
	'internet-stream',
	'vera',
	'cityvizor',
	'zip',
	'csv',
	'xlsx',
	'ods'
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export function isFormatId(value: unknown): value is FormatId {
	return FORMAT_IDS.includes(value as FormatId);
}

type Parse<R> = (bytes: Uint8Array, options?: AdapterOptions) => R;

export interface FormatAdapter<Id extends FormatId = FormatId, R = AdapterResult> {
	id: Id;
	/** Recognises its files by name or content, so the user need not pick the format. */
	detect: (fileName: string | null | undefined, bytes: Uint8Array) => boolean;
	read: Parse<R>;
	/** Read through a column mapping (generic CSV/XLSX): the file does not say its kind. */
	columnMapping?: true;
}

/** An unexpected failure inside an adapter becomes one file error, never a crashed request. */
function safe<R extends AdapterResult | Promise<AdapterResult>>(
	format: FormatId,
	parse: Parse<R>
): Parse<R> {
	const failed = () => fileError(format, 'imports_error_unreadable');
	return (bytes, options = {}) => {
		try {
			const result = parse(bytes, options);
			return (result instanceof Promise ? result.catch(failed) : result) as R;
		} catch {
			return failed() as R;
		}
	};
}

function accounting(id: AccountingFormat, parse: Parse<AdapterResult>) {
	return {
		id,
		detect: (fileName: string | null | undefined, bytes: Uint8Array) =>
			detectFormat(fileName, bytes) === id,
		read: safe(id, parse)
	} satisfies FormatAdapter<AccountingFormat>;
}

/** A ZIP entry in any known accounting format except another ZIP; null when it is none of them. */
function readZipEntry(name: string, bytes: Uint8Array, options: AdapterOptions) {
	const format = detectFormat(name, bytes);
	if (!format || format === 'zip') return null;
	return accountingAdapter(format).read(bytes, options);
}

/** The formats read without a column mapping, in detection order. */
export const ACCOUNTING_ADAPTERS: readonly FormatAdapter<AccountingFormat>[] = [
	accounting('kxx', parseKxx),
	accounting('internet-stream', parseInternetStream),
	accounting('vera', parseVera),
	accounting('cityvizor', parseCityvizor),
	accounting('zip', (bytes, options = {}) => parseZipWith(bytes, options, readZipEntry))
];

/** Every format, in detection order: the generic readers come last and take whatever is left. */
export const ADAPTERS: readonly FormatAdapter<FormatId, AdapterResult | Promise<AdapterResult>>[] =
	[
		...ACCOUNTING_ADAPTERS,
		{
			id: 'ods',
			// An OpenDocument spreadsheet says so in its first entry, `mimetype`.
			detect: (fileName, bytes) => /\.ods$/i.test(fileName ?? '') || isOds(bytes),
			read: safe('ods', parseGenericOds),
			columnMapping: true
		},
		{
			id: 'xlsx',
			// Any ZIP the accounting formats left (a workbook), or a file named so.
			detect: (fileName, bytes) => isZip(bytes) || /\.xlsx$/i.test(fileName ?? ''),
			read: safe('xlsx', parseGenericXlsx),
			columnMapping: true
		},
		{ id: 'csv', detect: () => true, read: safe('csv', parseGenericCsv), columnMapping: true }
	];

/** The `mimetype` entry an ODS file starts with, stored uncompressed right after its local header. */
function isOds(bytes: Uint8Array): boolean {
	if (!isZip(bytes) || bytes.length < 90) return false;
	return new TextDecoder().decode(bytes.subarray(30, 120)).includes('opendocument.spreadsheet');
}

export function adapterFor(format: FormatId) {
	return ADAPTERS.find((a) => a.id === format)!;
}

export function accountingAdapter(format: AccountingFormat) {
	return ACCOUNTING_ADAPTERS.find((a) => a.id === format)!;
}

/**
 * The format to read a file in: the one the user or the command line chose (`kxx`, …, `csv`), or
 * the first adapter that recognises the file for `auto`, nothing or an unknown choice.
 */
export function resolveFormat(
	fileName: string | null | undefined,
	bytes: Uint8Array,
	requested?: string | null
): FormatId {
	if (isFormatId(requested)) return requested;
	return ADAPTERS.find((a) => a.detect(fileName, bytes))!.id;
}

/**
 * Reads a file in the given accounting format, or the detected one for `auto` or nothing. Null
 * when the file is in none of them: the generic CSV/XLSX mapping reads it then.
 */
export function parseAccountingFile(
	fileName: string | null | undefined,
	bytes: Uint8Array,
	options: AdapterOptions & { format?: AccountingFormat | 'auto' } = {}
): AdapterResult | null {
	const { format: requested, ...rest } = options;
	const format = requested && requested !== 'auto' ? requested : detectFormat(fileName, bytes);
	if (!format) return null;
	return accountingAdapter(format).read(bytes, { fileName: fileName ?? undefined, ...rest });
}

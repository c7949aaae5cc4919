import type { AdapterResult } from '../source-row';
import { fileError, type AdapterOptions } from './common';
import { detectFormat, FORMAT_IDS, type FormatId } from './detect';
import { parseCityvizor } from './cityvizor';
import { parseInternetStream } from './internet-stream';
import { parseKxx } from './kxx';
import { parseVera } from './vera';
import { parseZipWith } from './zip';

export type { AdapterOptions } from './common';
export { detectFormat, resolveFormat, isFormatId, FORMAT_IDS, type FormatId } from './detect';
export {
	decodeText,
	detectEncoding,
	isEncodingChoice,
	type Encoding,
	type EncodingChoice
} from './encoding';
export { parseCsv, guessDelimiter, normalizeHeader, type CsvRecord } from './csv';
export { parseAmount, amountFromDebitCredit } from './amount';
export { parseDate, monthFromParts } from './dates';

export type FormatAdapter = (bytes: Uint8Array, options?: AdapterOptions) => AdapterResult;

/**
 * Runs an adapter so that no input can make it throw: an unexpected failure becomes one row error
 * (`imports_error_unreadable`) instead of a crashed request or command.
 */
function safe(format: FormatId, adapter: FormatAdapter): FormatAdapter {
	return (bytes, options = {}) => {
		try {
			return adapter(bytes, options);
		} catch {
			return fileError(format, 'imports_error_unreadable');
		}
	};
}

/** A ZIP entry in any known format except another ZIP; null when it is none of them. */
function parseZipEntry(name: string, bytes: Uint8Array, options: AdapterOptions) {
	const format = detectFormat(name, bytes);
	if (!format || format === 'zip') return null;
	return formatAdapters[format](bytes, options);
}

/** Format → adapter: bytes of a whole file in, ledger lines and row messages out. */
export const formatAdapters: Record<FormatId, FormatAdapter> = {
	kxx: safe('kxx', parseKxx),
	'internet-stream': safe('internet-stream', parseInternetStream),
	vera: safe('vera', parseVera),
	cityvizor: safe('cityvizor', parseCityvizor),
	zip: safe('zip', (bytes, options = {}) => parseZipWith(bytes, options, parseZipEntry))
};

/**
 * The adapters in the `{ detect, read }` shape of the import pipeline's registry
 * (`imports/registry.ts`): `for (const [id, a] of registryEntries) formatAdapters.set(id, a)`.
 */
export const registryEntries = FORMAT_IDS.map(
	(id) =>
		[
			id,
			{
				detect: (bytes: Uint8Array, fileName: string) => detectFormat(fileName, bytes) === id,
				read: (bytes: Uint8Array, options: AdapterOptions) => formatAdapters[id](bytes, options)
			}
		] as const
);

/**
 * Reads a file in the given format, or the detected one when `format` is `auto` or absent. Null
 * when the file is in none of the known formats: the generic CSV/XLSX mapping reads it then.
 */
export function parseAccountingFile(
	fileName: string | null | undefined,
	bytes: Uint8Array,
	options: AdapterOptions & { format?: FormatId | 'auto' } = {}
): AdapterResult | null {
	const { format: requested, ...rest } = options;
	const format = requested && requested !== 'auto' ? requested : detectFormat(fileName, bytes);
	if (!format) return null;
	return formatAdapters[format](bytes, { fileName: fileName ?? undefined, ...rest });
}

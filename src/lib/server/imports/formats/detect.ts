import { unzipSync } from 'fflate';
import { findColumn, normalizeHeader } from './columns';
import { parseCsv } from './csv';
import { decodeText, looksBinary } from './encoding';
import { looksLikeKxx } from './kxx';

/** The accounting formats Dílna recognises by their content and reads without a column mapping. */
export type AccountingFormat = 'kxx' | 'internet-stream' | 'vera' | 'cityvizor' | 'zip';

/** A ZIP archive by its signature (XLSX and ODS are ZIPs too). */
export function isZip(bytes: Uint8Array): boolean {
	return (
		bytes.length >= 4 &&
		bytes[0] === 0x50 &&
		bytes[1] === 0x4b &&
		((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
	);
}

/**
 * True for an Office document (XLSX, ODS): also a ZIP, but one the generic XLSX reader opens. Only
 * the archive's directory is read, nothing is unpacked.
 */
export function isOfficeDocument(fileName: string | null | undefined, bytes: Uint8Array): boolean {
	if (/\.(xlsx|xlsm|ods)$/i.test(fileName ?? '')) return true;
	let office = false;
	try {
		unzipSync(bytes, {
			filter: (file) => {
				if (/^(\[Content_Types\]\.xml|xl\/|mimetype$)/.test(file.name)) office = true;
				return false;
			}
		});
	} catch {
		return false;
	}
	return office;
}

/** The format a CSV header belongs to, from its (normalised) column names. */
export function formatOfHeader(headers: readonly string[]): AccountingFormat | null {
	const has = (...names: string[]) => findColumn(headers, names) >= 0;
	if (has('castka_md') && has('castka_dal') && has('polozka')) return 'internet-stream';
	if (has('md') && has('d', 'dal') && has('pol') && has('mesic', 'datum')) return 'vera';
	// CityVizor needs one of its own column names too: a generic export headed `Datum dokladu;…;
	// Položka;Částka` stays with the generic reader, which knows more Czech header names.
	if (
		has('polozka', 'item') &&
		has('castka', 'amount') &&
		has('paragraf', 'paragraph') &&
		has(
			'doklad_datum',
			'doklad_agenda',
			'doklad_rok',
			'modul',
			'prijem_vydaj',
			'subjekt_ic',
			'akce',
			'datum',
			'date',
			'recordtype',
			'type'
		)
	) {
		return 'cityvizor';
	}
	return null;
}

/**
 * Recognises a file by its content: a ZIP by its signature (an XLSX, also a ZIP, is not one of
 * ours), KXX by its record prefixes, the CSV formats by their header. Null means none of these: the
 * generic CSV/XLSX mapping reads it. The
 * name only helps where the content cannot (a `.zip` that is not one still goes to the ZIP reader,
 * which then says so).
 */
export function detectFormat(
	fileName: string | null | undefined,
	bytes: Uint8Array
): AccountingFormat | null {
	if (isZip(bytes)) return isOfficeDocument(fileName, bytes) ? null : 'zip';
	if (/\.zip$/i.test(fileName ?? '')) return 'zip';
	if (bytes.length === 0 || looksBinary(bytes)) return null;
	// The header is in the first few kilobytes; a cut multi-byte character there does no harm.
	const { text } = decodeText(bytes.subarray(0, 65536));
	if (looksLikeKxx(text)) return 'kxx';
	const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
	const [header] = parseCsv(firstLine);
	return header ? formatOfHeader(header.fields.map(normalizeHeader)) : null;
}

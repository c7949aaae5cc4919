// The text of an uploaded file, for the search: PDF through unpdf, DOCX through mammoth, ODT and
// XLSX from their XML (ODT's content.xml, XLSX's shared strings — the cells' texts) unpacked with
// the bounded unzip; images have no text (their title and description are indexed).
import { unzipBounded } from '../imports/formats/unzip';
import type { DocumentType } from './file-type';
import { MAX_UNPACKED_BYTES } from './limits';

/** The most text kept per version (a long regulation is still searchable well within it). */
export const MAX_TEXT_CHARS = 500_000;

/** The text of XML, tags dropped and the five entities decoded. */
export function xmlText(xml: string): string {
	return xml
		.replace(/<\/(text:p|text:h|w:p|si|row)>/g, '\n')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/[ \t]+/g, ' ')
		.replace(/ *\n+ */g, '\n')
		.trim();
}

function zipEntryText(bytes: Uint8Array, entry: string): string {
	const unzipped = unzipBounded(bytes, MAX_UNPACKED_BYTES, { accept: (n) => n === entry });
	if (!unzipped.ok || !unzipped.entries[entry]) return '';
	return xmlText(new TextDecoder().decode(unzipped.entries[entry]));
}

async function pdfText(bytes: Uint8Array): Promise<string> {
	const { extractText, getDocumentProxy } = await import('unpdf');
	const pdf = await getDocumentProxy(new Uint8Array(bytes));
	const { text } = await extractText(pdf, { mergePages: true });
	return text;
}

async function docxText(bytes: Uint8Array): Promise<string> {
	const mammoth = await import('mammoth');
	const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
	return value;
}

/** The file's text, or null when it has none we read (an image) or cannot be read. */
export async function extractText(type: DocumentType, bytes: Uint8Array): Promise<string | null> {
	try {
		let text: string;
		if (type === 'pdf') text = await pdfText(bytes);
		else if (type === 'docx') text = await docxText(bytes);
		else if (type === 'odt') text = zipEntryText(bytes, 'content.xml');
		else if (type === 'xlsx') text = zipEntryText(bytes, 'xl/sharedStrings.xml');
		else return null;
		return text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_CHARS);
	} catch {
		return null;
	}
}

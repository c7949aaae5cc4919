import { isZip } from '../imports/formats/detect';
import { unzipBounded } from '../imports/formats/unzip';
import { MAX_DOCUMENT_BYTES } from './limits';

/** The files the knowledge base takes, each recognised by its content, never by its name. */
export const DOCUMENT_TYPES = {
	pdf: { mime: 'application/pdf', extensions: ['pdf'] },
	docx: {
		mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		extensions: ['docx']
	},
	xlsx: {
		mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		extensions: ['xlsx']
	},
	odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
	png: { mime: 'image/png', extensions: ['png'] },
	jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] }
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;

const starts = (bytes: Uint8Array, signature: number[]) =>
	bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** The names of a ZIP's entries (nothing is inflated); null for a broken archive. */
function entryNames(bytes: Uint8Array): string[] | null {
	try {
		const names: string[] = [];
		unzipBounded(bytes, 0, {
			accept: (name) => {
				names.push(name);
				return false;
			}
		});
		return names;
	} catch {
		return null;
	}
}

/** The type of a file from its first bytes (and, for a ZIP, the entries it holds); null if none we take. */
export function detectType(bytes: Uint8Array): DocumentType | null {
	if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
	if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (starts(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (!isZip(bytes)) return null;
	const names = entryNames(bytes);
	if (!names) return null;
	if (names.includes('word/document.xml')) return 'docx';
	if (names.includes('xl/workbook.xml')) return 'xlsx';
	if (names.includes('content.xml') && names.includes('mimetype')) {
		const mimetype = unzipBounded(bytes, 1024, { accept: (n) => n === 'mimetype' });
		const text = mimetype.ok ? new TextDecoder().decode(mimetype.entries.mimetype) : '';
		if (text.trim() === DOCUMENT_TYPES.odt.mime) return 'odt';
	}
	return null;
}

/** The type a file name claims by its extension; null for an extension we do not take. */
export function typeOfName(fileName: string): DocumentType | null {
	const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
	for (const [type, spec] of Object.entries(DOCUMENT_TYPES)) {
		if ((spec.extensions as readonly string[]).includes(ext)) return type as DocumentType;
	}
	return null;
}

export type FileCheck =
	| { ok: true; type: DocumentType; mime: string }
	| {
			ok: false;
			error:
				| 'imports_error_empty_file'
				| 'knowledge_error_file_size'
				| 'knowledge_error_file_type'
				| 'knowledge_error_file_mismatch';
	  };

/**
 * Whether an upload may be stored: not empty, not over the limit, a type we take by its content,
 * and the same type its name claims (a `.pdf` holding a Word file is refused, not guessed).
 */
export function checkFile(fileName: string, bytes: Uint8Array): FileCheck {
	if (!bytes.length) return { ok: false, error: 'imports_error_empty_file' };
	if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, error: 'knowledge_error_file_size' };
	const named = typeOfName(fileName);
	const found = detectType(bytes);
	if (!named || !found) return { ok: false, error: 'knowledge_error_file_type' };
	if (named !== found) return { ok: false, error: 'knowledge_error_file_mismatch' };
	return { ok: true, type: found, mime: DOCUMENT_TYPES[found].mime };
}

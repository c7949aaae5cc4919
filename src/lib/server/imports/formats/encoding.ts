/**
 * Text encodings of accounting exports. Czech systems write UTF-8 (with or without a BOM) or
 * Windows-1250; Excel's "Unicode text" is UTF-16LE with a BOM. Detection: a BOM decides; otherwise
 * bytes that are valid UTF-8 are UTF-8 (Windows-1250 Czech text is practically never valid UTF-8),
 * anything else is Windows-1250. The caller can force an encoding when the guess is wrong.
 */
export type Encoding = 'utf-8' | 'windows-1250' | 'utf-16le';
export type EncodingChoice = Encoding | 'auto';

export const ENCODINGS: readonly Encoding[] = ['utf-8', 'windows-1250', 'utf-16le'];

export interface DecodedText {
	text: string;
	encoding: Encoding;
	/** The file started with a byte order mark (removed from `text`). */
	bom: boolean;
}

export function isEncodingChoice(value: unknown): value is EncodingChoice {
	return value === 'auto' || ENCODINGS.includes(value as Encoding);
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
	return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function hasUtf16LeBom(bytes: Uint8Array): boolean {
	return bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

export function detectEncoding(bytes: Uint8Array): Encoding {
	if (hasUtf8Bom(bytes)) return 'utf-8';
	if (hasUtf16LeBom(bytes)) return 'utf-16le';
	return isValidUtf8(bytes) ? 'utf-8' : 'windows-1250';
}

/** Decodes the bytes (never throws: undecodable bytes become U+FFFD) and strips a BOM. */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText {
	const encoding = choice === 'auto' ? detectEncoding(bytes) : choice;
	// A BOM is dropped even under a forced encoding, where it would read as `ď»ż`.
	let start = 0;
	if (encoding === 'utf-16le') start = hasUtf16LeBom(bytes) ? 2 : 0;
	else if (hasUtf8Bom(bytes)) start = 3;
	const text = new TextDecoder(encoding).decode(start ? bytes.subarray(start) : bytes);
	return { text, encoding, bom: start > 0 };
}

/**
 * True when the bytes are not text: NUL bytes (outside UTF-16) or many control characters in the
 * first block. Used to refuse a binary file renamed to `.csv` with one clear message.
 */
export function looksBinary(bytes: Uint8Array): boolean {
	if (hasUtf16LeBom(bytes)) return false;
	const sample = bytes.subarray(0, 8192);
	let control = 0;
	for (const b of sample) {
		if (b === 0) return true;
		if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a)) control++;
	}
	return sample.length > 0 && control / sample.length > 0.05;
}

/**
 * When the user forces UTF-8: the 1-based line of the first bytes that are not valid UTF-8 (a BOM
 * skipped), so the message names a line instead of showing `�`. Null when they are all valid, or
 * for any other choice (auto detection never reads a file in an encoding it is not in).
 */
export function invalidUtf8Line(bytes: Uint8Array, choice: EncodingChoice): number | null {
	if (choice !== 'utf-8') return null;
	const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
	if (isValidUtf8(body)) return null;
	let line = 1;
	let start = 0;
	for (let i = 0; i <= body.length; i++) {
		if (i === body.length || body[i] === 10) {
			if (!isValidUtf8(body.subarray(start, i))) return line;
			line++;
			start = i + 1;
		}
	}
	return line;
}

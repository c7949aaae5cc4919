// Bytes → text → records for the generic CSV adapter. Czech accounting exports come in UTF-8 (with
// or without BOM) or Windows-1250; valid UTF-8 is taken as UTF-8, anything else as Windows-1250.
export type TextEncoding = 'utf-8' | 'windows-1250';
export type EncodingChoice = TextEncoding | 'auto';

export function isEncodingChoice(value: unknown): value is EncodingChoice {
	return value === 'auto' || value === 'utf-8' || value === 'windows-1250';
}

export interface Decoded {
	text: string;
	encoding: TextEncoding;
	bom: boolean;
	/** 1-based line of the first byte that is not valid in the chosen encoding, when forced. */
	invalidLine: number | null;
}

function hasBom(bytes: Uint8Array): boolean {
	return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** A file that is not text at all: NUL bytes or many control characters near its start. */
export function looksBinary(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, 8192);
	let control = 0;
	for (let i = 0; i < n; i++) {
		const b = bytes[i];
		if (b === 0) return true;
		if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
	}
	return n > 0 && control / n > 0.02;
}

export function isZip(bytes: Uint8Array): boolean {
	return (
		bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
	);
}

export function decode(bytes: Uint8Array, choice: EncodingChoice = 'auto'): Decoded {
	const bom = hasBom(bytes);
	const body = bom ? bytes.subarray(3) : bytes;
	let encoding: TextEncoding;
	let invalidLine: number | null = null;
	if (choice === 'auto') {
		encoding = bom || isUtf8(body) ? 'utf-8' : 'windows-1250';
	} else {
		encoding = choice;
		if (choice === 'utf-8' && !isUtf8(body)) invalidLine = firstInvalidUtf8Line(body);
	}
	const text = new TextDecoder(encoding).decode(body);
	return { text, encoding, bom, invalidLine };
}

function isUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
	let line = 1;
	let start = 0;
	for (let i = 0; i <= bytes.length; i++) {
		if (i === bytes.length || bytes[i] === 10) {
			if (!isUtf8(bytes.subarray(start, i))) return line;
			line++;
			start = i + 1;
		}
	}
	return line;
}

export interface CsvRecord {
	/** 1-based line where the record starts. */
	line: number;
	cells: string[];
}

/** The separator of the header line: the most frequent of `;`, tab and `,` outside quotes. */
export function guessDelimiter(text: string): string {
	const first = text.split(/\r?\n/, 1)[0] ?? '';
	const counts: Record<string, number> = { ';': 0, '\t': 0, ',': 0 };
	let quoted = false;
	for (const ch of first) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && ch in counts) counts[ch]++;
	}
	return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][1] > 0
		? Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0]
		: ';';
}

/**
 * RFC 4180 with the separator given: quoted fields may hold separators, quotes (`""`) and line
 * breaks. Blank lines are left out; every record keeps the line it starts on.
 */
export function parseCsv(text: string, delimiter: string): CsvRecord[] {
	const records: CsvRecord[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let recordLine = 1;
	let fieldStarted = false;
	const push = () => {
		cells.push(cell);
		cell = '';
		fieldStarted = false;
	};
	const end = () => {
		push();
		if (!(cells.length === 1 && cells[0].trim() === '')) records.push({ line: recordLine, cells });
		cells = [];
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i++;
				} else quoted = false;
			} else {
				if (ch === '\n') line++;
				cell += ch;
			}
			continue;
		}
		if (ch === '"' && !fieldStarted) {
			quoted = true;
			fieldStarted = true;
		} else if (ch === delimiter) push();
		else if (ch === '\r' && text[i + 1] === '\n') continue;
		else if (ch === '\n' || ch === '\r') {
			end();
			line++;
			recordLine = line;
		} else {
			cell += ch;
			if (ch !== ' ') fieldStarted = true;
		}
	}
	if (cell !== '' || cells.length > 0) end();
	return records;
}

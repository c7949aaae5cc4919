// Bytes → text → records for the generic CSV adapter. Encodings and binary files are recognised
// as for every other accounting format (formats/encoding.ts).
import { decodeText, isValidUtf8, type DecodedText, type EncodingChoice } from './formats/encoding';

export { isEncodingChoice, looksBinary, type EncodingChoice } from './formats/encoding';

export interface Decoded extends DecodedText {
	/** 1-based line of the first byte that is not valid UTF-8, when UTF-8 was forced. */
	invalidLine: number | null;
}

export function isZip(bytes: Uint8Array): boolean {
	return (
		bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
	);
}

export function decode(bytes: Uint8Array, choice: EncodingChoice = 'auto'): Decoded {
	const decoded = decodeText(bytes, choice);
	const body = decoded.bom ? bytes.subarray(3) : bytes;
	const invalidLine = choice === 'utf-8' && !isValidUtf8(body) ? firstInvalidUtf8Line(body) : null;
	return { ...decoded, invalidLine };
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
	let line = 1;
	let start = 0;
	for (let i = 0; i <= bytes.length; i++) {
		if (i === bytes.length || bytes[i] === 10) {
			if (!isValidUtf8(bytes.subarray(start, i))) return line;
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

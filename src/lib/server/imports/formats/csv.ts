/**
 * A CSV tokenizer for accounting exports: `;` or `,` (or tab) separated, fields optionally in double
 * quotes (a quote inside a quoted field is doubled, a quoted field may hold the separator and line
 * breaks), CRLF, LF or CR line ends, a BOM at the start ignored. A quote inside an unquoted field is
 * an ordinary character. Each record carries the 1-based line it starts on, so messages point at the
 * line the user sees in an editor. Never throws.
 */
export interface CsvRecord {
	/** 1-based line number where the record starts. */
	line: number;
	fields: string[];
	/** A quoted field was still open at the end of the file. */
	unterminated?: boolean;
}

export interface CsvOptions {
	/** Separator; guessed from the first line when omitted. */
	delimiter?: string;
	/** Skip records whose fields are all empty (blank lines, `;;;`). Default true. */
	skipEmpty?: boolean;
	/** Stop after this many records: a file over the row limit is refused, not read whole. */
	maxRecords?: number;
}

/** Picks the separator that the first line uses most, outside quotes: `;`, tab or `,`. */
export function guessDelimiter(text: string): string {
	const firstLine = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
	const counts: Record<string, number> = { ';': 0, '\t': 0, ',': 0 };
	let quoted = false;
	for (const ch of firstLine) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && ch in counts) counts[ch]++;
	}
	let best = ';';
	for (const d of ['\t', ',']) if (counts[d] > counts[best]) best = d;
	return best;
}

export function parseCsv(input: string, options: CsvOptions = {}): CsvRecord[] {
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	const delimiter = options.delimiter ?? guessDelimiter(text);
	const skipEmpty = options.skipEmpty ?? true;
	const records: CsvRecord[] = [];
	const n = text.length;
	let i = 0;
	let line = 1;

	const maxRecords = options.maxRecords ?? Infinity;
	while (i < n && records.length < maxRecords) {
		const start = i;
		const startLine = line;
		const fields: string[] = [];
		let field = '';
		let unterminated = false;
		let endOfRecord = false;
		let atFieldStart = true;
		while (i < n && !endOfRecord) {
			const ch = text[i];
			if (atFieldStart && ch === '"') {
				// Quoted field: up to the closing quote; `""` is a literal quote.
				i++;
				let closed = false;
				while (i < n) {
					const c = text[i];
					if (c === '"') {
						if (text[i + 1] === '"') {
							field += '"';
							i += 2;
							continue;
						}
						i++;
						closed = true;
						break;
					}
					if (c === '\r' || c === '\n') {
						if (c === '\r' && text[i + 1] === '\n') {
							field += '\n';
							i += 2;
						} else {
							field += '\n';
							i++;
						}
						line++;
						continue;
					}
					field += c;
					i++;
				}
				if (!closed) {
					unterminated = true;
					break;
				}
				atFieldStart = false;
				// Characters after the closing quote up to the separator belong to the field (lenient).
				continue;
			}
			if (ch === delimiter) {
				fields.push(field);
				field = '';
				atFieldStart = true;
				i++;
				continue;
			}
			if (ch === '\r' || ch === '\n') {
				i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
				line++;
				endOfRecord = true;
				break;
			}
			field += ch;
			atFieldStart = false;
			i++;
		}
		if (unterminated) {
			// Report the record where it started and go on with the line after it, so one stray quote
			// does not swallow the rest of the file.
			records.push({ line: startLine, fields: [...fields, field], unterminated: true });
			const nextBreak = text.slice(start).search(/\r\n|\n|\r/);
			if (nextBreak < 0) break;
			i = start + nextBreak;
			i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
			line = startLine + 1;
			continue;
		}
		fields.push(field);
		if (skipEmpty && fields.every((f) => f.trim() === '')) continue;
		records.push({ line: startLine, fields });
	}
	return records;
}

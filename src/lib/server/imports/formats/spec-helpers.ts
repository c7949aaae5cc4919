// Test support for the format adapters' specs (not used by the app).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AdapterResult } from '../source-row';

const decoder = new TextDecoder('windows-1250');
const table = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) {
	const ch = decoder.decode(new Uint8Array([byte]));
	if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, byte);
}

/** Encodes text in Windows-1250 (what Czech accounting systems write). */
export function cp1250(text: string): Uint8Array {
	const out: number[] = [];
	for (const ch of text) {
		const code = ch.charCodeAt(0);
		if (code < 0x80) out.push(code);
		else {
			const byte = table.get(ch);
			if (byte === undefined) throw new Error(`not in Windows-1250: ${ch}`);
			out.push(byte);
		}
	}
	return new Uint8Array(out);
}

export function utf8(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}

/** A file from tests/fixtures/formats/. */
export function fixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(resolve(process.cwd(), 'tests/fixtures/formats', name)));
}

/** Messages as `line:key` strings, for compact assertions. */
export function keys(messages: AdapterResult['errors']): string[] {
	return messages.map((m) => `${m.line}:${m.key}`);
}

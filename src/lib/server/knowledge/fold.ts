/**
 * Accent-insensitive matching for Czech without the `unaccent` extension (not available on every
 * engine Dílna runs on): text and queries are folded the same way — lower case, combining marks
 * removed (NFD) — in code, and in SQL by `translate` over the letters of Czech, Slovak and German
 * (FOLD_FROM → FOLD_TO), which maps each letter to one letter so positions stay put.
 */
export const FOLD_FROM = 'áäčďéěëíĺľňóôöŕřšťúůüýžÁÄČĎÉĚËÍĹĽŇÓÔÖŔŘŠŤÚŮÜÝŽ';
export const FOLD_TO = 'aacdeeeillnooorrstuuuyzAACDEEEILLNOOORRSTUUUYZ';

const folded = new Map<string, string>();

/**
 * One character folded to one character (so an index in the folded text is one in the original);
 * remembered per character, as a page of results folds tens of thousands of them.
 */
function foldChar(c: string): string {
	let f = folded.get(c);
	if (f === undefined) {
		f = (c.normalize('NFD')[0] ?? c).toLowerCase();
		if (folded.size < 10_000) folded.set(c, f);
	}
	return f;
}

export function fold(text: string): string {
	return Array.from(text, foldChar).join('');
}

/** The query's words, folded, letters and digits only; at most 8. */
export function queryWords(query: string): string[] {
	return fold(query)
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length >= 2)
		.slice(0, 8);
}

export interface Segment {
	text: string;
	hit: boolean;
}

/**
 * A snippet of `text` around the first word starting with a query word, split into segments
 * with the hits marked (pages render them as <mark>, never as HTML).
 */
export function snippet(text: string, words: string[], width = 160): Segment[] {
	const chars = Array.from(text);
	const folded = chars.map(foldChar).join('');
	if (!words.length) return [{ text: chars.slice(0, width).join(''), hit: false }];
	const pattern = new RegExp(
		`(?<![\\p{L}\\p{N}])(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[\\p{L}\\p{N}]*`,
		'gu'
	);
	const hits = [...folded.matchAll(pattern)].map((m) => [m.index!, m.index! + m[0].length]);
	const first = hits[0]?.[0] ?? 0;
	const start = Math.max(0, first - Math.floor(width / 3));
	const end = Math.min(chars.length, start + width);
	const out: Segment[] = [];
	let at = start;
	for (const [a, b] of hits) {
		if (b <= start || a >= end) continue;
		if (a > at) out.push({ text: chars.slice(at, a).join(''), hit: false });
		out.push({ text: chars.slice(Math.max(a, at), Math.min(b, end)).join(''), hit: true });
		at = Math.min(b, end);
	}
	if (at < end) out.push({ text: chars.slice(at, end).join(''), hit: false });
	if (start > 0) out.unshift({ text: '… ', hit: false });
	if (end < chars.length) out.push({ text: ' …', hit: false });
	return out;
}

// The code lists of the budget classification by year: položky (expenditure, classes 5 and 6) and
// paragrafy, each code with its name and validity, as data built by scripts/code-lists.ts from the
// Ministry of Finance's published lists (see README.md here for the sources and how to update).
// A file is checked against the lists of its own year: a code is valid in a year when its validity
// overlaps that year.
import polozky from './polozky.json';
import paragrafy from './paragrafy.json';

export interface CodeListEntry {
	code: string;
	name: string;
	/** `YYYY-MM-DD`, first day valid */
	from: string;
	/** `YYYY-MM-DD`, last day valid; null while still valid */
	to: string | null;
	/** where the fact comes from (file name of the MF list, or a labelled snapshot) */
	source: string;
}

export type CodeListName = 'polozky' | 'paragrafy';

const LISTS: Record<CodeListName, Map<string, CodeListEntry>> = {
	polozky: new Map((polozky as CodeListEntry[]).map((e) => [e.code, e])),
	paragrafy: new Map((paragrafy as CodeListEntry[]).map((e) => [e.code, e]))
};

/** The entry of a code when the code is valid at some day of `year`; null otherwise. */
export function validIn(list: CodeListName, code: string, year: number): CodeListEntry | null {
	const e = LISTS[list].get(code);
	if (!e) return null;
	return e.from <= `${year}-12-31` && (e.to === null || e.to >= `${year}-01-01`) ? e : null;
}

/** What the lists say of a code in a year: valid, listed but valid in other years only, or absent. */
export function codeStatus(
	list: CodeListName,
	code: string,
	year: number
): 'valid' | 'other-year' | 'absent' {
	if (!LISTS[list].has(code)) return 'absent';
	return validIn(list, code, year) ? 'valid' : 'other-year';
}

/** The years the lists' facts come from, for the README and the report. */
export function entries(list: CodeListName): CodeListEntry[] {
	return [...LISTS[list].values()];
}

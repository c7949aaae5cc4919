// The drill-down's address: a cost figure's filters as query parameters, the same on the breakdown
// (`/costs/breakdown`) and the ledger lines behind it (`/costs/entries`). Every figure that can be
// followed down builds its link here.

/** A figure's filters; `unit`, `process` and `paragraf` may be `none` (lines without one). */
export interface DrillParams {
	year: number;
	kind?: 'actual' | 'budget' | null;
	nature?: string | null;
	unit?: number | string | null;
	process?: number | string | null;
	initiative?: number | null;
	paragraf?: string | null;
	polozka?: string | null;
	/** 1–12 */
	month?: number | null;
}

const ORDER = [
	'year',
	'kind',
	'nature',
	'unit',
	'process',
	'initiative',
	'paragraf',
	'polozka',
	'month'
] as const;

export function drillQuery(p: DrillParams): string {
	return ORDER.filter((k) => p[k] !== null && p[k] !== undefined && p[k] !== '')
		.map((k) => `${k}=${encodeURIComponent(String(p[k]))}`)
		.join('&');
}

/** The breakdown of a figure (kind `actual` unless it says otherwise). */
export function breakdownHref(p: DrillParams): string {
	return `/costs/breakdown?${drillQuery({ kind: 'actual', ...p })}`;
}

/** The ledger lines of a figure. */
export function entriesHref(p: DrillParams): string {
	return `/costs/entries?${drillQuery({ kind: 'actual', ...p })}`;
}

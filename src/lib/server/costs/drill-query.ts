// A figure's filters read from the address (`$lib/drill.ts` writes them): anything malformed is
// left out, never an error, so a link always shows a figure.
import { NATURES } from './costs';
import type { DrillFilter } from './drill.repository';
import type { EntryCursor } from './costs.repository';
import type { CostNature } from '../db/schema';

function idOrNone(v: string | null): number | 'none' | null {
	if (v === 'none') return 'none';
	const n = Number(v);
	return v && Number.isInteger(n) && n > 0 && n < 2 ** 31 ? n : null;
}

export function parseDrill(params: URLSearchParams, year: number): DrillFilter {
	const code = (v: string | null) => (v && /^\d{4}$/.test(v) ? v : null);
	const month = Number(params.get('month'));
	const initiative = idOrNone(params.get('initiative'));
	const nature = params.get('nature');
	return {
		year,
		kind: params.get('kind') === 'budget' ? 'budget' : 'actual',
		nature: NATURES.includes(nature as CostNature) ? (nature as CostNature) : null,
		orgUnitId: idOrNone(params.get('unit')),
		processId: idOrNone(params.get('process')),
		initiativeId: typeof initiative === 'number' ? initiative : null,
		paragraf: params.get('paragraf') === 'none' ? 'none' : code(params.get('paragraf')),
		polozka: code(params.get('polozka')),
		month: Number.isInteger(month) && month >= 1 && month <= 12 ? month : null
	};
}

/** A ledger line's place in the entry list as the address writes it: `YYYY-MM-DD.id`. */
export function formatCursor(c: EntryCursor): string {
	return `${c.month.slice(0, 10)}.${c.id}`;
}

/** A cursor from the address; anything malformed is no cursor (the list's first page). */
export function parseCursor(v: string | null): EntryCursor | null {
	const match = v ? /^(\d{4}-\d{2}-\d{2})\.(\d{1,18})$/.exec(v) : null;
	return match ? { month: match[1], id: BigInt(match[2]) } : null;
}

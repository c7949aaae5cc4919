// Every cost figure followed down: its breakdown by paragraf, položka, org unit and month (each row
// a narrower figure), the ledger lines behind it with what their import kept (document, date,
// counterparty, file and row; a private person's name only for `names.read`), and the paragraf,
// položka and unit views with this year beside the last.
import type { Executor } from '../audit/audit';
import * as repo from './costs.repository';
import * as drill from './drill.repository';
import { counterparty } from './privacy';
import { formatCursor } from './drill-query';
import type { DrillFilter, Dimension } from './drill.repository';

export type { DrillFilter, Dimension } from './drill.repository';
export { DIMENSIONS } from './drill.repository';

export interface BreakdownRow {
	/** the value to narrow the figure by (`none`: lines without one) */
	key: string;
	/** the code as shown (paragraf, položka, unit code, month `YYYY-MM`); null: none */
	code: string | null;
	name: string;
	amount: bigint;
	entries: number;
}

export interface Breakdown {
	total: bigint;
	entries: number;
	by: Record<Dimension, BreakdownRow[]>;
	/** the codes of the unit, process and initiative the figure is narrowed to */
	codes: { unit: string | null; process: string | null; initiative: string | null };
}

async function names(db: Executor) {
	const [categories, units, paragrafy] = await Promise.all([
		repo.categoryNames(db),
		repo.unitNames(db),
		drill.paragrafNames(db)
	]);
	return {
		polozka: new Map(categories.map((c) => [c.polozka, c.name])),
		unit: new Map(units.map((u) => [String(u.id), u])),
		paragraf: new Map(paragrafy.map((p) => [p.paragraf, p.name]))
	};
}

const NO_CODES = { unit: null, process: null, initiative: null };

/** A figure's sums by each dimension; each dimension's rows add up to the figure, largest first. */
export async function breakdown(db: Executor, f: DrillFilter): Promise<Breakdown> {
	const narrowedById = [f.orgUnitId, f.processId, f.initiativeId].some(
		(v) => typeof v === 'number'
	);
	const [rows, codes] = await Promise.all([
		drill.groups(db, f),
		narrowedById ? drill.selectionCodes(db, f) : NO_CODES
	]);
	const by: Record<Dimension, BreakdownRow[]> = { paragraf: [], polozka: [], unit: [], month: [] };
	for (const r of rows) {
		by[r.dimension].push({
			key: r.key ?? 'none',
			code: r.code,
			name: r.name,
			amount: r.amount,
			entries: r.entries
		});
	}
	const cmp = (a: BreakdownRow, b: BreakdownRow) =>
		a.amount === b.amount
			? (a.code ?? '').localeCompare(b.code ?? '')
			: a.amount > b.amount
				? -1
				: 1;
	for (const d of ['paragraf', 'polozka', 'unit'] as const) by[d].sort(cmp);
	by.month.sort((a, b) => a.key.localeCompare(b.key));
	return {
		total: by.month.reduce((s, r) => s + r.amount, 0n),
		entries: by.month.reduce((s, r) => s + r.entries, 0),
		by,
		codes
	};
}

export interface EntryListFilter extends Omit<repo.EntryFilter, 'manual' | 'batchId'> {
	batchId?: number | null;
	manual?: boolean;
}

/**
 * The ledger lines of a figure, newest first, with their provenance; a private person's name is
 * withheld (`names` false: a viewer without `names.read`, a public export).
 */
export async function entries(db: Executor, f: EntryListFilter, names: boolean) {
	const rows = await repo.entries(db, f);
	// Lines before a cursor come nearest first; the list reads newest first.
	if (f.before) rows.reverse();
	return rows.map((e) => {
		// The name leaves the server only through `counterparty`, which withholds a person's.
		const { partner_name: name, partner_person: person, ...rest } = e;
		void name;
		void person;
		return { ...rest, counterparty: counterparty(e, names) };
	});
}

/**
 * One page of a figure's ledger lines and the cursors of its neighbours (null: none that way).
 * `f.after`/`f.before` say where the page starts; neither: the newest lines.
 */
export async function entryPage(
	db: Executor,
	f: Omit<EntryListFilter, 'limit'>,
	names: boolean,
	size: number
) {
	// One line more than the page tells whether there is another page that way.
	const rows = await entries(db, { ...f, limit: size + 1 }, names);
	const further = rows.length > size;
	const page = f.before ? rows.slice(further ? 1 : 0) : rows.slice(0, size);
	const first = page[0];
	const last = page[page.length - 1];
	const cursor = (e: (typeof page)[number]) => formatCursor({ month: e.month, id: e.id });
	return {
		entries: page,
		// Coming from a neighbour page, that page is there to go back to.
		newer: first && (f.before ? further : !!f.after) ? cursor(first) : null,
		older: last && (f.before ? true : further) ? cursor(last) : null
	};
}

export interface YearOverYearRow {
	key: string;
	code: string | null;
	name: string;
	current: { budget: bigint; actual: bigint };
	previous: { budget: bigint; actual: bigint };
}

/** A view (by paragraf, položka or unit) of `year` beside `year - 1`, largest actual first. */
export async function yearOverYear(
	db: Executor,
	year: number,
	dimension: Exclude<Dimension, 'month'>
): Promise<YearOverYearRow[]> {
	const [rows, n] = await Promise.all([drill.yearPairs(db, year, dimension), names(db)]);
	const byKey = new Map<string, YearOverYearRow>();
	for (const r of rows) {
		const key = r.key ?? 'none';
		let row = byKey.get(key);
		if (!row) {
			const unit = dimension === 'unit' && r.key ? n.unit.get(r.key) : undefined;
			row = {
				key,
				code: unit ? unit.code : r.key,
				name: dimension === 'unit' ? (unit?.name ?? '') : (n[dimension].get(r.key ?? '') ?? ''),
				current: { budget: 0n, actual: 0n },
				previous: { budget: 0n, actual: 0n }
			};
			byKey.set(key, row);
		}
		row[r.year === year ? 'current' : 'previous'][r.kind] += r.amount;
	}
	return [...byKey.values()].sort((a, b) =>
		a.current.actual === b.current.actual
			? (a.code ?? '').localeCompare(b.code ?? '')
			: a.current.actual > b.current.actual
				? -1
				: 1
	);
}

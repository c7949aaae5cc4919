/**
 * Column recognition, one recogniser for every CSV/XLSX format. Header names are compared in one
 * normal form (`normalizeHeader`). The accounting formats (VERA, CityVizor, Internet Stream) name
 * their columns exactly and match them exactly, so a generic export is never taken for one of
 * them; the generic CSV/XLSX adapter reads exports it has never seen and also matches a name's
 * last part after a prefix (`DOKLAD_DATUM` → date) and any part, on `headerKey` (notes in
 * parentheses and punctuation dropped: `Položka (kód)` → `polozka`). The mapping screen starts
 * from the generic guess and finance can change it.
 */
import { parseAmount } from './amount';

/**
 * Header name as compared: lower case, without diacritics, BOM, surrounding quotes and spaces, with
 * runs of spaces, dashes and dots turned into `_` (`Položka (kód)` → `polozka_(kod)`).
 */
export function normalizeHeader(name: string): string {
	return name
		.replace(/^\ufeff/, '')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.trim()
		.replace(/^"|"$/g, '')
		.toLowerCase()
		.replace(/[\s.-]+/g, '_');
}

/** The words of a header for the generic guess: `Položka (kód)` → `polozka`, `Částka Kč` → `castka_kc`. */
export function headerKey(name: string): string {
	return normalizeHeader(name)
		.replace(/\([^)]*\)/g, ' ')
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

type Pass = (key: string, name: string) => boolean;

const EXACT: Pass = (h, s) => h === s;
const LOOSE: readonly Pass[] = [
	EXACT,
	(h, s) => h.endsWith(`_${s}`),
	(h, s) => h.startsWith(`${s}_`) || h.split('_').includes(s)
];

/**
 * Column index per role (-1: not in the file). Pass by pass, role by role, name by name, the first
 * column not yet taken wins: each column serves one role.
 */
export function matchColumns<R extends string>(
	keys: readonly string[],
	names: Record<R, readonly string[]>,
	passes: readonly Pass[] = [EXACT],
	/** whether a column may serve a role (its values fit), found by its exact name or not */
	fits: (role: R, index: number, exact: boolean) => boolean = () => true
): Record<R, number> {
	const roles = Object.keys(names) as R[];
	const columns = Object.fromEntries(roles.map((r) => [r, -1])) as Record<R, number>;
	const used = new Set<number>();
	for (const pass of passes) {
		for (const role of roles) {
			if (columns[role] >= 0) continue;
			for (const name of names[role]) {
				const i = keys.findIndex(
					(h, idx) => !used.has(idx) && pass(h, name) && fits(role, idx, pass === EXACT)
				);
				if (i >= 0) {
					columns[role] = i;
					used.add(i);
					break;
				}
			}
		}
	}
	return columns;
}

/** The column of the first name (already normalised) that the header has, or -1. */
export function findColumn(headers: readonly string[], names: readonly string[]): number {
	return matchColumns(headers, { column: names }).column;
}

/** The fields of a ledger line the generic adapter reads, in the order the mapping screen lists them. */
export const FIELDS = [
	'date',
	'month',
	'year',
	'amount',
	'debit',
	'credit',
	'polozka',
	'paragraf',
	'orj',
	'org',
	'uz',
	'text',
	'document',
	'partner',
	'ico'
] as const;
export type Field = (typeof FIELDS)[number];

/** field → the header it is read from (null: not in the file). */
export type ColumnMapping = Partial<Record<Field, string | null>>;

/** Usual Czech (and English) header names of each field, as `headerKey` writes them. */
const SYNONYMS: Record<Field, readonly string[]> = {
	date: ['datum', 'date', 'datum_dokladu', 'datum_uctovani', 'datum_zauctovani', 'den'],
	month: ['obdobi', 'mesic', 'month', 'period', 'ucetni_obdobi'],
	year: ['rok', 'year'],
	amount: [
		'castka',
		'amount',
		'castka_kc',
		'kc',
		'suma',
		'hodnota',
		'skutecnost',
		'rozpocet',
		'vydaje',
		'cerpani'
	],
	debit: ['md', 'ma_dati', 'debet', 'debit'],
	credit: ['dal', 'credit', 'kredit'],
	polozka: ['polozka', 'pol', 'item', 'rozpoctova_polozka'],
	paragraf: ['paragraf', 'par', 'odpa', 'paragraph'],
	orj: ['orj', 'organizacni_rozpoctova_jednotka', 'odbor'],
	org: ['org', 'organizace'],
	uz: ['uz', 'ucelovy_znak'],
	text: ['text', 'popis', 'poznamka', 'nazev', 'description', 'note'],
	// Optional: what the drill-down shows of the entry (document, counterparty).
	document: ['doklad', 'cislo_dokladu', 'doklad_cislo', 'doklad_id', 'document', 'document_number'],
	partner: [
		'protistrana',
		'partner',
		'dodavatel',
		'nazev_dodavatele',
		'nazev_partnera',
		'subjekt_nazev',
		'counterparty',
		'supplier'
	],
	ico: ['ico', 'ic', 'ico_dodavatele', 'ico_partnera', 'subjekt_ic', 'subjekt_ico']
};

/** A field as a missing-column message names it: its usual header (`DATUM`, `POLOZKA`). */
export function fieldLabel(field: Field): string {
	return SYNONYMS[field][0].toUpperCase();
}

/** The fields whose column holds amounts: guessed only where the values read as amounts. */
const AMOUNT_FIELDS: ReadonlySet<Field> = new Set(['amount', 'debit', 'credit']);

/** Rows sampled to check that a column holds amounts. */
export const AMOUNT_SAMPLE = 50;

/**
 * Whether a column's values read as amounts: at least half of its non-empty values in the first
 * `AMOUNT_SAMPLE` rows parse (`parseAmount`). A column with no values in the sample may be one.
 */
export function holdsAmounts(rows: readonly (readonly string[])[], index: number): boolean {
	let filled = 0;
	let parsed = 0;
	for (const row of rows.slice(0, AMOUNT_SAMPLE)) {
		const value = (row[index] ?? '').trim();
		if (value === '') continue;
		filled++;
		if (parseAmount(value).ok) parsed++;
	}
	return filled === 0 || parsed * 2 >= filled;
}

/**
 * The generic guess of a mapping from the headers as the file writes them. With the first rows,
 * a column whose name only contains an amount word (`Popis výdaje`, `Kč celkem bez DPH`) is
 * proposed as the amount (or MD/Dal) only when its values read as amounts: a text column is never
 * guessed so. A column named exactly so (`Částka`, `MD`) is taken as the file says, and a bad
 * value in it is reported on its row.
 */
export function recogniseColumns(
	headers: readonly string[],
	rows?: readonly (readonly string[])[]
): ColumnMapping {
	const fits = (field: Field, index: number, exact: boolean) =>
		exact || !rows || !AMOUNT_FIELDS.has(field) || holdsAmounts(rows, index);
	const columns = matchColumns(headers.map(headerKey), SYNONYMS, LOOSE, fits);
	const mapping: ColumnMapping = {};
	for (const field of FIELDS) if (columns[field] >= 0) mapping[field] = headers[columns[field]];
	// A year column only helps with a month number; with a full date it is noise.
	if (mapping.date && mapping.year) delete mapping.year;
	return mapping;
}

/** The fields a ledger line needs, one group each: a month source, an amount and the položka. */
export const REQUIRED_FIELDS: readonly (readonly Field[])[] = [
	['date', 'month'],
	['amount', 'debit'],
	['polozka']
];

/** What the mapping lacks to read a ledger line (the first field of each missing group). */
export function missingFields(mapping: ColumnMapping): Field[] {
	return REQUIRED_FIELDS.filter((group) => group.every((f) => !mapping[f])).map((g) => g[0]);
}

/** The amount columns of a yearly table (one row per paragraf × položka, no dates). */
export const YEARLY_COLUMNS = ['approved', 'amended', 'final', 'actual'] as const;
export type YearlyColumn = (typeof YEARLY_COLUMNS)[number];

export function isYearlyColumn(value: unknown): value is YearlyColumn {
	return YEARLY_COLUMNS.includes(value as YearlyColumn);
}

/**
 * Their headers as `headerKey` writes them: the names of the MF reports (FIN 2-12 M: schválený
 * rozpočet, rozpočet po změnách, výsledek od počátku roku), the MONITOR columns (SRDAL, RUDAL,
 * SKDAL: the credit side of SR, RU, SK) and the usual abbreviations.
 */
const YEARLY_SYNONYMS: Record<YearlyColumn, readonly string[]> = {
	approved: ['schvaleny_rozpocet', 'rozpocet_schvaleny', 'srdal', 'sr', 'schvaleny', 'schval_rozp'],
	amended: [
		'rozpocet_po_zmenach',
		'upraveny_rozpocet',
		'rozpocet_upraveny',
		'rudal',
		'ru',
		'rpz',
		'upraveny',
		'upr_rozp'
	],
	final: ['konecny_rozpocet', 'rozpocet_konecny', 'krdal', 'kr', 'konecny'],
	actual: [
		'vysledek_od_pocatku_roku',
		'skutecnost_od_pocatku_roku',
		'skdal',
		'sk',
		'skutecnost',
		'vysledek',
		'cerpani'
	]
};

/** The yearly amount columns the headers have: column kind → header as the file writes it. */
export function yearlyColumns(headers: readonly string[]): Partial<Record<YearlyColumn, string>> {
	const columns = matchColumns(headers.map(headerKey), YEARLY_SYNONYMS);
	const found: Partial<Record<YearlyColumn, string>> = {};
	for (const c of YEARLY_COLUMNS) if (columns[c] >= 0) found[c] = headers[columns[c]];
	return found;
}

/**
 * The yearly column to read: the one asked for, else for a budget the amended, final or approved
 * one (the budget in force), for actuals the result. Null when the table has none of them.
 */
export function pickYearlyColumn(
	found: Partial<Record<YearlyColumn, string>>,
	kind: 'actual' | 'budget',
	wanted?: YearlyColumn | null
): YearlyColumn | null {
	const order: YearlyColumn[] = wanted
		? [wanted]
		: kind === 'budget'
			? ['amended', 'final', 'approved']
			: ['actual'];
	return order.find((c) => found[c]) ?? null;
}

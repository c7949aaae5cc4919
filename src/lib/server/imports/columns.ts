// Recognises the columns of an accounting export by their usual Czech (and English) header
// names, with or without diacritics, any case, prefixes (`DOKLAD_DATUM`) and notes in
// parentheses (`Položka (kód)`). The mapping screen starts from this and finance can change it.
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
	'text'
] as const;
export type Field = (typeof FIELDS)[number];

/** field → the header it is read from (null: not in the file). */
export type ColumnMapping = Partial<Record<Field, string | null>>;

const SYNONYMS: Record<Field, string[]> = {
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
	text: ['text', 'popis', 'poznamka', 'nazev', 'description', 'note']
};

export function normalizeHeader(name: string): string {
	return name
		.replace(/^\uFEFF/, '')
		.replace(/\([^)]*\)/g, ' ')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

/**
 * Guesses the mapping: first exact names, then a name's last part after a prefix
 * (`doklad_datum` → date), then any part. Each header serves one field.
 */
export function recogniseColumns(headers: readonly string[]): ColumnMapping {
	const normalized = headers.map(normalizeHeader);
	const used = new Set<number>();
	const mapping: ColumnMapping = {};
	const passes: ((h: string, synonym: string) => boolean)[] = [
		(h, s) => h === s,
		(h, s) => h.endsWith(`_${s}`),
		(h, s) => h.startsWith(`${s}_`) || h.split('_').includes(s)
	];
	for (const pass of passes) {
		for (const field of FIELDS) {
			if (mapping[field]) continue;
			for (const synonym of SYNONYMS[field]) {
				const i = normalized.findIndex((h, idx) => !used.has(idx) && pass(h, synonym));
				if (i >= 0) {
					mapping[field] = headers[i];
					used.add(i);
					break;
				}
			}
		}
	}
	// A year column only helps with a month number; with a full date it is noise.
	if (mapping.date && mapping.year) delete mapping.year;
	return mapping;
}

/** What the mapping lacks to read a ledger line: a month source, an amount and the položka. */
export function missingFields(mapping: ColumnMapping): Field[] {
	const missing: Field[] = [];
	if (!mapping.date && !mapping.month) missing.push('date');
	if (!mapping.amount && !mapping.debit) missing.push('amount');
	if (!mapping.polozka) missing.push('polozka');
	return missing;
}

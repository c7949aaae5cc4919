import type { AdapterResult, EntryKind } from '../source-row';
import { addCsvLine, readNamedCsv, type AdapterOptions } from './common';

/**
 * Internet Stream open-data exports (GORDIC, also published by towns as open data): `SR.csv`
 * (approved budget), `RU.csv` (amended budget), `SK.csv` (actuals). Every field in double quotes,
 * `;`, UTF-8 or Windows-1250; the amount is a debit/credit pair (`CASTKA_MD`, `CASTKA_DAL`).
 */
const ALIASES = {
	year: ['doklad_rok', 'rok'],
	date: ['doklad_datum', 'datum'],
	agenda: ['doklad_agenda'],
	org: ['organizace', 'org'],
	orj: ['orj'],
	paragraf: ['paragraf'],
	polozka: ['polozka'],
	uz: ['uz', 'ucelovy_znak'],
	debit: ['castka_md'],
	credit: ['castka_dal'],
	note: ['poznamka'],
	partner: ['subjekt_nazev']
} as const;

export type InternetStreamFile = 'SR' | 'RU' | 'SK';

/** `SR`, `RU` or `SK` from a file name such as `SK.csv`, `data/RU.CSV` or `2024_SR.csv`. */
export function internetStreamFile(fileName: string | undefined): InternetStreamFile | null {
	const base = (fileName ?? '').split(/[\\/]/).pop() ?? '';
	const m = /(?:^|[^a-z])(sr|ru|sk)(?:[^a-z]|$)/i.exec(base.replace(/\.[^.]*$/, ''));
	return m ? (m[1].toUpperCase() as InternetStreamFile) : null;
}

export function parseInternetStream(
	bytes: Uint8Array,
	options: AdapterOptions = {}
): AdapterResult {
	const required = ['polozka', 'debit', 'credit', ['date', 'year']] as const;
	const file = internetStreamFile(options.fileName);
	const kind: EntryKind = file === 'SK' ? 'actual' : file ? 'budget' : (options.kind ?? 'actual');
	return readNamedCsv(
		'internet-stream',
		bytes,
		options,
		{ aliases: ALIASES, required },
		(records, b) => {
			for (const { line, get } of records) {
				const yearText = get('year') || (options.year ? String(options.year) : '');
				const budgetYear = kind === 'budget' && yearText ? yearText : null;
				const { month } = b.dateOf(line, get('date'), budgetYear);
				const polozka = get('polozka');
				addCsvLine(b, {
					line,
					kind,
					month,
					amount: b.debitCredit(
						line,
						polozka,
						['castka_md', get('debit')],
						['castka_dal', get('credit')]
					),
					polozka,
					paragraf: get('paragraf'),
					orj: get('orj'),
					org: get('org'),
					uz: get('uz'),
					text: get('note') || get('partner')
				});
			}
		}
	);
}

import type { AdapterResult, EntryKind } from '../source-row';
import {
	addCsvLine,
	cell,
	mapColumns,
	readCsvTable,
	ResultBuilder,
	type AdapterOptions
} from './common';

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

type Role = keyof typeof ALIASES;

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
	const b = new ResultBuilder('internet-stream');
	const table = readCsvTable(bytes, options, b);
	if (!table) return b.result();
	const c = mapColumns<Role>(table, ALIASES, ['polozka', 'debit', 'credit', ['date', 'year']], b);
	if (!c) return b.result(table.encoding);
	const file = internetStreamFile(options.fileName);
	const kind: EntryKind = file === 'SK' ? 'actual' : file ? 'budget' : (options.kind ?? 'actual');

	for (const { line, fields } of table.records) {
		const yearText = cell(fields, c.year) || (options.year ? String(options.year) : '');
		const { month } = b.dateOf(
			line,
			cell(fields, c.date),
			kind === 'budget' && yearText ? yearText : null
		);
		const polozka = cell(fields, c.polozka);
		const amount = b.debitCredit(
			line,
			polozka,
			['castka_md', cell(fields, c.debit)],
			['castka_dal', cell(fields, c.credit)]
		);
		addCsvLine(b, {
			line,
			kind,
			month,
			amount,
			polozka,
			paragraf: cell(fields, c.paragraf),
			orj: cell(fields, c.orj),
			org: cell(fields, c.org),
			uz: cell(fields, c.uz),
			text: cell(fields, c.note) || cell(fields, c.partner)
		});
	}
	return b.result(table.encoding);
}

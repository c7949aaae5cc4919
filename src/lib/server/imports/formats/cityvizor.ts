import type { AdapterResult, EntryKind } from '../source-row';
import { parseDate } from './dates';
import { addCsvLine, readNamedCsv, type AdapterOptions } from './common';

/**
 * CityVizor import CSV (what towns export for cityvizor.cz): `;`, header names in any case with
 * several spellings (`DOKLAD_DATUM` or `DATUM`, `DOKLAD_AGENDA` or `MODUL`, `ORG` or `AKCE`), one
 * signed amount `CASTKA` (spending positive), fields quoted where they hold `;`. Agenda `ROZ` marks
 * budget lines; the položka decides whether a line is a cost (`PRIJEM_VYDAJ` only repeats it).
 */
const ALIASES = {
	agenda: ['doklad_agenda', 'modul', 'type', 'recordtype'],
	date: ['doklad_datum', 'datum', 'date'],
	year: ['doklad_rok', 'rok'],
	paragraf: ['paragraf', 'paragraph'],
	polozka: ['polozka', 'item'],
	orj: ['orj', 'unit'],
	org: ['org', 'akce', 'event', 'eventid'],
	uz: ['uz', 'ucelovy_znak'],
	amount: ['castka', 'amount'],
	note: ['poznamka', 'description'],
	partner: ['subjekt_nazev', 'counterpartyname'],
	ico: ['subjekt_ic', 'subjekt_ico', 'counterpartyid'],
	document: ['doklad_id', 'doklad_cislo', 'documentid']
} as const;

export function parseCityvizor(bytes: Uint8Array, options: AdapterOptions = {}): AdapterResult {
	const columns = { aliases: ALIASES, required: ['polozka', 'amount'] as const };
	return readNamedCsv('cityvizor', bytes, options, columns, (records, b) => {
		// Budget lines may have no date: they belong to the year of the file's dated lines, when the
		// caller does not say (and the dated lines agree on one).
		const years = new Set<string>();
		for (const { get } of records) {
			const date = parseDate(get('date'));
			if (date) years.add(date.slice(0, 4));
		}
		const fileYear = options.year ? String(options.year) : years.size === 1 ? [...years][0] : '';

		for (const { line, get } of records) {
			const agenda = get('agenda').toUpperCase();
			const kind: EntryKind =
				agenda === 'ROZ' ? 'budget' : agenda ? 'actual' : (options.kind ?? 'actual');
			const yearText = get('year') || fileYear;
			const budgetYear = kind === 'budget' && yearText ? yearText : null;
			const { date, month } = b.dateOf(line, get('date'), budgetYear);
			addCsvLine(b, {
				line,
				kind,
				month,
				amount: b.amount(line, 'castka', get('amount')),
				polozka: get('polozka'),
				paragraf: get('paragraf'),
				orj: get('orj'),
				org: get('org'),
				uz: get('uz'),
				// The counterparty is kept apart (a private person's name is personal data), never as text.
				text: get('note'),
				document: get('document'),
				date,
				partnerName: get('partner'),
				partnerIco: get('ico')
			});
		}
	});
}

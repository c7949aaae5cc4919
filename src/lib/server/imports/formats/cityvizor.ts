import type { AdapterResult, EntryKind } from '../source-row';
import { parseDate } from './dates';
import {
	addCsvLine,
	cell,
	mapColumns,
	readCsvTable,
	ResultBuilder,
	type AdapterOptions
} from './common';

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

type Role = keyof typeof ALIASES;

export function parseCityvizor(bytes: Uint8Array, options: AdapterOptions = {}): AdapterResult {
	const b = new ResultBuilder('cityvizor');
	const table = readCsvTable(bytes, options, b);
	if (!table) return b.result();
	const c = mapColumns<Role>(table, ALIASES, ['polozka', 'amount'], b);
	if (!c) return b.result(table.encoding);
	// Budget lines may have no date: they belong to the year of the file's dated lines, when the
	// caller does not say (and the dated lines agree on one).
	const years = new Set<string>();
	for (const { fields } of table.records) {
		const date = parseDate(cell(fields, c.date));
		if (date) years.add(date.slice(0, 4));
	}
	const fileYear = options.year ? String(options.year) : years.size === 1 ? [...years][0] : '';

	for (const { line, fields } of table.records) {
		const agenda = cell(fields, c.agenda).toUpperCase();
		const kind: EntryKind =
			agenda === 'ROZ' ? 'budget' : agenda ? 'actual' : (options.kind ?? 'actual');
		const yearText = cell(fields, c.year) || fileYear;
		const { date, month } = b.dateOf(
			line,
			cell(fields, c.date),
			kind === 'budget' && yearText ? yearText : null
		);
		addCsvLine(b, {
			line,
			kind,
			month,
			amount: b.amount(line, 'castka', cell(fields, c.amount)),
			polozka: cell(fields, c.polozka),
			paragraf: cell(fields, c.paragraf),
			orj: cell(fields, c.orj),
			org: cell(fields, c.org),
			uz: cell(fields, c.uz),
			// The counterparty is kept apart (a private person's name is personal data), never as text.
			text: cell(fields, c.note),
			document: cell(fields, c.document),
			date,
			partnerName: cell(fields, c.partner),
			partnerIco: cell(fields, c.ico)
		});
	}
	return b.result(table.encoding);
}

import type { AdapterResult } from '../source-row';
import { monthFromParts } from './dates';
import {
	addCsvLine,
	cell,
	mapColumns,
	readCsvTable,
	ResultBuilder,
	type AdapterOptions
} from './common';

/**
 * VERA (Radnice VERA) accounting export: `;`-separated with named columns (agenda, mesic, rok, su,
 * au, odpa, pol, uz, orj, org, md, d, ico_partnera, …). Each line is one side of a posting with its
 * debit (`md`) and credit (`d`); lines on accounts without a položka are not budget lines.
 */
const ALIASES = {
	month: ['mesic'],
	year: ['rok'],
	date: ['datum'],
	paragraf: ['odpa', 'paragraf'],
	polozka: ['pol', 'polozka'],
	uz: ['uz'],
	orj: ['orj'],
	org: ['org'],
	debit: ['md'],
	credit: ['d', 'dal'],
	note: ['poznamka', 'obsah_dokladu', 'text'],
	ico: ['ico_partnera', 'ico']
} as const;

type Role = keyof typeof ALIASES;

export function parseVera(bytes: Uint8Array, options: AdapterOptions = {}): AdapterResult {
	const b = new ResultBuilder('vera');
	const table = readCsvTable(bytes, options, b);
	if (!table) return b.result();
	const c = mapColumns<Role>(table, ALIASES, ['polozka', 'debit', 'credit', ['month', 'date']], b);
	if (!c) return b.result(table.encoding);
	const kind = options.kind ?? 'actual';

	for (const { line, fields } of table.records) {
		let month: string | null = null;
		const monthText = cell(fields, c.month);
		if (monthText) {
			const yearText = cell(fields, c.year) || (options.year ? String(options.year) : '');
			month = monthFromParts(monthText, yearText);
			if (!month) {
				b.error(line, 'imports_error_month_invalid', 'mesic', { month: monthText, year: yearText });
			}
		} else {
			month = b.dateOf(line, cell(fields, c.date), null, 'mesic').month;
		}
		const polozka = cell(fields, c.polozka);
		addCsvLine(b, {
			line,
			kind,
			month,
			amount: b.debitCredit(
				line,
				polozka,
				['md', cell(fields, c.debit)],
				['d', cell(fields, c.credit)]
			),
			polozka,
			paragraf: cell(fields, c.paragraf),
			orj: cell(fields, c.orj),
			org: cell(fields, c.org),
			uz: cell(fields, c.uz),
			text: cell(fields, c.note),
			partnerIco: cell(fields, c.ico)
		});
	}
	return b.result(table.encoding);
}

import type { AdapterResult } from '../source-row';
import { monthFromParts } from './dates';
import { addCsvLine, readNamedCsv, type AdapterOptions } from './common';

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

export function parseVera(bytes: Uint8Array, options: AdapterOptions = {}): AdapterResult {
	const required = ['polozka', 'debit', 'credit', ['month', 'date']] as const;
	const kind = options.kind ?? 'actual';
	return readNamedCsv('vera', bytes, options, { aliases: ALIASES, required }, (records, b) => {
		for (const { line, get } of records) {
			let month: string | null = null;
			const monthText = get('month');
			if (monthText) {
				const yearText = get('year') || (options.year ? String(options.year) : '');
				month = monthFromParts(monthText, yearText);
				if (!month) {
					b.error(line, 'imports_error_month_invalid', 'mesic', {
						month: monthText,
						year: yearText
					});
				}
			} else {
				month = b.dateOf(line, get('date'), null, 'mesic').month;
			}
			const polozka = get('polozka');
			addCsvLine(b, {
				line,
				kind,
				month,
				amount: b.debitCredit(line, polozka, ['md', get('debit')], ['d', get('credit')]),
				polozka,
				paragraf: get('paragraf'),
				orj: get('orj'),
				org: get('org'),
				uz: get('uz'),
				text: get('note'),
				partnerIco: get('ico')
			});
		}
	});
}

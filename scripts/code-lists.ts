// Builds the code lists of the budget classification (rozpočtová skladba) the import checks files
// against: src/lib/server/imports/code-lists/{polozky,paragrafy}.json, each code with its name and
// validity (from, to). Reads the Ministry of Finance's published formats and merges each file into
// the lists as they are (a later file's facts win, code by code), so next year's list is one run:
//
//   npx tsx scripts/code-lists.ts polozka.json paragraf.json        (MF open data, JSON)
//   npx tsx scripts/code-lists.ts budget-items.csv budget-paragraph.csv   (MF CSV: code;Název;…;Od;Do)
//
// MF open data JSON (opendata.mfcr.cz/exports/{polozka,paragraf}/…json): records with `id`,
// `id_level` (4 = a 4-digit code), `text_popis_dlouhy` (name), `datum_platnosti_od`/`_do`.
// MF CSV (as in the MF code list export, UTF-8 with BOM, `;`): `Položka` or `Paragraf`, `Název`,
// …, `Od`, `Do` with d.m.yyyy dates; `31.12.9999` (or `1.1.9999`) means still valid.
// Which list a file is: its header (`Položka` / `Paragraf`) or, for JSON, its file name.
// Only expenditure položky (classes 5 and 6) are kept: revenue and financing lines are never costs.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../src/lib/server/imports/formats/encoding';
import { parseCsv, guessDelimiter } from '../src/lib/server/imports/formats/csv';
import { normalizeHeader } from '../src/lib/server/imports/formats/columns';
import type { CodeListEntry } from '../src/lib/server/imports/code-lists/code-lists';

const OUT = path.resolve('src/lib/server/imports/code-lists');
type List = 'polozky' | 'paragrafy';

/** `d.m.yyyy` or ISO → `YYYY-MM-DD`; a year 9999 is "still valid" (null). */
function day(text: string): string | null | undefined {
	const t = text.trim();
	const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
	const iso = m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : t.slice(0, 10);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
	return iso.startsWith('9999') ? null : iso;
}

function fromCsv(file: string): { list: List; entries: CodeListEntry[] } {
	const { text } = decodeText(new Uint8Array(readFileSync(file)));
	const [header, ...records] = parseCsv(text, { delimiter: guessDelimiter(text) });
	const keys = header.fields.map(normalizeHeader);
	const list: List = keys[0].startsWith('paragraf') ? 'paragrafy' : 'polozky';
	const col = (name: string) => keys.indexOf(name);
	const [code, name, from, to] = [0, col('nazev'), col('od'), col('do')];
	const entries = records.map(({ fields }) => ({
		code: fields[code].trim(),
		name: fields[name].trim(),
		from: day(fields[from]) ?? '1900-01-01',
		to: day(fields[to]) ?? null,
		source: path.basename(file)
	}));
	return { list, entries };
}

function fromJson(file: string): { list: List; entries: CodeListEntry[] } {
	const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
	const list: List = /paragraf/i.test(path.basename(file)) ? 'paragrafy' : 'polozky';
	const entries = raw
		.filter((r) => Number(r.id_level ?? 4) === 4)
		.map((r) => {
			let from = day(String(r.datum_platnosti_od ?? '')) ?? '1900-01-01';
			let to = day(String(r.datum_platnosti_do ?? '9999-12-31')) ?? null;
			// The MF data set has records with the two dates swapped (od 9999, do 2015).
			if (from === null || (to !== null && to < from)) [from, to] = [to ?? '1900-01-01', from];
			return {
				code: String(r.id).padStart(4, '0'),
				name: String(r.text_popis_dlouhy ?? r.text_popis ?? '').trim(),
				from,
				to,
				source: String(r.source ?? path.basename(file))
			};
		});
	return { list, entries };
}

function load(list: List): CodeListEntry[] {
	const file = path.join(OUT, `${list}.json`);
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CodeListEntry[]) : [];
}

const files = process.argv.slice(2);
if (!files.length) {
	console.error('Usage: npx tsx scripts/code-lists.ts FILE.csv|FILE.json …');
	process.exit(2);
}
const lists: Record<List, Map<string, CodeListEntry>> = {
	polozky: new Map(load('polozky').map((e) => [e.code, e])),
	paragrafy: new Map(load('paragrafy').map((e) => [e.code, e]))
};
for (const file of files) {
	const { list, entries } = file.endsWith('.json') ? fromJson(file) : fromCsv(file);
	let n = 0;
	for (const e of entries) {
		if (!/^\d{4}$/.test(e.code)) continue;
		if (list === 'polozky' && !/^[56]/.test(e.code)) continue;
		lists[list].set(e.code, { ...lists[list].get(e.code), ...e });
		n++;
	}
	console.log(`${file}: ${n} ${list}`);
}
for (const list of ['polozky', 'paragrafy'] as const) {
	const sorted = [...lists[list].values()].sort((a, b) => a.code.localeCompare(b.code));
	writeFileSync(path.join(OUT, `${list}.json`), JSON.stringify(sorted, null, '\t') + '\n');
	console.log(`${list}: ${sorted.length} codes`);
}

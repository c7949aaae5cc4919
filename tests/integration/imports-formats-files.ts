// Small accounting exports written from the format facts, for the import-format tests
// (integration, command line, end-to-end): KXX (Windows-1250, CRLF), VERA, CityVizor, Internet
// Stream CSVs.

export interface KxxLine {
	day?: number;
	paragraf?: string;
	polozka: string;
	/** ORJ as the accounting system writes it (zero-padded to 10 by the writer) */
	orj?: string;
	org?: string;
	/** haléře: debit for expenditure, credit for revenue */
	amount: bigint;
	text?: string;
}

export interface KxxSection {
	month: number;
	year: number;
	/** 00 ordinary month (actuals), 02 approved budget */
	docType?: '00' | '02' | '03';
	lines: KxxLine[];
}

const pad = (v: string | number | bigint, width: number) => String(v).padStart(width, '0');

/**
 * A 109-character G/@ line. For položky 5000–7999 the ledger amount is credit − debit, for the
 * others debit − credit: so expenditure goes on the credit side, revenue on the debit side.
 */
export function kxxLine(l: KxxLine, doc = 1): string {
	const expenditure = /^[56]/.test(l.polozka);
	const negative = l.amount < 0n;
	const abs = negative ? -l.amount : l.amount;
	const md = expenditure ? 0n : abs;
	const d = expenditure ? abs : 0n;
	const sign = negative ? '-' : ' ';
	return (
		'G/@' +
		pad(l.day ?? 15, 2) +
		String(doc).padStart(9, ' ') +
		'000' +
		'231' +
		'0010' +
		'00' +
		pad(l.paragraf ?? '6171', 6) +
		l.polozka +
		'000' +
		pad(0, 9) +
		pad(l.orj ?? '0', 10) +
		pad(l.org ?? '0', 13) +
		pad(md, 18) +
		(expenditure ? ' ' : sign) +
		pad(d, 18) +
		(expenditure ? sign : ' ')
	);
}

/** Encodes ASCII plus the Czech letters in Windows-1250. */
export function cp1250(text: string): Uint8Array {
	const decoder = new TextDecoder('windows-1250');
	const table = new Map<string, number>();
	for (let byte = 0x80; byte <= 0xff; byte++) {
		table.set(decoder.decode(new Uint8Array([byte])), byte);
	}
	return new Uint8Array(
		[...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : table.get(ch)!))
	);
}

/** A whole KXX file in Windows-1250 with CRLF line ends. */
export function kxxFile(sections: KxxSection[], ico = '00012345'): Uint8Array {
	const first = sections[0];
	const out = [`5/@${ico}00${pad(first.month, 2)}000GINS`];
	let doc = 1;
	for (const s of sections) {
		out.push(`6/@${ico}${pad(s.month, 2)}${s.docType ?? '00'} 1 ${s.year}`);
		for (const l of s.lines) {
			out.push(kxxLine(l, doc));
			if (l.text) out.push(`G/#${pad(0, 4)}${String(doc).padStart(9, ' ')}*EVKT-${l.text};`);
			doc++;
		}
	}
	return cp1250(out.join('\r\n') + '\r\n');
}

/** VERA CSV (`;`, spending on the credit side `d`): agenda, mesic, rok, su, au, odpa, pol, uz, orj, org, md, d, ico_partnera. */
export function veraFile(
	rows: { month: number; year: number; polozka: string; orj: string; d: string; md?: string }[]
): Uint8Array {
	const lines = ['agenda;mesic;rok;su;au;odpa;pol;uz;orj;org;md;d;ico_partnera'];
	for (const r of rows) {
		lines.push(
			`UCT;${r.month};${r.year};231;0010;6171;${r.polozka};;${r.orj};;${r.md ?? '0'};${r.d};`
		);
	}
	return cp1250(lines.join('\r\n') + '\r\n');
}

/** CityVizor import CSV (`;`, quoted where a field holds `;`). */
export function cityvizorFile(
	rows: { date: string; polozka: string; orj: string; amount: string; note?: string }[]
): Uint8Array {
	const lines = ['DOKLAD_DATUM;DOKLAD_AGENDA;PARAGRAF;POLOZKA;ORJ;ORG;CASTKA;SUBJEKT_IC;POZNAMKA'];
	for (const r of rows) {
		lines.push(`${r.date};KDF;6171;${r.polozka};${r.orj};;${r.amount};;"${r.note ?? ''}"`);
	}
	return new TextEncoder().encode(lines.join('\n') + '\n');
}

/** Internet Stream SK.csv (actuals, spending in CASTKA_DAL): every field double-quoted, `;`. */
export function internetStreamFile(
	rows: { date: string; polozka: string; orj: string; dal: string; md?: string }[]
): Uint8Array {
	const q = (s: string | number) => `"${s}"`;
	const lines = [
		[
			'DOKLAD_ROK',
			'DOKLAD_DATUM',
			'DOKLAD_AGENDA',
			'ORGANIZACE',
			'ORJ',
			'PARAGRAF',
			'POLOZKA',
			'CASTKA_MD',
			'CASTKA_DAL'
		]
			.map(q)
			.join(';')
	];
	for (const r of rows) {
		lines.push(
			[r.date.slice(-4), r.date, 'KDF', '', r.orj, '6171', r.polozka, r.md ?? '0', r.dal]
				.map(q)
				.join(';')
		);
	}
	return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

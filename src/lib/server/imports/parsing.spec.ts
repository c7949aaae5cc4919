import { describe, expect, it } from 'vitest';
import { parseAmount } from './formats/amount';
import { parseMonth } from './formats/dates';
import { decodeText, invalidUtf8Line, looksBinary } from './formats/encoding';
import { guessDelimiter, parseCsv } from './formats/csv';
import { headerKey, holdsAmounts, recogniseColumns, missingFields } from './formats/columns';
import { adaptTable, parseGenericCsv } from './formats/generic';

const cp1250 = (bytes: number[]) => new Uint8Array(bytes);

describe('Czech amounts', () => {
	it.each([
		['1 234,50', 123450n],
		['1\u00a0234\u00a0567,89', 123456789n],
		['1\u202f000', 100000n],
		['-12,3', -1230n],
		['12,30-', -1230n],
		['1.234,50', 123450n],
		['1234.5', 123450n],
		['0,01', 1n],
		['15 000 Kč', 1500000n],
		['(1 234,50)', -123450n],
		['1.5E3', 150000n]
	])('%s → %s haléřů', (text, expected) => {
		expect(parseAmount(text)).toEqual({ ok: true, value: expected, artefact: false });
	});

	it('rounds spreadsheet float artefacts to the haléř and says so', () => {
		expect(parseAmount('1234.5600000001')).toEqual({ ok: true, value: 123456n, artefact: true });
		expect(parseAmount('99.98999999')).toEqual({ ok: true, value: 9999n, artefact: true });
	});

	it.each(['12a4,00', 'sto korun', '', '1,2,3,4', '12,345', '1e20'])('refuses %j', (text) => {
		expect(parseAmount(text)).toMatchObject({ ok: false });
	});
});

describe('Czech dates and periods', () => {
	it.each([
		['5.3.2026', '2026-03'],
		['05. 03. 2026', '2026-03'],
		['2026-03-05', '2026-03'],
		['2026-03-05T10:15:00', '2026-03'],
		['31/12/2025', '2025-12'],
		['2026-03', '2026-03'],
		['03/2026', '2026-03'],
		['3.2026', '2026-03'],
		['202603', '2026-03'],
		['20260305', '2026-03']
	])('%s → %s', (text, month) => {
		expect(parseMonth(text)).toBe(month);
	});

	it('reads a month number with the year from another column', () => {
		expect(parseMonth('7', '2025')).toBe('2025-07');
		expect(parseMonth('7')).toBeNull();
	});

	it.each(['32.1.2025', '29.2.2025', '1.13.2025', 'leden', '2025'])('refuses %j', (text) => {
		expect(parseMonth(text)).toBeNull();
	});
});

describe('encodings', () => {
	it('takes valid UTF-8 as UTF-8 and strips the BOM', () => {
		const d = decodeText(new TextEncoder().encode('\uFEFFPoložka;Částka'));
		expect(d).toMatchObject({ encoding: 'utf-8', bom: true, text: 'Položka;Částka' });
	});

	it('takes anything else as Windows-1250', () => {
		// "Částka" in Windows-1250: Č = 0xC8, á = 0xE1
		const bytes = cp1250([0xc8, 0xe1, 0x73, 0x74, 0x6b, 0x61]);
		const d = decodeText(bytes);
		expect(d).toMatchObject({ encoding: 'windows-1250', text: 'Částka' });
		expect(invalidUtf8Line(bytes, 'auto')).toBeNull();
	});

	it('names the first bad line when UTF-8 is forced on Windows-1250', () => {
		const bytes = new Uint8Array([...new TextEncoder().encode('a;b\nc;d\n'), 0xe8, 0x0a]);
		expect(invalidUtf8Line(bytes, 'utf-8')).toBe(3);
	});

	it('reads UTF-16 with a BOM (Excel\'s "Unicode text"), which is not binary', () => {
		const text = 'Položka\tČástka\r\n5139\t1 234,50\r\n';
		const bytes = new Uint8Array(2 + text.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) {
			bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
			bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
		}
		expect(looksBinary(bytes)).toBe(false);
		expect(decodeText(bytes)).toMatchObject({ encoding: 'utf-16le', bom: true, text });
	});

	it('recognises binary files', () => {
		expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).toBe(true);
		expect(looksBinary(new TextEncoder().encode('datum;polozka\n1.1.2025;5139\n'))).toBe(false);
	});
});

describe('CSV', () => {
	it('guesses the separator from the header', () => {
		expect(guessDelimiter('a;b;c\n1,5;2;3')).toBe(';');
		expect(guessDelimiter('a,b,c\n1;2,3')).toBe(',');
		expect(guessDelimiter('a\tb\n1\t2')).toBe('\t');
	});

	it('keeps quoted separators, quotes and line breaks, and the line each record starts on', () => {
		const records = parseCsv('a;b\r\n"x;y";"he said ""hi"""\r\n\r\n"multi\nline";2\n', {
			delimiter: ';'
		});
		expect(records).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['x;y', 'he said "hi"'] },
			{ line: 4, fields: ['multi\nline', '2'] }
		]);
	});
});

describe('column recognition', () => {
	it('normalises Czech headers', () => {
		expect(headerKey('\uFEFF"Položka (kód) "'.replace(/"/g, ''))).toBe('polozka');
		expect(headerKey('DOKLAD_DATUM')).toBe('doklad_datum');
		expect(headerKey('Částka Kč')).toBe('castka_kc');
	});

	it('recognises the usual headers with prefixes, diacritics and notes', () => {
		const mapping = recogniseColumns([
			'DOKLAD_ROK',
			'DOKLAD_DATUM',
			'ORJ',
			'PARAGRAF',
			'Položka (kód)',
			'SUBJEKT_NAZEV',
			'CASTKA',
			'POZNAMKA',
			'ÚZ'
		]);
		expect(mapping).toMatchObject({
			date: 'DOKLAD_DATUM',
			orj: 'ORJ',
			paragraf: 'PARAGRAF',
			polozka: 'Položka (kód)',
			amount: 'CASTKA',
			uz: 'ÚZ'
		});
		expect(mapping.year).toBeUndefined();
		expect(missingFields(mapping)).toEqual([]);
	});

	it('recognises debit and credit columns and a period with a year', () => {
		const mapping = recogniseColumns(['Rok', 'Období', 'Pol', 'MD', 'Dal']);
		expect(mapping).toMatchObject({
			year: 'Rok',
			month: 'Období',
			polozka: 'Pol',
			debit: 'MD',
			credit: 'Dal'
		});
	});
});

describe('amount column guess', () => {
	const headers = ['Datum', 'Položka', 'Popis výdaje', 'Částka'];
	const rows = [
		['2025-03-01', '5139', 'kancelářský papír', '1 234,50'],
		['2025-03-02', '5169', 'oprava tiskárny', '800'],
		['2025-03-03', '5139', '', '12,30']
	];

	it('never proposes a text column as the amount, whatever its name says', () => {
		// `Popis výdaje` ends like an amount name (`výdaje`), but its values are words.
		expect(recogniseColumns(headers, rows)).toMatchObject({
			amount: 'Částka',
			text: 'Popis výdaje'
		});
	});

	it('leaves the amount unmapped when no column named like one holds amounts', () => {
		const mapping = recogniseColumns(['Datum', 'Položka', 'Popis výdaje'], rows);
		expect(mapping.amount).toBeUndefined();
		expect(missingFields(mapping)).toEqual(['amount']);
	});

	it('takes a column named exactly as an amount as the file says (bad values are row errors)', () => {
		const bad = [
			['2025-03-01', '5139', '12a4,00'],
			['2025-03-02', '5139', 'sto korun']
		];
		expect(recogniseColumns(['Datum', 'Položka', 'Částka'], bad).amount).toBe('Částka');
		// …but a name that only contains an amount word must hold amounts.
		expect(recogniseColumns(['Datum', 'Položka', 'Částka celkem'], bad).amount).toBeUndefined();
		expect(
			recogniseColumns(['Datum', 'Položka', 'Částka celkem'], [['2025-03-01', '5139', '7,50']])
				.amount
		).toBe('Částka celkem');
	});

	it('takes a column whose values mostly read as amounts (a stray word does not count)', () => {
		const sample = [['10,00'], ['20'], ['viz příloha'], ['(5,00)'], ['']];
		expect(holdsAmounts(sample, 0)).toBe(true);
		expect(holdsAmounts([['papír'], ['toner'], ['12']], 0)).toBe(false);
		expect(holdsAmounts([[''], ['']], 0)).toBe(true);
	});

	it('reads a generic CSV with a text column named like an amount', () => {
		const csv = 'Datum;Položka;Popis výdaje;Částka\n2025-03-01;5139;papír;1 234,50\n';
		const result = parseGenericCsv(new TextEncoder().encode(csv));
		expect(result.errors).toEqual([]);
		expect(result.table?.mapping.amount).toBe('Částka');
		expect(result.rows.map((r) => r.amount)).toEqual([123450n]);
	});
});

describe('generic adapter', () => {
	it('skips revenue and financing lines, counts them, and reads debit minus credit', () => {
		const result = adaptTable(
			{
				headerLine: 1,
				headers: ['Rok', 'Období', 'Pol', 'MD', 'Dal'],
				records: [
					{ line: 2, fields: ['2025', '3', '5139', '1 000,00', ''] },
					{ line: 3, fields: ['2025', '3', '1111', '', '50 000,00'] },
					{ line: 4, fields: ['2025', '3', '8115', '10,00', ''] },
					{ line: 5, fields: ['2025', '4', '5139', '100,00', '30,00'] }
				]
			},
			recogniseColumns(['Rok', 'Období', 'Pol', 'MD', 'Dal']),
			'actual',
			'csv'
		);
		expect(result.errors).toEqual([]);
		expect(result.rows.map((r) => [r.line, r.month, r.amount])).toEqual([
			[2, '2025-03', 100000n],
			[5, '2025-04', 7000n]
		]);
		expect(result.skipped.map((s) => s.reason)).toEqual(['revenue', 'financing']);
	});
});

describe('XLSX', () => {
	it('reads the first sheet: dates, numeric codes and amounts', async () => {
		const { default: ExcelJS } = await import('exceljs');
		const { readXlsx } = await import('./formats/xlsx');
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Výdaje');
		sheet.addRow(['Datum', 'ORJ', 'Položka', 'Částka', 'Text']);
		sheet.addRow([new Date(Date.UTC(2025, 2, 15)), 120, 5139, 1234.5, 'papír']);
		sheet.addRow([new Date(Date.UTC(2025, 3, 1)), 120, 5161, 0.1 + 0.2, '=1+1']);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const table = await readXlsx(bytes, 1000);
		expect(table.headers).toEqual(['Datum', 'ORJ', 'Položka', 'Částka', 'Text']);
		const result = adaptTable(table, recogniseColumns(table.headers), 'actual', 'xlsx');
		expect(result.errors).toEqual([]);
		expect(result.rows.map((r) => [r.line, r.month, r.orj, r.polozka, r.amount, r.text])).toEqual([
			[2, '2025-03', '120', '5139', 123450n, 'papír'],
			[3, '2025-04', '120', '5161', 30n, '=1+1']
		]);
		expect(result.warnings).toEqual([
			{
				line: 3,
				field: 'amount',
				key: 'imports_warning_amount_artefact',
				params: { value: '0.30000000000000004' }
			}
		]);
	});
});

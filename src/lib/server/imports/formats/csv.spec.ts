import { describe, expect, it } from 'vitest';
import { normalizeHeader } from './columns';
import { guessDelimiter, parseCsv } from './csv';

describe('parseCsv', () => {
	it('splits on `;` with quotes holding separators, doubled quotes and line breaks', () => {
		const text = 'a;b;c\r\n1;"x;y";"say ""hi"""\r\n2;"two\r\nlines";z\r\n';
		expect(parseCsv(text)).toEqual([
			{ line: 1, fields: ['a', 'b', 'c'] },
			{ line: 2, fields: ['1', 'x;y', 'say "hi"'] },
			{ line: 3, fields: ['2', 'two\nlines', 'z'] }
		]);
	});

	it('handles LF, CR, a BOM, a missing final line break and blank lines', () => {
		expect(parseCsv('\ufeffa;b\n\n1;2\r3;4')).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 3, fields: ['1', '2'] },
			{ line: 4, fields: ['3', '4'] }
		]);
		expect(parseCsv('')).toEqual([]);
		expect(parseCsv(';;\n')).toEqual([]);
	});

	it('keeps quotes inside unquoted fields and empty trailing fields', () => {
		expect(parseCsv('a;b\n5" disk;\n')).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['5" disk', ''] }
		]);
	});

	it('reports an unterminated quote at its line and goes on with the next line', () => {
		expect(parseCsv('a;b\n"oops;1\n2;3\n')).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['oops;1\n2;3\n'], unterminated: true },
			{ line: 3, fields: ['2', '3'] }
		]);
	});

	it('guesses `;`, `,` or tab from the first line', () => {
		expect(guessDelimiter('a;b;c\n1,5;2;3')).toBe(';');
		expect(guessDelimiter('a,b,c')).toBe(',');
		expect(guessDelimiter('a\tb\tc')).toBe('\t');
		expect(guessDelimiter('"x,y";b')).toBe(';');
		expect(parseCsv('a,b\n"1,5",2')).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['1,5', '2'] }
		]);
	});

	it('normalises header names: case, diacritics, BOM, spaces', () => {
		expect(normalizeHeader('\ufeffPoložka (kód)')).toBe('polozka_(kod)');
		expect(normalizeHeader(' DOKLAD_DATUM ')).toBe('doklad_datum');
		expect(normalizeHeader('Částka')).toBe('castka');
	});
});

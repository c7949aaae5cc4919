import { describe, expect, it } from 'vitest';
import { parseCityvizor } from './cityvizor';
import { fixture, keys, utf8 } from './spec-helpers';

describe('CityVizor', () => {
	it('reads the UTF-8 BOM sample: mixed-case headers, quoted `;`, ROZ as budget, artefacts', () => {
		const r = parseCityvizor(fixture('cityvizor-2024.csv'), { year: 2024 });
		expect(r.errors).toEqual([]);
		expect(r.format).toBe('cityvizor');
		expect(r.encoding).toBe('utf-8');
		expect(r.rows.map((row) => [row.line, row.kind, row.month, row.polozka, row.amount])).toEqual([
			[2, 'actual', '2024-01', '5139', 123450n],
			[3, 'actual', '2024-01', '5011', -206570n],
			[4, 'budget', '2024-01', '5169', 25000000n],
			[6, 'actual', '2024-01', '5169', 0n]
		]);
		expect(r.rows[0]).toMatchObject({ orj: '0110', text: 'Papír; obálky; "A4"' });
		expect(r.rows[2]).toMatchObject({ org: '42', orj: '0170' });
		expect(r.skipped).toEqual([{ line: 5, reason: 'revenue', polozka: '1361', amount: 50000n }]);
		expect(keys(r.warnings)).toEqual(['6:imports_warning_amount_artefact_zero']);
	});

	it('puts budget lines without a date in the year of the dated lines, or the one given', () => {
		const r = parseCityvizor(fixture('cityvizor-2024.csv'));
		expect(r.errors).toEqual([]);
		expect(r.rows[2]).toMatchObject({ kind: 'budget', month: '2024-01' });
		const text = 'DATUM;MODUL;PARAGRAF;POLOZKA;CASTKA\n;ROZ;6171;5139;100\n';
		expect(keys(parseCityvizor(utf8(text)).errors)).toEqual(['2:imports_error_date_missing']);
		expect(parseCityvizor(utf8(text), { year: 2025 }).rows[0].month).toBe('2025-01');
	});

	it('accepts the alternative header names (DATUM, MODUL, AKCE) in lower case', () => {
		const text =
			'datum;modul;paragraf;polozka;orj;akce;castka\n3.2.2024;KDF;6171;5169;110;7;99,9\n';
		const r = parseCityvizor(utf8(text));
		expect(r.errors).toEqual([]);
		expect(r.rows[0]).toMatchObject({ month: '2024-02', org: '7', amount: 9990n });
	});

	it('reports unreadable values and a stray quote without losing the other lines', () => {
		const text = [
			'DOKLAD_DATUM;DOKLAD_AGENDA;PARAGRAF;POLOZKA;ORJ;ORG;CASTKA',
			'1.1.2024;UCT;6171;5169;;;',
			'1.1.2024;UCT;6171;5169;;;1e400',
			'"1.1.2024;UCT;6171;5169;;;10',
			'2.1.2024;UCT;6171;5169;;;10'
		].join('\n');
		const r = parseCityvizor(utf8(text));
		expect(keys(r.errors)).toEqual([
			'2:imports_error_amount_missing',
			'3:imports_error_amount_too_large',
			'4:imports_error_unterminated_quote'
		]);
		expect(r.rows.map((row) => [row.line, row.amount])).toEqual([[5, 1000n]]);
	});

	it('answers header-only, empty and binary files with one file-level message', () => {
		expect(keys(parseCityvizor(utf8('DATUM;POLOZKA;CASTKA\r\n')).errors)).toEqual([
			'0:imports_error_no_data'
		]);
		expect(keys(parseCityvizor(utf8('\ufeff \r\n')).errors)).toEqual([
			'0:imports_error_empty_file'
		]);
		const binary = new Uint8Array(256).map((_, i) => i);
		expect(keys(parseCityvizor(binary).errors)).toEqual(['0:imports_error_binary_file']);
	});
});

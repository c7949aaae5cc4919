import { describe, expect, it } from 'vitest';
import { parseVera } from './vera';
import { cp1250, fixture, keys } from './spec-helpers';

describe('VERA', () => {
	it('reads the Windows-1250 LF sample: debit/credit by položka class, month and year columns', () => {
		const r = parseVera(fixture('vera-2024.csv'));
		expect(r.errors).toEqual([]);
		expect(r.format).toBe('vera');
		expect(r.encoding).toBe('windows-1250');
		expect(r.rowsRead).toBe(5);
		expect(r.rows.map((row) => [row.line, row.kind, row.month, row.polozka, row.amount])).toEqual([
			[2, 'actual', '2024-03', '5139', 450050n],
			[4, 'actual', '2024-03', '5169', -100000n],
			[6, 'actual', '2024-04', '5011', 25000000n]
		]);
		expect(r.rows[0]).toMatchObject({
			paragraf: '6171',
			orj: '0110',
			text: 'Tonery – Žďár nad Sázavou'
		});
		// CSV codes stay as written (KXX, fixed-width, loses its zero padding).
		expect(r.rows[1]).toMatchObject({ uz: '00013', orj: '0170', org: '42' });
		expect(r.skipped).toEqual([{ line: 5, reason: 'revenue', polozka: '1361', amount: 30000n }]);
		// The 321 supplier-account line has no položka: not a budget line.
		expect(r.ignored).toBe(1);
	});

	it('reads budget lines when the caller says the file is a budget', () => {
		const r = parseVera(fixture('vera-2024.csv'), { kind: 'budget' });
		expect(new Set(r.rows.map((row) => row.kind))).toEqual(new Set(['budget']));
	});

	it('reports an impossible month and an unreadable amount on their lines', () => {
		const text = [
			'agenda;mesic;rok;su;au;odpa;pol;uz;orj;org;md;d;ico_partnera',
			'UCT;13;2024;231;0010;6171;5139;;;;0;10;',
			'UCT;4;2024;231;0010;6171;5139;;;;0;12,3x;',
			'UCT;4;2024;231;0010;61;5139;;;;0;1;',
			'UCT;4;2024;231;0010;6171;5139;;;;0;1;'
		].join('\n');
		const r = parseVera(cp1250(text));
		expect(keys(r.errors)).toEqual([
			'2:imports_error_month_invalid',
			'3:imports_error_amount_invalid',
			'4:imports_error_paragraf_invalid'
		]);
		expect(r.errors[0].params).toEqual({ month: '13', year: '2024' });
		expect(r.rows.map((row) => row.line)).toEqual([5]);
	});
});

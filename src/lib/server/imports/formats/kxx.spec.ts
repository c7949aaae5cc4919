import { describe, expect, it } from 'vitest';
import { kxxPairs, parseKxx } from './kxx';
import { cp1250, fixture, keys } from './spec-helpers';

/** A 109-character G/@ line from its fields. */
function g(fields: {
	day?: number;
	doc?: number;
	su?: number;
	odpa?: number;
	pol: string;
	md?: bigint;
	mdSign?: string;
	d?: bigint;
	dSign?: string;
	orj?: number;
}): string {
	const n = (v: number | bigint, width: number) => String(v).padStart(width, '0');
	return (
		'G/@' +
		n(fields.day ?? 1, 2) +
		String(fields.doc ?? 1).padStart(9, ' ') +
		'000' +
		n(fields.su ?? 231, 3) +
		'0010' +
		'00' +
		n(fields.odpa ?? 6171, 6) +
		fields.pol +
		'000' +
		n(0, 9) +
		n(fields.orj ?? 0, 10) +
		n(0, 13) +
		n(fields.md ?? 0n, 18) +
		(fields.mdSign ?? ' ') +
		n(fields.d ?? 0n, 18) +
		(fields.dSign ?? ' ')
	);
}

const header = '5/@000123450003000DILN\r\n6/@000123450300 1 2024\r\n';

describe('KXX', () => {
	it('builds 109-character lines in the test helper', () => {
		expect(g({ pol: '5139' })).toHaveLength(109);
	});

	it('reads the Windows-1250 CRLF sample: actuals, budget, skipped and ignored lines', () => {
		const r = parseKxx(fixture('ucetnictvi-2024.kxx'));
		expect(r.errors).toEqual([]);
		expect(r.format).toBe('kxx');
		expect(r.encoding).toBe('windows-1250');
		expect(r.rowsRead).toBe(12);
		expect(r.rows.map((row) => [row.line, row.kind, row.month, row.polozka, row.amount])).toEqual([
			[3, 'actual', '2024-03', '5139', 123450n],
			[6, 'actual', '2024-03', '5169', 50000000n],
			[8, 'actual', '2024-03', '5169', -2000000n],
			[9, 'actual', '2024-03', '5171', -1000000n],
			[12, 'actual', '2024-03', '6121', 250000000n],
			[14, 'budget', '2024-01', '5139', 10000000n],
			[17, 'budget', '2024-04', '5169', -5000000n]
		]);
		expect(r.skipped).toEqual([
			{ line: 10, reason: 'revenue', polozka: '1111', amount: 99900000n },
			{ line: 11, reason: 'financing', polozka: '8115', amount: -30000000n },
			{ line: 15, reason: 'revenue', polozka: '1111', amount: 500000000n }
		]);
		// The 501 cost-account line without a položka and the blocked-budget section's line.
		expect(r.ignored).toBe(2);
		expect(keys(r.warnings)).toEqual(['18:imports_warning_kxx_section_skipped']);
		expect(r.warnings[0].params).toEqual({ type: '06' });
	});

	it('decodes codes and texts: paragraf, ORJ, ORG, ÚZ without padding, č/ř/ž from cp1250', () => {
		const r = parseKxx(fixture('ucetnictvi-2024.kxx'));
		const [first, second] = r.rows;
		expect(first).toMatchObject({
			paragraf: '6171',
			orj: '110',
			org: null,
			uz: null,
			text: 'Kancelářský materiál – čtvrtletní nákup'
		});
		// The document text (*EVKT-) up to its first `\n`.
		expect(second).toMatchObject({
			paragraf: '3745',
			orj: '310',
			org: '42',
			uz: '13',
			text: 'Údržba zeleně – březen'
		});
		expect(r.rows[2].text).toBeNull();
	});

	it('reads the same file with LF line ends and with the trailing blank sign stripped', () => {
		const crlf = parseKxx(fixture('ucetnictvi-2024.kxx'));
		const text = new TextDecoder('windows-1250').decode(fixture('ucetnictvi-2024.kxx'));
		const lf = parseKxx(cp1250(text.replace(/\r\n/g, '\n')));
		const stripped = parseKxx(cp1250(text.replace(/ +\r\n/g, '\r\n')));
		expect(lf).toEqual(crlf);
		expect(stripped.rows).toEqual(crlf.rows);
		expect(stripped.errors).toEqual([]);
		// A DOS end-of-file mark (Ctrl-Z) after the last line.
		expect(parseKxx(cp1250(text + '\u001a'))).toEqual(crlf);
	});

	it('applies the signs: `-` and `c`/`C` are negative on either side', () => {
		const body = [
			g({ pol: '5139', d: 1000n, dSign: '-' }),
			g({ pol: '5139', d: 1000n, dSign: 'c' }),
			g({ pol: '5139', md: 1000n, mdSign: 'C' }),
			g({ pol: '5139', md: 250n, d: 1000n }),
			g({ pol: '1361', md: 700n, d: 200n, dSign: '-' })
		].join('\r\n');
		const r = parseKxx(cp1250(header + body));
		expect(r.errors).toEqual([]);
		expect(r.rows.map((row) => row.amount)).toEqual([-1000n, -1000n, 1000n, 750n]);
		expect(r.skipped.map((s) => s.amount)).toEqual([900n]);
	});

	it('reports broken lines with their line numbers and keeps reading', () => {
		const text = [
			'5/@000123450003000DILN',
			'6/@000123450300 1 2024',
			g({ pol: '5139', d: 100n }),
			g({ pol: '5139', d: 100n }).slice(0, 80),
			'X/@ nonsense',
			g({ pol: '51x9', d: 100n }),
			'6/@00012345 broken',
			g({ pol: '5139', d: 100n }),
			'6/@000123451300 1 2024',
			g({ pol: '5139', d: 100n })
		].join('\n');
		const r = parseKxx(cp1250(text));
		expect(keys(r.errors)).toEqual([
			'4:imports_error_kxx_layout',
			'5:imports_error_kxx_unknown_line',
			'6:imports_error_kxx_layout',
			'7:imports_error_kxx_section',
			'9:imports_error_kxx_period'
		]);
		expect(r.errors[0].params).toEqual({ length: 80 });
		expect(r.rows.map((row) => row.line)).toEqual([3]);
		expect(r.rowsRead).toBe(5);
	});

	it('refuses an 18-digit amount beyond any municipal ledger', () => {
		const r = parseKxx(cp1250(header + g({ pol: '5139', d: 999999999999999999n })));
		expect(keys(r.errors)).toEqual(['3:imports_error_amount_too_large']);
		expect(r.rows).toEqual([]);
	});

	it('refuses balance lines before any section header', () => {
		const r = parseKxx(cp1250(g({ pol: '5139', d: 100n })));
		expect(keys(r.errors)).toEqual(['1:imports_error_kxx_no_section']);
		expect(r.errors[0].params).toEqual({ count: 1 });
		expect(r.rows).toEqual([]);
	});

	it('files a yearly budget with month 00 under January', () => {
		const text = '6/@000123450002 1 2024\n' + g({ pol: '5169', d: 500n });
		const r = parseKxx(cp1250(text));
		expect(r.errors).toEqual([]);
		expect(r.rows[0]).toMatchObject({ kind: 'budget', month: '2024-01', amount: 500n });
	});

	it('gives one message for empty, binary and non-KXX files and never throws', () => {
		expect(keys(parseKxx(new Uint8Array()).errors)).toEqual(['0:imports_error_empty_file']);
		expect(keys(parseKxx(new Uint8Array([0, 1, 2, 255, 0, 7])).errors)).toEqual([
			'0:imports_error_binary_file'
		]);
		expect(keys(parseKxx(cp1250('a;b;c\n1;2;3\n')).errors)).toEqual([
			'0:imports_error_kxx_not_kxx'
		]);
		expect(keys(parseKxx(cp1250('5/@000123450003000DILN\r\n')).errors)).toEqual([
			'0:imports_error_no_data'
		]);
	});

	it('reads *KEY-value pairs of G/# lines, values holding dashes', () => {
		expect(kxxPairs('*IC-12345678;*DICT-Firma - sklad;*EVK-KDF-2024001;')).toEqual({
			IC: '12345678',
			DICT: 'Firma - sklad',
			EVK: 'KDF-2024001'
		});
	});

	it('reads a forced UTF-8 encoding when asked, even on Windows-1250 bytes', () => {
		const r = parseKxx(fixture('ucetnictvi-2024.kxx'), { encoding: 'utf-8' });
		expect(r.encoding).toBe('utf-8');
		expect(r.rows[0].text).toContain('\ufffd');
		expect(r.rows.map((row) => row.amount)).toEqual(
			parseKxx(fixture('ucetnictvi-2024.kxx')).rows.map((row) => row.amount)
		);
	});
});

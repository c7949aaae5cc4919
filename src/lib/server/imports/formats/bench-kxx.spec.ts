import { describe, expect, it } from 'vitest';
import { generateKxx } from './bench-kxx';
import { detectFormat } from './detect';
import { parseKxx } from './kxx';

describe('the benchmark KXX generator', () => {
	it('writes valid KXX: every line read, a tenth revenue, ORJ codes cycled', () => {
		const bytes = generateKxx(1200, 2025, ['0100', '0110']);
		expect(detectFormat('bench.kxx', bytes)).toBe('kxx');
		const r = parseKxx(bytes);
		expect(r.errors).toEqual([]);
		expect(r.rowsRead).toBe(1200);
		expect(r.rows).toHaveLength(1080);
		expect(r.skipped).toHaveLength(120);
		expect(new Set(r.rows.map((row) => row.month)).size).toBe(12);
		expect(new Set(r.rows.map((row) => row.orj))).toEqual(new Set(['100', '110']));
		expect(r.rows.every((row) => row.amount > 0n)).toBe(true);
	});
});

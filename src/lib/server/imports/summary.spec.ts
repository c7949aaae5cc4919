import { describe, expect, it } from 'vitest';
import { groupMessages } from './summary';
import type { RowMessage } from './source-row';

const bad = (line: number, key: string, field: string, value = 'x'): RowMessage => ({
	line,
	key,
	field,
	params: { value }
});

describe('import report summary', () => {
	it('groups by kind of problem, largest first, with counts and the first rows of each', () => {
		const list: RowMessage[] = [
			bad(2, 'imports_error_polozka_invalid', 'polozka'),
			...Array.from({ length: 8890 }, (_, i) => bad(3 + i, 'imports_error_date_invalid', 'date')),
			bad(9000, 'imports_error_polozka_invalid', 'polozka'),
			{ line: 0, key: 'imports_error_no_data', field: 'file' }
		];
		const groups = groupMessages(list);
		expect(groups.map((g) => [g.key, g.field, g.count])).toEqual([
			['imports_error_date_invalid', 'date', 8890],
			['imports_error_polozka_invalid', 'polozka', 2],
			['imports_error_no_data', 'file', 1]
		]);
		expect(groups[0].examples.map((e) => e.line)).toEqual([3, 4, 5]);
		expect(groups[1].examples.map((e) => e.line)).toEqual([2, 9000]);
		expect(groups.reduce((n, g) => n + g.count, 0)).toBe(list.length);
	});

	it('keeps one key on two columns apart (a bad date is not a bad month)', () => {
		const groups = groupMessages([
			bad(2, 'imports_error_date_invalid', 'date'),
			bad(3, 'imports_error_date_invalid', 'month')
		]);
		expect(groups.map((g) => g.field)).toEqual(['date', 'month']);
	});

	it('keeps as many examples as asked', () => {
		const list = Array.from({ length: 10 }, (_, i) => bad(i + 2, 'k', 'amount'));
		expect(groupMessages(list, 5)[0].examples).toHaveLength(5);
		expect(groupMessages([])).toEqual([]);
	});
});

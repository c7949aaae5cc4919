import { describe, expect, it } from 'vitest';
import { bandOf, compare, fineTuned, isScore, mean, priorityOf, spread } from './scoring';

describe('CAF bands', () => {
	it('puts each edge in its band', () => {
		expect([0, 10, 11, 30, 31, 50, 51, 70, 71, 90, 91, 100].map(bandOf)).toEqual([
			0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5
		]);
	});
	it('refuses scores outside 0–100 or not whole', () => {
		expect(isScore(-1)).toBe(false);
		expect(isScore(101)).toBe(false);
		expect(isScore(50.5)).toBe(false);
		expect(isScore(100)).toBe(true);
		expect(() => bandOf(101)).toThrow(RangeError);
	});
});

describe('fine-tuned matrix', () => {
	it('averages the phases, rounded', () => {
		expect(fineTuned([10, 20, 30, 41])).toBe(25);
		expect(fineTuned([60, 71])).toBe(66);
	});
	it('refuses a phase out of range', () => {
		expect(() => fineTuned([10, 120])).toThrow(RangeError);
		expect(() => fineTuned([])).toThrow(RangeError);
	});
});

describe('spread', () => {
	it('is empty without scores', () => {
		expect(spread([])).toEqual({
			count: 0,
			min: null,
			max: null,
			median: null,
			disagreement: false
		});
	});
	it('takes the middle of an odd panel and the mean of the two middles of an even one', () => {
		expect(spread([70, 10, 40]).median).toBe(40);
		expect(spread([10, 40, 45, 70]).median).toBe(42.5);
	});
	it('flags a disagreement only above 30 points', () => {
		expect(spread([40, 70]).disagreement).toBe(false);
		expect(spread([40, 71]).disagreement).toBe(true);
		expect(spread([40, 71])).toMatchObject({ min: 40, max: 71 });
	});
});

describe('mean and comparison', () => {
	it('averages only scored subcriteria to one decimal', () => {
		expect(mean([10, null, 21])).toBe(15.5);
		expect(mean([10, 11, 11])).toBe(10.7);
		expect(mean([null])).toBeNull();
	});
	it('says what moved a band and what only changed', () => {
		const before = new Map([
			['1.1', 30],
			['1.2', 40],
			['1.3', 50]
		]);
		const after = new Map([
			['1.1', 31],
			['1.2', 45]
		]);
		expect(compare(['1.1', '1.2', '1.3'], before, after)).toEqual([
			{ code: '1.1', before: 30, after: 31, delta: 1, moved: true },
			{ code: '1.2', before: 40, after: 45, delta: 5, moved: false },
			{ code: '1.3', before: 50, after: null, delta: null, moved: false }
		]);
	});
});

describe('action priority', () => {
	it('ranks high impact and low effort first', () => {
		expect(priorityOf(3, 1)).toEqual({ value: 9, level: 'high' });
		expect(priorityOf(3, 2)).toEqual({ value: 6, level: 'high' });
		expect(priorityOf(1, 1)).toEqual({ value: 3, level: 'medium' });
		expect(priorityOf(2, 3)).toEqual({ value: 2, level: 'low' });
	});
	it('refuses values outside 1–3', () => {
		expect(() => priorityOf(0, 1)).toThrow(RangeError);
		expect(() => priorityOf(1, 4)).toThrow(RangeError);
	});
});

import { describe, expect, it } from 'vitest';
import { FOLD_FROM, FOLD_TO, fold, queryWords, snippet } from './fold';

describe('accent folding', () => {
	it('folds Czech letters and case, one character for one', () => {
		expect(fold('Údržba veřejné ZELENĚ, Žďár')).toBe('udrzba verejne zelene, zdar');
		expect(fold('Příliš žluťoučký kůň').length).toBe('Příliš žluťoučký kůň'.length);
	});
	it('agrees with the SQL translate map', () => {
		expect(FOLD_FROM.length).toBe(FOLD_TO.length);
		expect(fold(FOLD_FROM)).toBe(FOLD_TO.toLowerCase());
	});
	it('reads the query words, dropping one-letter words and punctuation', () => {
		expect(queryWords('Životní  prostředí & a odpady!')).toEqual([
			'zivotni',
			'prostredi',
			'odpady'
		]);
	});
	it('marks whole words starting with a query word in the original spelling', () => {
		expect(snippet('Odpadové hospodářství obce', ['odpad', 'hospodar'])).toEqual([
			{ text: 'Odpadové', hit: true },
			{ text: ' ', hit: false },
			{ text: 'hospodářství', hit: true },
			{ text: ' obce', hit: false }
		]);
	});
	it('cuts a long text around the first hit', () => {
		const text = `${'a '.repeat(200)}směrnice ${'b '.repeat(200)}`;
		const s = snippet(text, ['smernice'], 40);
		expect(s[0]).toEqual({ text: '… ', hit: false });
		expect(s.find((x) => x.hit)?.text).toBe('směrnice');
		expect(s.at(-1)).toEqual({ text: ' …', hit: false });
	});
});

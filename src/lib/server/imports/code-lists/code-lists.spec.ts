import { describe, expect, it } from 'vitest';
import { codeStatus, entries, validIn } from './code-lists';

describe('code lists by year', () => {
	it('has every položka of classes 5 and 6 and every paragraf with a name and a start', () => {
		for (const list of ['polozky', 'paragrafy'] as const) {
			for (const e of entries(list)) {
				expect(e.code).toMatch(/^\d{4}$/);
				expect(e.name.length).toBeGreaterThan(2);
				expect(e.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			}
		}
		expect(entries('polozky').every((e) => /^[56]/.test(e.code))).toBe(true);
	});

	it('checks a code against the year: valid, valid in other years only, or absent', () => {
		expect(validIn('polozky', '5139', 2010)?.name).toBe('Nákup materiálu jinde nezařazený');
		// 5011 is valid from 1 January 2016 (MF list of 2016).
		expect(codeStatus('polozky', '5011', 2015)).toBe('other-year');
		expect(codeStatus('polozky', '5011', 2016)).toBe('valid');
		// 5122 came after the 2016 list (CityVizor's copy of the 2019 list).
		expect(codeStatus('polozky', '5122', 2016)).toBe('other-year');
		expect(codeStatus('polozky', '5122', 2020)).toBe('valid');
		expect(codeStatus('polozky', '5999', 2020)).toBe('absent');
		expect(codeStatus('paragrafy', '6171', 2012)).toBe('valid');
	});
});

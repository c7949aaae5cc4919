import { describe, expect, it } from 'vitest';
import { drillQuery } from '$lib/drill';
import { parseDrill } from './drill-query';

describe('a figure’s filters in the address', () => {
	it('reads back what the link wrote', () => {
		const q = drillQuery({
			year: 2025,
			kind: 'budget',
			nature: 'fixed',
			unit: 3,
			process: 'none',
			initiative: 7,
			paragraf: '6171',
			polozka: '5169',
			month: 4
		});
		expect(parseDrill(new URLSearchParams(q), 2025)).toEqual({
			year: 2025,
			kind: 'budget',
			nature: 'fixed',
			orgUnitId: 3,
			processId: 'none',
			initiativeId: 7,
			paragraf: '6171',
			polozka: '5169',
			month: 4
		});
	});

	it('leaves out what is malformed, and counts actual by default', () => {
		const f = parseDrill(
			new URLSearchParams('kind=x&nature=gold&unit=-1&paragraf=61&polozka=abcd&month=13'),
			2024
		);
		expect(f).toEqual({
			year: 2024,
			kind: 'actual',
			nature: null,
			orgUnitId: null,
			processId: null,
			initiativeId: null,
			paragraf: null,
			polozka: null,
			month: null
		});
	});
});

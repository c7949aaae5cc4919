import { describe, expect, it } from 'vitest';
import { fromLabels, fromRows } from './options';

describe('select options', () => {
	it('keeps a label map in its order, calling each message', () => {
		expect(fromLabels({ higher: () => 'Vyšší je lepší', lower: () => 'Nižší je lepší' })).toEqual([
			{ value: 'higher', label: 'Vyšší je lepší' },
			{ value: 'lower', label: 'Nižší je lepší' }
		]);
	});

	it('gives rows their id as a string value', () => {
		expect(
			fromRows([{ id: 7, code: 'OF', name: 'Odbor finanční' }], (u) => `${u.code} ${u.name}`)
		).toEqual([{ value: '7', label: 'OF Odbor finanční' }]);
	});
});

import { describe, expect, it } from 'vitest';
import { readImportChoices, totalsByClass } from './web';
import { monthRuns } from '../../../import-months';

describe('import screen choices', () => {
	it('reads the format override, append mode and ORJ/ORG mappings from the form', () => {
		const form = new FormData();
		form.set('format', 'kxx');
		form.set('mode', 'append');
		form.set('map_orj:999', '4');
		form.set('map_org:A-1', '7');
		form.set('map_orj:bad code!', '3');
		form.set('map_orj:998', '');
		form.set('map_orj:997', 'skip');
		form.set('map_polozka:5999', '5139');
		form.set('map_polozka:6999', 'accept');
		form.set('map_polozka:5998', '51');
		form.set('map_paragraf:9999', 'skip');
		const c = readImportChoices(form);
		expect(c.format).toBe('kxx');
		expect(c.mode).toBe('append');
		expect(c.mappings).toEqual({
			orj: { '999': 4 },
			org: { 'A-1': 7 },
			choices: {
				orj: { '997': { action: 'skip' } },
				polozka: { '5999': { action: 'map', target: '5139' }, '6999': { action: 'accept' } },
				paragraf: { '9999': { action: 'skip' } }
			}
		});
		expect(c.values.codeChoices).toEqual({
			'orj:999': '4',
			'org:A-1': '7',
			'orj:bad code!': '3',
			'orj:997': 'skip',
			'polozka:5999': '5139',
			'polozka:6999': 'accept',
			'polozka:5998': '51',
			'paragraf:9999': 'skip'
		});
	});

	it('detects (format null) and replaces by default when nothing is chosen or the value is odd', () => {
		const form = new FormData();
		form.set('format', 'pdf');
		const c = readImportChoices(form);
		expect(c.format).toBeNull();
		expect(c.mode).toBeUndefined();
		expect(c.values.format).toBe('auto');
	});

	it('sums the reconciliation by month and položka class, to the haléř', () => {
		const line = (month: string, polozka: string, file: bigint, ledger: bigint) => ({
			month,
			polozka,
			file,
			batch: file,
			ledger
		});
		expect(
			totalsByClass([
				line('2026-03', '5139', 101n, 101n),
				line('2026-03', '5169', 202n, 205n),
				line('2026-03', '6121', 5n, 5n),
				line('2026-02', '5139', 1n, 1n)
			])
		).toEqual([
			{ month: '2026-02', cls: '5', file: 1n, ledger: 1n },
			{ month: '2026-03', cls: '5', file: 303n, ledger: 306n },
			{ month: '2026-03', cls: '6', file: 5n, ledger: 5n }
		]);
	});

	it('groups replaced months into runs of consecutive months, across a year end', () => {
		expect(monthRuns(['2026-05', '2026-03', '2026-04', '2026-07'])).toEqual([
			['2026-03', '2026-05'],
			['2026-07', '2026-07']
		]);
		expect(monthRuns(['2025-12', '2026-01'])).toEqual([['2025-12', '2026-01']]);
	});
});

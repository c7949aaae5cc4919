import { describe, expect, it } from 'vitest';
import { replacementsOf } from './import-months';

describe('replacementsOf', () => {
	const list = [
		{ replacing_batch_id: 9, replaced_batch_id: 4, month: '2026-03-01', undone_at: null },
		{ replacing_batch_id: 9, replaced_batch_id: 4, month: '2026-04-01', undone_at: null },
		{ replacing_batch_id: 9, replaced_batch_id: 5, month: '2026-06-01', undone_at: null },
		{ replacing_batch_id: 7, replaced_batch_id: 4, month: '2026-01-01', undone_at: new Date() }
	];
	it('lists the standing replacements of a batch, months as runs', () => {
		expect(replacementsOf(4, list, 'replaced')).toEqual([
			{ batch: 9, runs: [['2026-03', '2026-04']] }
		]);
		expect(replacementsOf(9, list, 'replacing')).toEqual([
			{ batch: 4, runs: [['2026-03', '2026-04']] },
			{ batch: 5, runs: [['2026-06', '2026-06']] }
		]);
		expect(replacementsOf(7, list, 'replacing')).toEqual([]);
	});
});

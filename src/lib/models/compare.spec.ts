import { describe, expect, it } from 'vitest';
import { compareVersions, isEmptyDiff } from './compare';

describe('compareVersions', () => {
	it('finds added, removed and renamed tasks by element id', () => {
		const d = compareVersions(
			[
				{ id: 'a', name: 'Přijmout žádost' },
				{ id: 'b', name: 'Posoudit' },
				{ id: 'c', name: 'Vydat' }
			],
			[
				{ id: 'a', name: 'Přijmout žádost ' },
				{ id: 'b', name: 'Posoudit žádost' },
				{ id: 'd', name: 'Archivovat' }
			]
		);
		expect(d.added).toEqual([{ id: 'd', name: 'Archivovat' }]);
		expect(d.removed).toEqual([{ id: 'c', name: 'Vydat' }]);
		expect(d.renamed).toEqual([{ id: 'b', from: 'Posoudit', to: 'Posoudit žádost' }]);
		expect(d.unchanged).toBe(1);
		expect(isEmptyDiff(d)).toBe(false);
	});

	it('a task moved to another id is a removal and an addition, not a rename', () => {
		const d = compareVersions([{ id: 'a', name: 'X' }], [{ id: 'b', name: 'X' }]);
		expect(d.added).toHaveLength(1);
		expect(d.removed).toHaveLength(1);
		expect(isEmptyDiff(compareVersions([{ id: 'a', name: 'X' }], [{ id: 'a', name: 'X' }]))).toBe(
			true
		);
	});
});

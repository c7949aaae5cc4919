import { describe, expect, it } from 'vitest';
import type { RoleCoverage } from './coverage';
import { trainingFor } from './training';

const role = {
	roleId: 1,
	processId: 1,
	processCode: 'P',
	processName: 'P',
	orgUnitId: 1,
	jobRole: 'Referent',
	raci: 'R',
	requirements: [{ competenceId: 7, minLevel: 3 }]
};
const cov = (assigned: RoleCoverage['assigned']): RoleCoverage => ({
	role,
	assigned,
	capable: [],
	spof: true
});

describe('trainingFor', () => {
	it('plans the first missing competence at the required level, deputies first', () => {
		const c = cov([
			{
				personId: 1,
				kind: 'holder',
				shortfalls: [{ kind: 'missing', competenceId: 7, minLevel: 3 }]
			},
			{
				personId: 2,
				kind: 'deputy',
				shortfalls: [{ kind: 'low', competenceId: 7, minLevel: 3, level: 2 }]
			}
		]);
		expect(trainingFor(c)).toEqual({ personId: 2, competenceId: 7, targetLevel: 3 });
		expect(trainingFor(c, 1)).toEqual({ personId: 1, competenceId: 7, targetLevel: 3 });
	});

	it('an expired qualification is renewed at the required level', () => {
		const c = cov([
			{
				personId: 3,
				kind: 'holder',
				shortfalls: [{ kind: 'expired', competenceId: 7, minLevel: 3, expiresOn: '2026-01-01' }]
			}
		]);
		expect(trainingFor(c)).toEqual({ personId: 3, competenceId: 7, targetLevel: 3 });
	});

	it('leavers, people not started, capable people and an empty role give nothing to train', () => {
		expect(trainingFor(cov([]))).toBeNull();
		expect(
			trainingFor(
				cov([
					{ personId: 1, kind: 'holder', shortfalls: [] },
					{
						personId: 2,
						kind: 'deputy',
						shortfalls: [{ kind: 'left' }, { kind: 'missing', competenceId: 7, minLevel: 3 }]
					},
					{ personId: 4, kind: 'deputy', shortfalls: [{ kind: 'not_started' }] }
				])
			)
		).toBeNull();
		expect(trainingFor(cov([{ personId: 1, kind: 'holder', shortfalls: [] }]), 9)).toBeNull();
	});
});

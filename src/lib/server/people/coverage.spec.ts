import { describe, expect, it } from 'vitest';
import {
	addDays,
	coverage,
	expiring,
	matrix,
	type Assignment,
	type CoveragePerson,
	type CoverageRole,
	type Held
} from './coverage';

const DAY = '2026-06-15';

function role(roleId: number, requirements: CoverageRole['requirements'] = []): CoverageRole {
	return {
		roleId,
		processId: 1,
		processCode: `P-${roleId}`,
		processName: 'Proces',
		orgUnitId: 1,
		jobRole: 'Referent',
		raci: 'R',
		requirements
	};
}

function person(
	id: number,
	validTo: string | null = null,
	validFrom = '2020-01-01'
): CoveragePerson {
	return { id, orgUnitId: 1, validFrom, validTo };
}

const ZOZ = { competenceId: 10, minLevel: 3 };

describe('coverage', () => {
	it('counts holders and deputies who meet the requirements; two make the role safe', () => {
		const assignments: Assignment[] = [
			{ roleId: 1, personId: 1, kind: 'holder' },
			{ roleId: 1, personId: 2, kind: 'deputy' }
		];
		const held: Held[] = [
			{ personId: 1, competenceId: 10, level: 3, expiresOn: null },
			{ personId: 2, competenceId: 10, level: 4, expiresOn: null }
		];
		const [c] = coverage([role(1, [ZOZ])], [person(1), person(2)], assignments, held, DAY);
		expect(c.capable).toEqual([1, 2]);
		expect(c.spof).toBe(false);
	});

	it('a role only the holder can fill is a SPOF; a deputy below the minimum level does not help', () => {
		const [c] = coverage(
			[role(1, [ZOZ])],
			[person(1), person(2)],
			[
				{ roleId: 1, personId: 1, kind: 'holder' },
				{ roleId: 1, personId: 2, kind: 'deputy' }
			],
			[
				{ personId: 1, competenceId: 10, level: 3, expiresOn: null },
				{ personId: 2, competenceId: 10, level: 2, expiresOn: null }
			],
			DAY
		);
		expect(c.capable).toEqual([1]);
		expect(c.spof).toBe(true);
		expect(c.assigned[1].shortfalls).toEqual([
			{ kind: 'low', competenceId: 10, minLevel: 3, level: 2 }
		]);
	});

	it('an expired qualification does not count; one expiring today still does', () => {
		const people = [person(1), person(2)];
		const assignments: Assignment[] = [
			{ roleId: 1, personId: 1, kind: 'holder' },
			{ roleId: 1, personId: 2, kind: 'deputy' }
		];
		const held = (p2: string): Held[] => [
			{ personId: 1, competenceId: 10, level: 3, expiresOn: null },
			{ personId: 2, competenceId: 10, level: 3, expiresOn: p2 }
		];
		expect(
			coverage([role(1, [ZOZ])], people, assignments, held(addDays(DAY, -1)), DAY)[0].capable
		).toEqual([1]);
		expect(coverage([role(1, [ZOZ])], people, assignments, held(DAY), DAY)[0].capable).toEqual([
			1, 2
		]);
	});

	it('leavers do not count from the day after their last day; new starters from their first', () => {
		const assignments: Assignment[] = [
			{ roleId: 1, personId: 1, kind: 'holder' },
			{ roleId: 1, personId: 2, kind: 'deputy' }
		];
		const onLastDay = coverage([role(1)], [person(1, DAY), person(2)], assignments, [], DAY)[0];
		expect(onLastDay.capable).toEqual([1, 2]);
		const after = coverage(
			[role(1)],
			[person(1, DAY), person(2)],
			assignments,
			[],
			addDays(DAY, 1)
		)[0];
		expect(after.capable).toEqual([2]);
		expect(after.assigned[0].shortfalls).toEqual([{ kind: 'left' }]);
		const starter = coverage(
			[role(1)],
			[person(1), person(2, null, addDays(DAY, 1))],
			assignments,
			[],
			DAY
		)[0];
		expect(starter.capable).toEqual([1]);
	});

	it('people who are not assigned do not count, however qualified', () => {
		const [c] = coverage([role(1)], [person(1)], [], [], DAY);
		expect(c.capable).toEqual([]);
		expect(c.spof).toBe(true);
	});

	it('lists SPOFs first, roles nobody can fill before roles one can fill', () => {
		const roles = [role(1), role(2), role(3)];
		const people = [person(1), person(2)];
		const assignments: Assignment[] = [
			{ roleId: 1, personId: 1, kind: 'holder' },
			{ roleId: 1, personId: 2, kind: 'deputy' },
			{ roleId: 3, personId: 1, kind: 'holder' }
		];
		expect(coverage(roles, people, assignments, [], DAY).map((c) => c.role.roleId)).toEqual([
			2, 3, 1
		]);
	});

	it('a role with every requirement held but one missing competence is not covered', () => {
		const [c] = coverage(
			[role(1, [ZOZ, { competenceId: 11, minLevel: 1 }])],
			[person(1)],
			[{ roleId: 1, personId: 1, kind: 'holder' }],
			[{ personId: 1, competenceId: 10, level: 4, expiresOn: null }],
			DAY
		);
		expect(c.assigned[0].shortfalls).toEqual([{ kind: 'missing', competenceId: 11, minLevel: 1 }]);
	});
});

describe('matrix', () => {
	it('shows the assignment, the levels held (expired as none) and whether the person qualifies', () => {
		const cells = matrix(
			[role(1, [ZOZ])],
			[person(1), person(2), person(3)],
			[{ roleId: 1, personId: 1, kind: 'holder' }],
			[
				{ personId: 1, competenceId: 10, level: 3, expiresOn: null },
				{ personId: 2, competenceId: 10, level: 4, expiresOn: '2020-01-01' },
				{ personId: 3, competenceId: 10, level: 4, expiresOn: null }
			],
			DAY
		);
		expect(cells[0]).toEqual([
			{ assignment: 'holder', qualified: true, levels: [3] },
			{ assignment: null, qualified: false, levels: [null] },
			{ assignment: null, qualified: true, levels: [4] }
		]);
	});
});

describe('expiring', () => {
	it('lists qualifications expiring up to the horizon, soonest first, not those long expired', () => {
		const held: Held[] = [
			{ personId: 1, competenceId: 1, level: 2, expiresOn: '2026-08-01' },
			{ personId: 2, competenceId: 1, level: 2, expiresOn: '2026-07-01' },
			{ personId: 3, competenceId: 1, level: 2, expiresOn: '2027-01-01' },
			{ personId: 4, competenceId: 1, level: 2, expiresOn: null },
			{ personId: 5, competenceId: 1, level: 2, expiresOn: '2025-01-01' }
		];
		expect(expiring(held, DAY, addDays(DAY, 60)).map((h) => h.personId)).toEqual([2, 1]);
	});

	it('adds days across month and year ends', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});
});

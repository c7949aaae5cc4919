import { describe, expect, it } from 'vitest';
import { capacity, type ProcessLoadInput } from './capacity';
import { applyWhatIf, scenarioOf, type ModelTask } from './whatif';

const DAY = '2026-06-15';
const units = [
	{ id: 1, code: 'A', name: 'A', absenceRate: 0 },
	{ id: 2, code: 'B', name: 'B', absenceRate: 0 }
];
const staff = [
	{ orgUnitId: 1, fte: 1, validFrom: '2020-01-01', validTo: null },
	{ orgUnitId: 2, fte: 1, validFrom: '2020-01-01', validTo: null }
];
const modelled: ProcessLoadInput = {
	processId: 1,
	code: 'P1',
	name: 'Modelled',
	orgUnitId: 1,
	volume: 600,
	fte: 0.1,
	minutesPerCase: null,
	modelled: [
		{ roleId: 10, label: 'Referent (R)', orgUnitId: 1, hours: 600 },
		{ roleId: 11, label: 'Vedoucí (A)', orgUnitId: 1, hours: 200 }
	]
};
const card: ProcessLoadInput = {
	processId: 2,
	code: 'P2',
	name: 'Card',
	orgUnitId: 2,
	volume: 120,
	fte: 0.5,
	minutesPerCase: null,
	modelled: null
};
const tasks: ModelTask[] = [
	{ processId: 1, taskId: 't1', name: 'Posoudit', roleId: 10, minutes: 30, hours: 300 },
	{ processId: 1, taskId: 't2', name: 'Bez času', roleId: 10, minutes: null, hours: null }
];
const util = (ps: ProcessLoadInput[]) =>
	capacity(units, staff, ps, new Map(), 1000, DAY).map((u) => u.utilization);

describe('applyWhatIf', () => {
	it('without a change gives the base figures back: model hours per role, card otherwise', () => {
		const r = applyWhatIf([modelled, card], tasks, {});
		expect(r.applied).toBe(true);
		expect(util(r.processes)).toEqual([0.8, 0.5]);
	});

	it('moving a modelled role moves only its hours to the other unit', () => {
		const r = applyWhatIf([modelled, card], tasks, { moveRole: { roleId: 10, toUnitId: 2 } });
		expect(r.applied).toBe(true);
		expect(util(r.processes)).toEqual([0.2, 1.1]);
		const [a, b] = capacity(units, staff, r.processes, new Map(), 1000, DAY);
		expect(a.processes[0].roles.map((x) => x.roleId)).toEqual([11]);
		expect(b.processes.map((p) => p.code)).toEqual(['P1', 'P2']);
	});

	it('a role of a process without a model has no hours to move: nothing changes', () => {
		const r = applyWhatIf([modelled, card], tasks, { moveRole: { roleId: 99, toUnitId: 2 } });
		expect(r.applied).toBe(false);
		expect(util(r.processes)).toEqual([0.8, 0.5]);
	});

	it('moving a whole process moves all its roles', () => {
		const r = applyWhatIf([modelled, card], tasks, {
			moveProcess: { processId: 1, toUnitId: 2 }
		});
		expect(util(r.processes)).toEqual([0, 1.3]);
	});

	it("a task's minutes scale its hours within its lane's role; zero minutes remove them", () => {
		const half = applyWhatIf([modelled], tasks, {
			minutes: { processId: 1, taskId: 't1', minutes: 15 }
		});
		expect(util(half.processes)[0]).toBeCloseTo(0.65);
		const none = applyWhatIf([modelled], tasks, {
			minutes: { processId: 1, taskId: 't1', minutes: 0 }
		});
		expect(util(none.processes)[0]).toBeCloseTo(0.5);
	});

	it('a task without minutes, an unknown task or negative minutes change nothing', () => {
		for (const minutes of [
			{ processId: 1, taskId: 't2', minutes: 10 },
			{ processId: 1, taskId: 'nope', minutes: 10 },
			{ processId: 1, taskId: 't1', minutes: -5 }
		]) {
			const r = applyWhatIf([modelled], tasks, { minutes });
			expect(r.applied).toBe(false);
			expect(util(r.processes)[0]).toBeCloseTo(0.8);
		}
	});

	it('minutes per case replace the card of a process without a model', () => {
		const r = applyWhatIf([modelled, card], tasks, {
			minutes: { processId: 2, taskId: null, minutes: 60 }
		});
		expect(util(r.processes)[1]).toBeCloseTo(0.12);
		expect(
			applyWhatIf([modelled], tasks, { minutes: { processId: 1, taskId: null, minutes: 5 } })
				.applied
		).toBe(false);
	});

	it('does not change its input', () => {
		const before = JSON.stringify([modelled, card]);
		applyWhatIf([modelled, card], tasks, { moveRole: { roleId: 10, toUnitId: 2 } });
		expect(JSON.stringify([modelled, card])).toBe(before);
	});
});

describe('scenarioOf', () => {
	it('reads moves and minutes from the query, leaving out what it cannot read', () => {
		expect(
			scenarioOf(new URLSearchParams('role=12&roleTo=3&process=5&minutes=12,5&task=t1'))
		).toEqual({
			moveRole: { roleId: 12, toUnitId: 3 },
			moveProcess: null,
			minutes: { processId: 5, taskId: 't1', minutes: 12.5 }
		});
		expect(scenarioOf(new URLSearchParams('role=x&roleTo=3&process=5&to=2&minutes=-1'))).toEqual({
			moveRole: null,
			moveProcess: { processId: 5, toUnitId: 2 },
			minutes: null
		});
	});
});

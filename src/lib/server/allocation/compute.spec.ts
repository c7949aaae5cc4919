import { describe, expect, it } from 'vitest';
import { computeAllocation, type AllocationInput } from './compute';

// Unit 1 has overhead; processes 1–3 are its own (FTE 1, 1, 2), 10 is IT (support), 11 is HR.
const PCS = 5;
const HOURS = 6;
function input(over: Partial<AllocationInput> = {}): AllocationInput {
	return {
		processes: [
			{ id: 1, orgUnitId: 1, fte: 10_000n, volume: 100 },
			{ id: 2, orgUnitId: 1, fte: 10_000n, volume: 3 },
			{ id: 3, orgUnitId: 1, fte: 20_000n, volume: null },
			{ id: 10, orgUnitId: 2, fte: 10_000n, volume: null },
			{ id: 11, orgUnitId: 2, fte: 10_000n, volume: null }
		],
		manualKeys: new Map(),
		unitDrivers: new Map(),
		driverValues: new Map([
			[
				PCS,
				new Map([
					[1, 3n],
					[2, 3n],
					[3, 1n],
					[10, 9n],
					[11, 2n]
				])
			],
			[
				HOURS,
				new Map([
					[1, 1n],
					[10, 5n]
				])
			]
		]),
		pools: [
			{ kind: 'actual', orgUnitId: 1, amount: 1_000_001n },
			{ kind: 'actual', orgUnitId: 2, amount: 700_007n }
		],
		direct: [
			{ kind: 'actual', processId: 10, amount: 99_999n },
			{ kind: 'actual', processId: 1, amount: 13n }
		],
		stages: [],
		...over
	};
}
const sumFull = (r: ReturnType<typeof computeAllocation>) =>
	r.costs.filter((c) => c.kind === 'actual').reduce((a, c) => a + c.fullCost, 0n);
const cost = (r: ReturnType<typeof computeAllocation>, id: number) =>
	r.costs.find((c) => c.kind === 'actual' && c.processId === id)!;
const LEDGER = 1_000_001n + 700_007n + 99_999n + 13n;

describe('computeAllocation', () => {
	it('without stages: stage 0 only, every unit over its own processes by FTE', () => {
		const r = computeAllocation(input());
		expect(r.steps.every((s) => s.stage === 0)).toBe(true);
		expect(sumFull(r)).toBe(LEDGER);
		expect(cost(r, 3).allocated).toBe(500_001n);
		expect(cost(r, 10).passedOn).toBe(0n);
	});

	it('passes a support process on by a driver, exact to the haléř, its own full cost zero', () => {
		const before = computeAllocation(input());
		const r = computeAllocation(input({ stages: [{ sourceId: 10, driverId: PCS }] }));
		const it10 = cost(r, 10);
		expect(it10.passedOn).toBe(cost(before, 10).fullCost);
		expect(it10.fullCost).toBe(0n);
		const steps = r.steps.filter((s) => s.stage === 1);
		// IT's own PCs do not count: it does not serve itself.
		expect(steps.map((s) => s.processId).sort((x, y) => x - y)).toEqual([1, 2, 3, 11]);
		expect(steps.reduce((a, s) => a + s.amount, 0n)).toBe(it10.passedOn);
		expect(sumFull(r)).toBe(LEDGER);
		expect(cost(r, 2).unitCost).not.toBe(cost(before, 2).unitCost);
	});

	it('runs stages in order: what HR got from IT is passed on with HR', () => {
		const r = computeAllocation(
			input({
				stages: [
					{ sourceId: 10, driverId: PCS },
					{ sourceId: 11, driverId: null }
				]
			})
		);
		const hr = cost(r, 11);
		const fromIt = r.steps.find((s) => s.stage === 1 && s.processId === 11)!.amount;
		const fromUnit = r.steps.find((s) => s.stage === 0 && s.processId === 11)!.amount;
		expect(fromUnit + cost(r, 10).allocated).toBe(700_007n);
		expect(hr.passedOn).toBe(fromUnit + fromIt);
		expect(hr.fullCost).toBe(0n);
		// FTE stages leave out every stage's source.
		expect(r.steps.filter((s) => s.stage === 2).map((s) => s.processId)).toEqual([1, 2, 3]);
		expect(sumFull(r)).toBe(LEDGER);
	});

	it('refuses a cycle and an order that strands cost: no stage runs, stage 0 stands', () => {
		const cycle = computeAllocation(
			input({
				stages: [
					{ sourceId: 10, driverId: PCS },
					{ sourceId: 11, driverId: HOURS }
				],
				driverValues: new Map([
					[
						PCS,
						new Map([
							[1, 1n],
							[11, 1n]
						])
					],
					[
						HOURS,
						new Map([
							[1, 1n],
							[10, 1n]
						])
					]
				])
			})
		);
		expect(cycle.problem?.kind).toBe('cycle');
		expect(cycle.steps.every((s) => s.stage === 0)).toBe(true);
		const order = computeAllocation(
			input({
				stages: [
					{ sourceId: 11, driverId: null },
					{ sourceId: 10, driverId: PCS }
				]
			})
		);
		expect(order.problem).toEqual({ kind: 'order', earlier: 11, later: 10 });
		expect(sumFull(order)).toBe(LEDGER);
	});

	it('leaves a stage whose driver adds up to zero with its source, as a remainder', () => {
		const r = computeAllocation(
			input({
				stages: [{ sourceId: 10, driverId: 99 }]
			})
		);
		const it10 = cost(r, 10);
		expect(it10.passedOn).toBe(0n);
		expect(r.remainders).toEqual([
			{ kind: 'actual', stage: 1, orgUnitId: null, sourceId: 10, amount: it10.fullCost }
		]);
		expect(sumFull(r)).toBe(LEDGER);
	});

	it('keeps the sum exact over random ledgers and stages', () => {
		let seed = 11;
		const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
		for (let i = 0; i < 100; i++) {
			const a = BigInt(next() % 10_000_000);
			const b = BigInt(next() % 10_000_000);
			const d = BigInt(next() % 1_000_000);
			const r = computeAllocation(
				input({
					pools: [
						{ kind: 'actual', orgUnitId: 1, amount: a },
						{ kind: 'actual', orgUnitId: 2, amount: b }
					],
					direct: [{ kind: 'actual', processId: 10, amount: d }],
					stages: [
						{ sourceId: 10, driverId: PCS },
						{ sourceId: 11, driverId: null }
					]
				})
			);
			expect(sumFull(r)).toBe(a + b + d);
		}
	});
});

// Staged allocation as the clerk sets it: per year, which support processes are passed on to the
// processes they serve, by FTE or a driver, in the clerk's order (saved as one list, versioned,
// audited, the year recomputed). An order computeAllocation could not run — a cycle, a process
// passed twice or serving itself, a stage serving a process already passed on — is refused at
// the stage row. Scenarios: the same computation over edited driver values and stages, unsaved,
// or saved as named inputs to reopen and compare with the actuals.
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import type { Db } from '../db';
import { fromScaledPadded, parseNonNegative } from '../../decimal';
import { createAudited, auditedAs } from '../shared/versioned';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import * as repo from './allocation.repository';
import { loadInput, refreshProcessCosts } from './allocation.service';
import { computeAllocation, stageWeights, type AllocationInput, type StageInput } from './compute';
import { checkStages, type StageProblem } from './staged';

export interface StagesView {
	year: number;
	/** the allocation_stage_set version (0: never saved) */
	version: number;
	stages: StageInput[];
	/** the support processes that can be passed on */
	support: { id: number; code: string; name: string }[];
	/** every stage's steps (actual costs), in order */
	steps: Awaited<ReturnType<typeof repo.stageSteps>>;
}

async function supportProcesses(db: Executor) {
	return (await repo.processes(db))
		.filter((p) => p.kind === 'support' && p.status !== 'retired')
		.map((p) => ({ id: p.id, code: p.code, name: p.name }));
}

export async function stagesFor(db: Executor, year: number): Promise<StagesView> {
	const [set, stages, support, steps] = await Promise.all([
		repo.stageSet(db, year),
		repo.stages(db, year),
		supportProcesses(db),
		repo.stageSteps(db, year)
	]);
	return {
		year,
		version: set?.version ?? 0,
		stages: stages.map((s) => ({ sourceId: s.source_process_id, driverId: s.driver_id })),
		support,
		steps
	};
}

/** The stage row a problem is shown at, with its message key. */
function problemAt(stages: StageInput[], problem: StageProblem): [number, string] {
	const index = (id: number) =>
		Math.max(
			0,
			stages.findIndex((s) => s.sourceId === id)
		);
	switch (problem.kind) {
		case 'twice':
			return [
				stages.map((s) => s.sourceId).lastIndexOf(problem.processId),
				'allocation_stage_err_twice'
			];
		case 'self':
			return [index(problem.processId), 'allocation_stage_err_self'];
		case 'cycle':
			return [
				index(problem.processIds[problem.processIds.length - 2]),
				'allocation_stage_err_cycle'
			];
		case 'order':
			return [index(problem.later), 'allocation_stage_err_order'];
	}
}

/**
 * Checks stages against the year's processes and drivers: each source a support process, each
 * driver known, the order one the computation can run. Errors keyed `stage{i}` (row from 0).
 */
export async function checkStageList(
	db: Executor,
	input: AllocationInput,
	stages: StageInput[]
): Promise<void> {
	const errors: Record<string, string> = {};
	const support = new Set((await supportProcesses(db)).map((p) => p.id));
	const drivers = new Set((await repo.drivers(db)).map((d) => d.id));
	stages.forEach((s, i) => {
		if (!support.has(s.sourceId)) errors[`stage${i}`] = 'allocation_stage_err_source';
		else if (s.driverId !== null && !drivers.has(s.driverId)) {
			errors[`stage${i}`] = 'allocation_err_driver_unknown';
		}
	});
	if (!Object.keys(errors).length) {
		const problem = checkStages(stageWeights({ ...input, stages }));
		if (problem) {
			const [row, key] = problemAt(stages, problem);
			errors[`stage${row}`] = key;
		}
	}
	if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** Saves a year's stages in the order given (empty: no stages), recomputes and audits. */
export async function saveStages(
	db: Db,
	actorId: number,
	year: number,
	expectedVersion: number,
	stages: StageInput[]
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const set = await repo.stageSet(trx, year, true);
		if ((set?.version ?? 0) !== expectedVersion) {
			throw new ConflictError(await stagesFor(trx, year));
		}
		const input = await loadInput(trx, year);
		await checkStageList(trx, input, stages);
		const before = input.stages;
		await repo.replaceStages(trx, year, stages, set !== undefined, actorId);
		await refreshProcessCosts(trx, [year]);
		await audit.record(trx, {
			userId: actorId,
			action: 'allocation_stage.save',
			entity: 'allocation_stage',
			entityId: String(year),
			before,
			after: stages
		});
	});
}

/** A scenario's inputs: the stages to use and the driver values changed. */
export interface ScenarioInputs {
	stages: StageInput[];
	/** value: a decimal text with at most four places */
	values: { driverId: number; processId: number; value: string }[];
}

export interface ScenarioRow {
	processId: number;
	code: string;
	name: string;
	before: { fullCost: bigint; unitCost: bigint | null };
	after: { fullCost: bigint; unitCost: bigint | null };
}

/**
 * Every process's full and unit cost (actual) before — as the recompute stored them — and after
 * the scenario's inputs, computed by the same computeAllocation. Nothing is written.
 */
export async function runScenario(
	db: Executor,
	year: number,
	inputs: ScenarioInputs
): Promise<ScenarioRow[]> {
	const input = await loadInput(db, year);
	const errors: Record<string, string> = {};
	const driverValues = new Map(
		[...input.driverValues].map(([id, values]) => [id, new Map(values)] as const)
	);
	inputs.values.forEach((v) => {
		const value = v.value.trim() === '' ? 0n : parseNonNegative(v.value);
		if (value === null) {
			errors[`v${v.driverId}_${v.processId}`] = 'allocation_err_driver_value';
			return;
		}
		const values = driverValues.get(v.driverId) ?? new Map<number, bigint>();
		values.set(v.processId, value);
		driverValues.set(v.driverId, values);
	});
	if (Object.keys(errors).length) throw new ValidationError(errors);
	const edited = { ...input, driverValues, stages: inputs.stages };
	await checkStageList(db, edited, inputs.stages);
	const after = computeAllocation(edited).costs.filter((c) => c.kind === 'actual');
	const before = new Map((await repo.processCostsOf(db, year)).map((c) => [c.process_id, c]));
	const names = new Map((await repo.processes(db)).map((p) => [p.id, p]));
	return after
		.map((a) => {
			const b = before.get(a.processId);
			const p = names.get(a.processId);
			return {
				processId: a.processId,
				code: p?.code ?? '',
				name: p?.name ?? '',
				before: { fullCost: b?.full_cost ?? 0n, unitCost: b?.unit_cost ?? null },
				after: { fullCost: a.fullCost, unitCost: a.unitCost }
			};
		})
		.sort((x, y) => x.code.localeCompare(y.code, 'cs'));
}

/** The driver values of `year` as decimal texts, for the scenario form. */
export async function driverValueTexts(db: Executor, year: number) {
	return (await repo.driverValues(db, year)).map((v) => ({
		driverId: v.driver_id,
		processId: v.process_id,
		value: fromScaledPadded(parseNonNegative(v.value) ?? 0n)
	}));
}

const scenarioChange = auditedAs('allocation_scenario');

/** Saves a scenario's inputs under a name (checked as runScenario would); returns its id. */
export async function saveScenario(
	db: Db,
	actor: { id: number },
	name: string,
	year: number,
	inputs: ScenarioInputs
): Promise<number> {
	if (!name.trim()) throw new ValidationError({ name: 'error_required' });
	const row = await createAudited(db, 'allocation_scenario', {
		change: scenarioChange(actor, 'create'),
		values: { name: name.trim(), year, inputs: JSON.stringify(inputs), created_by: actor.id },
		view: (r) => ({ name: r.name, year: r.year, inputs }),
		check: async (trx) => {
			await runScenario(trx, year, inputs);
		}
	});
	return row.id;
}

export function listScenarios(db: Executor) {
	return repo.scenarios(db);
}

export async function scenarioById(db: Executor, id: number) {
	const row = await repo.scenarioById(db, id);
	if (!row) throw new NotFoundError('allocation_scenario');
	const inputs = (
		typeof row.inputs === 'string' ? JSON.parse(row.inputs) : row.inputs
	) as ScenarioInputs;
	return { id: row.id, name: row.name, year: row.year, inputs };
}

import * as audit from '../audit/audit';
import { assertActiveUser, assertCodeFree } from '../shared/references';
import type { Executor } from '../audit/audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import * as kpis from '../kpis/kpis.service';
import { countStatuses, type KpiStatus, type StatusCounts } from '../../kpi-status';
import type { KpiInYear } from '../kpis/kpis';
import { treeOrder } from '../org-units/org-units.service';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import {
	auditedAs,
	changeAudited,
	createAudited,
	editAudited,
	removeAudited,
	type VersionedRow
} from '../shared/versioned';
import type { EditRecord } from '../shared/versioned';
import type {
	Coverage,
	Goal,
	GoalDetail,
	GoalInput,
	GoalLevel,
	GoalListItem,
	GoalWithStatus,
	StatusOverride
} from './goals';
import * as repo from './goals.repository';
import { createsCycle, rollUpTree } from './rollup';

type GoalRow = Awaited<ReturnType<typeof repo.all>>[number];

function toGoal(r: GoalRow): Goal {
	return {
		id: r.id,
		code: r.code,
		name: r.name,
		level: r.level,
		parentId: r.parent_id,
		ownerId: r.owner_user_id,
		ownerName: r.owner_name,
		description: r.description,
		startYear: r.start_year,
		endYear: r.end_year,
		lifecycle: r.status,
		override: r.status_override,
		overrideComment: r.override_comment,
		version: r.version
	};
}

/**
 * The goal tree (depth-first) with each goal's rolled-up status in `year` (rollup.ts), counted
 * from the statuses its KPIs show that year (kpi_year_status). Used by /goals, the goal pages,
 * the overview, the council report and the public page.
 */
export async function tree(
	db: Executor,
	year: number,
	/** the KPI status counts per goal, when the caller has read them already */
	kpiCounts?: Map<number | null, StatusCounts>
): Promise<GoalWithStatus[]> {
	const [rows, counts, links] = await Promise.all([
		repo.all(db),
		kpiCounts ?? kpis.statusCountsByGoal(db, year),
		repo.processLinks(db)
	]);
	const goals = rows.map(toGoal);
	const countsOf = (id: number) => counts.get(id) ?? countStatuses([]);
	const processesOf = new Map<number, number[]>();
	for (const l of links) {
		processesOf.set(l.goal_id, [...(processesOf.get(l.goal_id) ?? []), l.process_id]);
	}
	const statuses = rollUpTree(
		goals.map((g) => ({
			id: g.id,
			parentId: g.parentId,
			override: g.override,
			kpiStatuses: Object.entries(countsOf(g.id)).flatMap(([status, n]) =>
				Array<KpiStatus>(n).fill(status as KpiStatus)
			),
			processIds: processesOf.get(g.id) ?? []
		}))
	);
	return treeOrder(goals).map((g) => {
		const r = statuses.get(g.id);
		return {
			...g,
			computed: r?.computed ?? 'no_data',
			status: r?.effective ?? 'no_data',
			kpiCounts: countsOf(g.id),
			redKpis: r?.redKpis ?? 0,
			processCount: r?.processCount ?? 0
		};
	});
}

/**
 * The tree with the KPIs /goals lists under each goal: all of them, or at most `perGoal` (those
 * needing attention first), or only those showing `status`.
 */
export async function listWithStatus(
	db: Executor,
	year: number,
	filter: { perGoal?: number; status?: KpiStatus } = {}
): Promise<GoalListItem[]> {
	const [goals, list] = await Promise.all([tree(db, year), kpis.inYear(db, year, filter)]);
	const kpisOf = new Map<number, KpiInYear[]>();
	for (const k of list) {
		if (k.goalId === null) continue;
		const group = kpisOf.get(k.goalId);
		if (group) group.push(k);
		else kpisOf.set(k.goalId, [k]);
	}
	return goals.map((g) => ({ ...g, kpis: kpisOf.get(g.id) ?? [] }));
}

export async function get(db: Executor, id: number, year: number): Promise<GoalDetail> {
	const all = await tree(db, year);
	const goal = all.find((g) => g.id === id);
	if (!goal) throw new NotFoundError('goal');
	const byId = new Map(all.map((g) => [g.id, g]));
	const ancestors: GoalDetail['ancestors'] = [];
	for (let p = goal.parentId; p !== null; p = byId.get(p)?.parentId ?? null) {
		const a = byId.get(p);
		if (!a || ancestors.length > 20) break;
		ancestors.unshift({ id: a.id, code: a.code, name: a.name });
	}
	const processes = await repo.processesOf(db, id);
	// The detail page charts the KPIs' whole history, not only the last three years.
	const fullKpis = await kpis.listWithSeries(db, year, { goalId: id, fromYear: null });
	return {
		...goal,
		kpis: fullKpis,
		children: all.filter((g) => g.parentId === id),
		ancestors,
		processes
	};
}

/** Allowed parent levels: strategic goals sit under the vision, objectives under either. */
const PARENT_LEVELS: Record<GoalLevel, GoalLevel[]> = {
	vision: [],
	strategic: ['vision'],
	objective: ['strategic', 'objective']
};

async function checkGoal(trx: Executor, id: number | null, input: GoalInput) {
	await assertCodeFree(trx, 'goal', input.code, id);
	if (input.parentId !== null) {
		const rows = await repo.outline(trx);
		const parent = rows.find((r) => r.id === input.parentId);
		if (!parent) throw new ValidationError({ parentId: 'error_choice' });
		const parents = new Map(rows.map((r) => [r.id, r.parent_id]));
		if (id !== null && createsCycle(id, input.parentId, parents)) {
			throw new ValidationError({ parentId: 'goals_error_cycle' });
		}
		if (!PARENT_LEVELS[input.level].includes(parent.level)) {
			throw new ValidationError({ parentId: 'goals_error_parent_level' });
		}
	} else if (input.level !== 'vision' && input.level !== 'strategic') {
		throw new ValidationError({ parentId: 'goals_error_parent_required' });
	}
	await assertActiveUser(trx, input.ownerId, 'ownerId');
}

function goalColumns(input: GoalInput) {
	return {
		code: input.code,
		name: input.name,
		level: input.level,
		parent_id: input.parentId,
		owner_user_id: input.ownerId,
		description: input.description,
		start_year: input.startYear,
		end_year: input.endYear,
		status: input.lifecycle
	};
}

function requireEditor(actor: SessionUser) {
	if (!can(actor.role, 'goals.edit')) throw new ForbiddenError();
}

export async function create(db: Db, actor: SessionUser, input: GoalInput): Promise<number> {
	requireEditor(actor);
	const row = await createAudited(db, 'goal', {
		change: change(actor, 'create'),
		values: goalColumns(input),
		view: () => input,
		check: (trx) => checkGoal(trx, null, input)
	});
	return row.id;
}

/** The audit record of a change to a goal. */
const change = auditedAs('goal');

function goalView(r: VersionedRow<'goal'>) {
	return {
		code: r.code,
		name: r.name,
		level: r.level,
		parentId: r.parent_id,
		ownerId: r.owner_user_id,
		description: r.description,
		startYear: r.start_year,
		endYear: r.end_year,
		lifecycle: r.status,
		override: r.status_override,
		overrideComment: r.override_comment
	};
}

export const update: EditRecord<GoalInput> = async (db, actor, id, version, input) => {
	requireEditor(actor);
	await editAudited(db, 'goal', id, version, {
		change: change(actor, 'update'),
		view: goalView,
		check: (trx) => checkGoal(trx, id, input),
		values: () => goalColumns(input)
	});
};

/** Sets or clears the manual status override; setting one needs a comment. */
export async function setOverride(
	db: Db,
	actor: SessionUser,
	id: number,
	version: number,
	override: StatusOverride | null,
	comment: string | null
): Promise<void> {
	requireEditor(actor);
	if (override && !comment?.trim()) {
		throw new ValidationError({ overrideComment: 'goals_error_override_comment' });
	}
	await editAudited(db, 'goal', id, version, {
		change: change(actor, 'override'),
		view: (r) => ({ override: r.status_override, comment: r.override_comment }),
		current: goalView,
		values: () => ({ status_override: override, override_comment: override ? comment : null })
	});
}

/** Links a process to a goal with a weight, or changes the weight of an existing link. */
export async function linkProcess(
	db: Db,
	actor: SessionUser,
	goalId: number,
	processId: number,
	weight: number
): Promise<void> {
	requireEditor(actor);
	if (!Number.isInteger(weight) || weight < 1 || weight > 100) {
		throw new ValidationError({ weight: 'goals_error_weight' });
	}
	await changeAudited(db, 'goal', goalId, null, {
		change: change(actor, 'process_link'),
		work: async (trx) => {
			const process = await repo.findProcess(trx, processId);
			if (!process) throw new ValidationError({ processId: 'error_choice' });
			const before = await repo.lockProcessLink(trx, goalId, processId);
			await repo.upsertProcessLink(trx, goalId, processId, weight);
			return {
				before: before ? { process: process.code, weight: before.weight } : null,
				after: { process: process.code, weight }
			};
		}
	});
}

export async function unlinkProcess(db: Db, actor: SessionUser, goalId: number, processId: number) {
	requireEditor(actor);
	await changeAudited(db, 'goal', goalId, null, {
		change: change(actor, 'process_unlink'),
		work: async (trx) => {
			const removed = await repo.deleteProcessLink(trx, goalId, processId);
			if (!removed) throw new NotFoundError('goal_process');
			return { before: { processId, weight: removed.weight } };
		}
	});
}

/** Deletes a goal nothing depends on; otherwise lists the sub-goals, KPIs and processes. */
export async function remove(db: Db, actor: SessionUser, id: number): Promise<void> {
	requireEditor(actor);
	await removeAudited(db, 'goal', id, {
		change: change(actor, 'delete'),
		view: goalView,
		dependants: (trx) => repo.dependants(trx, id)
	});
}

export function history(db: Executor, id: number) {
	return audit.list(db, { entity: 'goal', entityId: String(id), limit: 50 });
}

/**
 * Coverage: goals with no process or no KPI behind them — counting their sub-goals' too, since a
 * strategic goal is served through its objectives — and active processes that serve no goal.
 */
export async function coverage(db: Executor): Promise<Coverage> {
	const [goals, links, kpiGoals, processes] = await Promise.all([
		repo.outline(db),
		repo.processLinks(db),
		repo.goalsWithKpi(db),
		repo.processesWithoutGoal(db)
	]);
	const children = new Map<number, number[]>();
	for (const g of goals) {
		if (g.parent_id === null) continue;
		children.set(g.parent_id, [...(children.get(g.parent_id) ?? []), g.id]);
	}
	const withProcess = new Set(links.map((l) => l.goal_id));
	const withKpi = new Set(kpiGoals.map((k) => k.goal_id as number));
	const covered = (id: number, own: Set<number>, seen = new Set<number>()): boolean => {
		if (own.has(id)) return true;
		if (seen.has(id)) return false;
		seen.add(id);
		return (children.get(id) ?? []).some((c) => covered(c, own, seen));
	};
	const view = (g: (typeof goals)[number]) => ({
		id: g.id,
		code: g.code,
		name: g.name,
		level: g.level
	});
	return {
		goalsWithoutProcess: goals.filter((g) => !covered(g.id, withProcess)).map(view),
		goalsWithoutKpi: goals.filter((g) => !covered(g.id, withKpi)).map(view),
		processesWithoutGoal: processes.map((p) => ({
			id: p.id,
			code: p.code,
			name: p.name,
			orgUnitCode: p.unit_code
		}))
	};
}

/** Goals for selects: code, name and level, in tree order. */
export async function options(db: Executor) {
	const rows = await repo.outline(db);
	return treeOrder(
		rows.map((r) => ({
			id: r.id,
			code: r.code,
			name: r.name,
			level: r.level,
			parentId: r.parent_id
		}))
	);
}

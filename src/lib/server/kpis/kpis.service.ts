import { sql } from 'kysely';
import * as audit from '../audit/audit';
import { assertActiveUser, assertCodeFree, assertExists } from '../shared/references';
import type { Executor } from '../audit/audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import {
	auditedAs,
	createAudited,
	editAudited,
	removeAudited,
	saveByKeysAudited
} from '../shared/versioned';
import type { EditRecord } from '../shared/versioned';
import { normalise, parseDecimal } from '../../decimal';
import {
	countStatuses,
	kpiStatus,
	targetFor,
	type StatusCounts,
	type Target
} from '../../kpi-status';
import type {
	ImportProblem,
	ImportRow,
	Kpi,
	KpiInYear,
	KpiInput,
	KpiPeriod,
	KpiWithSeries,
	TargetInput,
	WorklistItem
} from './kpis';
import * as users from '../users/users.service';
import * as repo from './kpis.repository';
import * as costs from '../costs/costs.service';
import { sharePercentText } from '../costs/costs';
import { defaultRange, rangeError } from './value-range';
import { owedPeriods, parsePeriod, periodsOfYear, yearOf, type Frequency } from './period';
import { latestIn, yearStatuses, type RecentPoint } from './year-status';

type DefRow = Awaited<ReturnType<ReturnType<typeof repo.definitions>['execute']>>[number];

function toKpi(r: DefRow): Kpi {
	return {
		id: r.id,
		code: r.code,
		name: r.name,
		goalId: r.goal_id,
		goalCode: r.goal_code,
		goalName: r.goal_name,
		responsibleId: r.responsible_user_id,
		responsibleName: r.responsible_name,
		definition: r.definition,
		unit: r.unit,
		direction: r.direction,
		frequency: r.frequency,
		baseline: r.baseline === null ? null : normalise(r.baseline),
		baselinePeriod: r.baseline_period,
		source: r.source,
		valueMin: r.value_min === null ? null : normalise(r.value_min),
		valueMax: r.value_max === null ? null : normalise(r.value_max),
		version: r.version
	};
}

type TargetRow = Awaited<ReturnType<typeof repo.targets>>[number];
type ActualRow = Awaited<ReturnType<typeof repo.actuals>>[number];

/**
 * Every period of a KPI that has an actual, a target of its own, or falls in a year with a target,
 * with its status — the KPI's full history, oldest first.
 */
export function evaluate(kpi: Kpi, targets: TargetRow[], actuals: ActualRow[]): KpiPeriod[] {
	const byPeriod = new Map<string, Target & { version: number }>(
		targets.map((t) => [
			t.period,
			{
				target: normalise(t.target),
				targetMax: t.target_max === null ? null : normalise(t.target_max),
				tolerance: normalise(t.tolerance),
				version: t.version
			}
		])
	);
	const actualBy = new Map(actuals.map((a) => [a.period, a]));
	const periods = new Set<string>(actuals.map((a) => a.period));
	for (const t of targets) {
		if (t.period.length === 4 && kpi.frequency !== 'yearly') {
			for (const p of periodsOfYear(Number(t.period), kpi.frequency)) periods.add(p);
		} else periods.add(t.period);
	}
	return [...periods]
		.filter((p) => p.length === 4 || kpi.frequency !== 'yearly')
		.sort()
		.map((period) => {
			const target = targetFor(byPeriod, period);
			const actual = actualBy.get(period);
			return {
				period,
				target: target?.target ?? null,
				targetMax: target?.targetMax ?? null,
				tolerance: target?.tolerance ?? null,
				targetVersion: byPeriod.get(period)?.version ?? null,
				actual: actual ? normalise(actual.value) : null,
				comment: actual?.comment ?? null,
				recordedBy: actual?.recorded_by_name ?? null,
				recordedAt: actual?.recorded_at ?? null,
				actualVersion: actual?.version ?? null,
				status: kpiStatus(kpi.direction, target, actual ? actual.value : null)
			};
		});
}

function groupByKpi<T extends { kpi_id: number }>(rows: T[]): Map<number, T[]> {
	const groups = new Map<number, T[]>();
	for (const row of rows) {
		const group = groups.get(row.kpi_id);
		if (group) group.push(row);
		else groups.set(row.kpi_id, [row]);
	}
	return groups;
}

/**
 * KPIs with their periods from `fromYear` on and their latest status in `year`, evaluated from
 * their targets and actuals (a goal's page, the API). `goalId` narrows to one goal's KPIs. Lists
 * that need only the status read `inYear`.
 */
export async function listWithSeries(
	db: Executor,
	year: number,
	options: { goalId?: number; fromYear?: number | null } = {}
): Promise<KpiWithSeries[]> {
	let q = repo.definitions(db).orderBy('k.code');
	if (options.goalId !== undefined) q = q.where('k.goal_id', '=', options.goalId);
	const kpis = (await q.execute()).map(toKpi);
	const ids = kpis.map((k) => k.id);
	const fromYear = options.fromYear === undefined ? year - 2 : options.fromYear;
	const [targets, actuals] = await Promise.all([
		repo.targets(db, ids, fromYear),
		repo.actuals(db, ids, fromYear)
	]);
	// Group once: filtering the whole lists per KPI made the page quadratic in the KPI count.
	const targetsOf = groupByKpi(targets);
	const actualsOf = groupByKpi(actuals);
	return kpis.map((kpi) => {
		const periods = evaluate(kpi, targetsOf.get(kpi.id) ?? [], actualsOf.get(kpi.id) ?? []).filter(
			(p) => yearOf(p.period) <= year
		);
		return { ...kpi, periods, latest: latestIn(periods, year) };
	});
}

/**
 * Rewrites what every year shows of the given KPIs (all when none) in kpi_year_status, from their
 * targets and actuals. Called in the same transaction as every change to a target, an actual or a
 * KPI's rule, so /goals and the overview read the statuses without evaluating any history.
 */
export async function refreshYearStatus(db: Executor, kpiIds?: number[]): Promise<void> {
	if (kpiIds?.length === 0) return;
	let q = repo.definitions(db);
	if (kpiIds) q = q.where('k.id', 'in', kpiIds);
	const kpis = (await q.execute()).map(toKpi);
	const ids = kpiIds ? kpis.map((k) => k.id) : null;
	const [targets, actuals] = await Promise.all([
		repo.targets(db, ids),
		repo.actuals(db, ids, null)
	]);
	const targetsOf = groupByKpi(targets);
	const actualsOf = groupByKpi(actuals);
	const rows = kpis.flatMap((kpi) =>
		yearStatuses(evaluate(kpi, targetsOf.get(kpi.id) ?? [], actualsOf.get(kpi.id) ?? [])).map(
			(y) => ({
				kpi_id: kpi.id,
				year: y.year,
				period: y.latest?.period ?? null,
				actual: y.latest?.actual ?? null,
				target: y.latest?.target ?? null,
				target_max: y.latest?.targetMax ?? null,
				status: y.latest?.status ?? 'no_data',
				recent: JSON.stringify(y.recent)
			})
		)
	);
	await repo.replaceYearStatuses(db, kpiIds ?? null, rows);
}

/**
 * KPIs whose source is `process_unit_cost` get the year's actual unit cost as their yearly actual
 * (called after each recomputation of process costs), so the KPI pages show it beside the manual
 * ones.
 */
export async function syncUnitCostActuals(db: Executor, year: number): Promise<void> {
	await refreshYearStatus(db, await repo.syncUnitCostActuals(db, year));
}

/** The source of a KPI that shows the year's investment share (percent, two decimals). */
export const INVESTMENT_SHARE_SOURCE = 'investment_share';

/**
 * KPIs whose source is `investment_share` get the year's share as their yearly actual, from the
 * costs area's one definition, so the KPI and the overview tile show one figure.
 */
export async function syncInvestmentShareActuals(db: Executor, year: number): Promise<void> {
	const [share] = await costs.investmentShare(db, [year]);
	const value = sharePercentText(share);
	await refreshYearStatus(
		db,
		await repo.syncSourceActuals(db, INVESTMENT_SHARE_SOURCE, String(year), value)
	);
}

/** Fills kpi_year_status when it is empty but KPIs have targets or actuals (a database from
 * before the table existed). */
export async function fillYearStatusIfMissing(db: Executor): Promise<void> {
	if (await repo.yearStatusMissing(db)) await refreshYearStatus(db);
}

/** Which KPIs `inYear` lists. */
export type InYearFilter = repo.InYearChoice;

/** KPIs with their status, latest actual and sparkline in `year`, by code. */
export async function inYear(
	db: Executor,
	year: number,
	filter: InYearFilter = {}
): Promise<KpiInYear[]> {
	// Filter, rank and limit on narrow rows first, then read the chosen KPIs whole.
	const ids = repo.chosenInYear(db, year, filter);
	const rows = await repo.inYear(db, year).where('k.id', 'in', ids).execute();
	return rows
		.map((r) => ({
			id: r.id,
			code: r.code,
			name: r.name,
			goalId: r.goal_id,
			goalCode: r.goal_code,
			unit: r.unit,
			definition: r.definition,
			status: r.status,
			period: r.period,
			actual: r.actual === null ? null : normalise(r.actual),
			target: r.target === null ? null : normalise(r.target),
			targetMax: r.target_max === null ? null : normalise(r.target_max),
			recent: JSON.parse(r.recent ?? '[]') as RecentPoint[]
		}))
		.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** How many KPIs show each status in `year`, per goal (key null: KPIs without a goal). */
export async function statusCountsByGoal(
	db: Executor,
	year: number
): Promise<Map<number | null, StatusCounts>> {
	const rows = await repo.statusCounts(db, year);
	const out = new Map<number | null, StatusCounts>();
	for (const r of rows) {
		const counts = out.get(r.goal_id) ?? countStatuses([]);
		counts[r.status ?? 'no_data'] += Number(r.n);
		out.set(r.goal_id, counts);
	}
	return out;
}

export async function get(db: Executor, id: number): Promise<KpiWithSeries> {
	const row = await repo.definitions(db).where('k.id', '=', id).executeTakeFirst();
	if (!row) throw new NotFoundError('kpi');
	const kpi = toKpi(row);
	const [targets, actuals] = await Promise.all([
		repo.targets(db, [id]),
		repo.actuals(db, [id], null)
	]);
	const periods = evaluate(kpi, targets, actuals);
	const withActual = periods.filter((p) => p.actual !== null);
	return { ...kpi, periods, latest: withActual.at(-1) ?? null };
}

/** The KPI's history: creation, edits, targets and actuals, newest first. */
export function history(db: Executor, id: number) {
	return audit.list(db, { entity: 'kpi', entityId: String(id), limit: 100 });
}

async function checkKpi(trx: Executor, id: number | null, input: KpiInput) {
	await assertCodeFree(trx, 'kpi', input.code, id);
	await assertExists(trx, 'goal', input.goalId, 'goalId');
	await assertActiveUser(trx, input.responsibleId, 'responsibleId');
}

function kpiColumns(input: KpiInput) {
	return {
		code: input.code,
		name: input.name,
		goal_id: input.goalId,
		responsible_user_id: input.responsibleId,
		definition: input.definition,
		unit: input.unit,
		direction: input.direction,
		frequency: input.frequency,
		baseline: input.baseline,
		baseline_period: input.baselinePeriod,
		value_min: input.valueMin,
		value_max: input.valueMax
	};
}

/** The audit record of a change to a KPI. */
const change = auditedAs('kpi');

export async function create(db: Db, actor: SessionUser, input: KpiInput): Promise<number> {
	if (!can(actor.role, 'goals.edit')) throw new ForbiddenError();
	// A new KPI that names no range gets its unit's (shares 0–100, others not below 0).
	const range = defaultRange(input.unit);
	const saved =
		input.valueMin === null && input.valueMax === null
			? { ...input, valueMin: range.min, valueMax: range.max }
			: input;
	const row = await createAudited(db, 'kpi', {
		change: change(actor, 'create'),
		values: kpiColumns(saved),
		view: () => saved,
		check: (trx) => checkKpi(trx, null, input)
	});
	return row.id;
}

/** What a conflict and the audit log show of a stored KPI. */
function kpiView(k: {
	code: string;
	name: string;
	goal_id: number | null;
	responsible_user_id: number | null;
	unit: string;
	direction: string;
	frequency: string;
	baseline: string | null;
	value_min: string | null;
	value_max: string | null;
}) {
	return {
		code: k.code,
		name: k.name,
		goalId: k.goal_id,
		responsibleId: k.responsible_user_id,
		unit: k.unit,
		direction: k.direction,
		frequency: k.frequency,
		baseline: k.baseline === null ? null : normalise(k.baseline),
		valueMin: k.value_min === null ? null : normalise(k.value_min),
		valueMax: k.value_max === null ? null : normalise(k.value_max)
	};
}

export const update: EditRecord<KpiInput> = async (db, actor, id, version, input) => {
	if (!can(actor.role, 'goals.edit')) throw new ForbiddenError();
	await db.transaction().execute(async (trx) => {
		await editAudited(trx, 'kpi', id, version, {
			change: change(actor, 'update'),
			view: kpiView,
			current: (row) => row,
			check: async (trx, before) => {
				await checkKpi(trx, id, input);
				// Periods already recorded would no longer match another frequency.
				if (before.frequency !== input.frequency && (await repo.hasActuals(trx, id))) {
					throw new ValidationError({ frequency: 'goals_error_frequency_in_use' });
				}
			},
			values: () => kpiColumns(input),
			after: () => input
		});
		// The direction or the frequency decides every period's status.
		await refreshYearStatus(trx, [id]);
	});
};

/** A KPI with recorded actuals is history and is not deleted. */
export async function remove(db: Db, actor: SessionUser, id: number): Promise<void> {
	if (!can(actor.role, 'goals.edit')) throw new ForbiddenError();
	await removeAudited(db, 'kpi', id, {
		change: change(actor, 'delete'),
		view: (before) => ({ code: before.code, name: before.name }),
		dependants: (trx) => repo.dependants(trx, id)
	});
}

type TargetStored = {
	period: string;
	target: string;
	target_max: string | null;
	tolerance: string;
};

/** What a conflict and the audit log show of a stored target. */
function targetView(t: TargetStored) {
	return {
		period: t.period,
		target: normalise(t.target),
		targetMax: t.target_max === null ? null : normalise(t.target_max),
		tolerance: normalise(t.tolerance)
	};
}

/** Sets the target of one period; `version` is that target's version the form showed, or null. */
export async function setTarget(
	db: Db,
	actor: SessionUser,
	kpiId: number,
	version: number | null,
	input: TargetInput
): Promise<void> {
	if (!can(actor.role, 'kpi_targets.edit')) throw new ForbiddenError();
	await db.transaction().execute(async (trx) => {
		await repo.lockById(trx, kpiId);
		await saveByKeysAudited(trx, 'kpi_target', { kpi_id: kpiId, period: input.period }, version, {
			change: change(actor, 'target'),
			entityId: kpiId,
			view: targetView,
			values: {
				target: input.target,
				target_max: input.targetMax,
				tolerance: input.tolerance,
				updated_by: actor.id,
				updated_at: sql<Date>`now()`
			},
			after: input
		});
		await refreshYearStatus(trx, [kpiId]);
	});
}

/** Managers record any KPI's actuals; process owners only those of KPIs they answer for. */
export function canRecord(actor: SessionUser, responsibleId: number | null): boolean {
	return (
		can(actor.role, 'kpi_actuals.record') ||
		(can(actor.role, 'kpi_actuals.record_own') && responsibleId === actor.id)
	);
}

async function targetRow(trx: Executor, kpiId: number, period: string) {
	const rows = await repo.targetsForPeriod(trx, kpiId, period);
	const map = new Map(
		rows.map((t) => [
			t.period,
			{ target: t.target, targetMax: t.target_max, tolerance: t.tolerance } satisfies Target
		])
	);
	return targetFor(map, period);
}

export interface ActualInput {
	period: string;
	value: string;
	comment: string | null;
}

/** Validates an actual against its KPI: period per frequency, a value, a comment when off target. */
async function checkActual(
	trx: Executor,
	kpi: {
		id: number;
		frequency: Frequency;
		direction: 'higher' | 'lower' | 'range';
		source: string;
		value_min: string | null;
		value_max: string | null;
	},
	periodText: string,
	valueText: string,
	comment: string | null
): Promise<{ ok: true; value: ActualInput } | { ok: false; errors: Record<string, string> }> {
	// A computed KPI (unit cost, investment share) takes its values from the ledger only.
	if (kpi.source !== 'manual') return { ok: false, errors: { value: 'goals_error_computed' } };
	const errors: Record<string, string> = {};
	const period = parsePeriod(periodText, kpi.frequency);
	if (!periodText.trim()) errors.period = 'error_required';
	else if (!period.ok) errors.period = period.error;
	const value = parseDecimal(valueText);
	if (!valueText.trim()) errors.value = 'error_required';
	else if (value === null) errors.value = 'processes_error_decimal';
	else {
		const outside = rangeError(value, { min: kpi.value_min, max: kpi.value_max });
		if (outside) errors.value = outside;
	}
	if (comment && comment.length > 2000) errors.comment = 'error_too_long';
	if (Object.keys(errors).length || !period.ok || value === null) return { ok: false, errors };
	const target = await targetRow(trx, kpi.id, period.period);
	if (kpiStatus(kpi.direction, target, value) === 'off_target' && !comment) {
		return { ok: false, errors: { comment: 'goals_error_comment_required' } };
	}
	return { ok: true, value: { period: period.period, value, comment } };
}

/** What a conflict and the audit log show of a stored actual. */
function actualView(a: { period: string; value: string; comment: string | null }) {
	return { period: a.period, value: normalise(a.value), comment: a.comment };
}

async function writeActual(
	trx: Executor,
	actor: SessionUser,
	kpiId: number,
	input: ActualInput,
	expectedVersion: number | null | 'any',
	action: string,
	overwrite: boolean
) {
	await saveByKeysAudited(
		trx,
		'kpi_actual',
		{ kpi_id: kpiId, period: input.period },
		expectedVersion,
		{
			change: { userId: actor.id, action, entity: 'kpi' },
			entityId: kpiId,
			view: actualView,
			check: (before) => {
				// A period that has a value is replaced only when the person confirmed it (the form
				// asks; the import says it replaces); the audit log keeps the old value either way.
				if (before && !overwrite && normalise(before.value) !== normalise(input.value)) {
					throw new ValidationError({ confirm: 'goals_confirm_overwrite' });
				}
			},
			values: {
				value: input.value,
				comment: input.comment,
				recorded_by: actor.id,
				recorded_at: sql`now()`
			},
			after: input
		}
	);
}

/**
 * Records one actual. `version` is the version of the period's actual the form showed (null: it
 * showed none), so a second person's save never silently replaces the first one's value; a
 * period that already has another value is replaced only with `confirmed` (the form's second
 * submit).
 */
export async function recordActual(
	db: Db,
	actor: SessionUser,
	kpiId: number,
	version: number | null,
	form: { period: string; value: string; comment: string | null; confirmed?: boolean }
): Promise<ActualInput> {
	return db.transaction().execute(async (trx) => {
		const kpi = await repo.lockById(trx, kpiId);
		if (!canRecord(actor, kpi.responsible_user_id)) throw new ForbiddenError();
		const checked = await checkActual(trx, kpi, form.period, form.value, form.comment);
		if (!checked.ok) throw new ValidationError(checked.errors);
		await writeActual(
			trx,
			actor,
			kpiId,
			checked.value,
			version,
			'kpi.actual',
			form.confirmed ?? false
		);
		await refreshYearStatus(trx, [kpiId]);
		return checked.value;
	});
}

/**
 * Imports actuals (period, KPI code, value, optional comment) all or nothing: every row is
 * checked first; any problem means nothing is written and the report names each bad row.
 * Rows replace an existing actual of the same period (the audit log keeps the old value).
 */
export async function importActuals(
	db: Db,
	actor: SessionUser,
	rows: ImportRow[]
): Promise<{ ok: true; imported: number } | { ok: false; problems: ImportProblem[] }> {
	if (!can(actor.role, 'kpi_actuals.record') && !can(actor.role, 'kpi_actuals.record_own')) {
		throw new ForbiddenError();
	}
	if (rows.length === 0) {
		return { ok: false, problems: [{ line: 0, field: 'file', key: 'goals_import_empty' }] };
	}
	return db.transaction().execute(async (trx) => {
		const kpis = await repo.lockAll(trx);
		const byCode = new Map(kpis.map((k) => [k.code.toUpperCase(), k]));
		const problems: ImportProblem[] = [];
		const valid: { kpiId: number; input: ActualInput }[] = [];
		const seen = new Map<string, number>();
		for (const row of rows) {
			const kpi = byCode.get(row.code.trim().toUpperCase());
			const refuse = (field: string, key: string, params?: ImportProblem['params']) =>
				problems.push({ line: row.line, field, key, ...(params && { params }) });
			if (!row.code.trim()) {
				refuse('code', 'error_required');
				continue;
			}
			if (!kpi) {
				refuse('code', 'goals_import_unknown_kpi', { code: row.code });
				continue;
			}
			if (!canRecord(actor, kpi.responsible_user_id)) {
				refuse('code', 'goals_import_not_yours', { code: kpi.code });
				continue;
			}
			const checked = await checkActual(
				trx,
				kpi,
				row.period,
				row.value,
				row.comment.trim() || null
			);
			if (!checked.ok) {
				for (const [field, key] of Object.entries(checked.errors)) refuse(field, key);
				continue;
			}
			const id = `${kpi.id}|${checked.value.period}`;
			const earlier = seen.get(id);
			if (earlier !== undefined) {
				refuse('period', 'goals_import_duplicate', { line: earlier });
				continue;
			}
			seen.set(id, row.line);
			valid.push({ kpiId: kpi.id, input: checked.value });
		}
		if (problems.length) return { ok: false as const, problems };
		for (const v of valid) {
			await writeActual(trx, actor, v.kpiId, v.input, 'any', 'kpi.actual_import', true);
		}
		await refreshYearStatus(trx, [...new Set(valid.map((v) => v.kpiId))]);
		return { ok: true as const, imported: valid.length };
	});
}

/**
 * The user's worklist: actuals of manual KPIs they answer for that are owed on `today` and not
 * recorded yet — due (within the grace period after the period ends) or overdue.
 */
export async function worklist(
	db: Executor,
	userId: number,
	today: string
): Promise<WorklistItem[]> {
	const kpis = await repo
		.definitions(db)
		.where('k.responsible_user_id', '=', userId)
		.where('k.source', '=', 'manual')
		.orderBy('k.code')
		.execute();
	if (!kpis.length) return [];
	const recorded = await repo.actuals(
		db,
		kpis.map((k) => k.id),
		Number(today.slice(0, 4)) - 2
	);
	const have = new Set(recorded.map((a) => `${a.kpi_id}|${a.period}`));
	const items: WorklistItem[] = [];
	for (const k of kpis) {
		for (const owed of owedPeriods(today, k.frequency)) {
			if (have.has(`${k.id}|${owed.period}`)) continue;
			items.push({
				kpiId: k.id,
				code: k.code,
				name: k.name,
				unit: k.unit,
				goalName: k.goal_name,
				period: owed.period,
				dueDate: owed.dueDate,
				overdue: owed.overdue
			});
		}
	}
	return items.sort(
		(a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate)
	);
}

/** Users who may answer for a KPI (for the responsible select). */
export async function responsibles(db: Executor) {
	const rows = await users.active(db, ['admin', 'manager', 'process_owner']);
	return rows.map((u) => ({ id: u.id, name: u.name }));
}

/**
 * The explanation recorded with each KPI's value of a period (the comment an owner must type when
 * a value misses its target), keyed `kpiId|period`; the council report prints it beside the KPI.
 */
export async function comments(
	db: Executor,
	shown: readonly { id: number; period: string | null }[]
): Promise<Map<string, string>> {
	const ids = shown.filter((k) => k.period !== null).map((k) => k.id);
	if (!ids.length) return new Map();
	const rows = await repo.actualComments(db, ids);
	const wanted = new Set(shown.map((k) => `${k.id}|${k.period}`));
	return new Map(
		rows
			.map((r) => [`${r.kpi_id}|${r.period}`, r.comment!] as const)
			.filter(([key]) => wanted.has(key))
	);
}

import { addDays, milestoneStatus } from '../programme/milestone-status';
import { currentDate } from '../shared/clock';
import { potentialIndex } from '../processes/potential';
import * as initiatives from '../initiatives/initiatives.service';
import type { Executor } from '../audit/audit';
import * as repo from './overview.repository';
import { dataVersion, perDataVersion } from '../db/data-version';
import * as settings from '../settings/settings.service';
import * as goals from '../goals/goals.service';
import { costStructure, yearToDate } from './figures';
import * as kpis from '../kpis/kpis.service';
import { addCounts, countStatuses, type StatusCounts } from '../../kpi-status';
import type { GoalHealth, MilestoneItem, Overview, ProcessFigure } from './overview';

export async function processFigures(
	db: Executor,
	year: number,
	filter: repo.ProcessCostFilter = {}
): Promise<ProcessFigure[]> {
	const rows = await repo.processCosts(db, year, filter);
	return rows.map((r) => ({
		id: r.id,
		code: r.code,
		name: r.name,
		kind: r.kind,
		fullCost: r.full_cost,
		passedOn: r.passed_on ?? 0n,
		unitCost: r.unit_cost,
		// The volume the unit cost was computed with, else the year's recorded volume.
		volume: r.cost_volume ?? r.volume,
		potential: potentialIndex({
			volume: r.potential_volume,
			manual: r.potential_manual,
			errors: r.potential_errors,
			impact: r.potential_impact,
			cost: r.potential_cost
		})
	}));
}

/** Goals (not dropped) with their rolled-up status in the year, exactly as /goals shows them. */
export async function goalHealth(
	db: Executor,
	year: number,
	kpiCounts?: Map<number | null, StatusCounts>
): Promise<GoalHealth[]> {
	const tree = await goals.tree(db, year, kpiCounts);
	return tree
		.filter((g) => g.lifecycle !== 'dropped')
		.map((g) => ({
			id: g.id,
			code: g.code,
			name: g.name,
			level: g.level,
			parentId: g.parentId,
			status: g.status,
			redKpis: g.redKpis
		}));
}

export async function milestoneFigures(db: Executor, today: string) {
	const [rows, deps] = await Promise.all([repo.milestoneRows(db), repo.dependencyRows(db)]);
	const byId = new Map(rows.map((r) => [r.id, r]));
	const dates = (r: (typeof rows)[number]) => ({
		currentDue: r.current_due,
		doneDate: r.done_date
	});
	const horizon = addDays(today, 30);
	const items: MilestoneItem[] = [];
	for (const r of rows) {
		const predecessors = deps
			.filter((d) => d.successor_id === r.id)
			.map((d) => byId.get(d.predecessor_id))
			.filter((p) => p !== undefined)
			.map(dates);
		const status = milestoneStatus(dates(r), today, predecessors);
		if (status !== 'done') {
			items.push({ id: r.id, name: r.name, currentDue: r.current_due, status });
		}
	}
	return {
		total: rows.length,
		overdue: items.filter((i) => i.status === 'late'),
		next30: items.filter((i) => i.currentDue >= today && i.currentDue <= horizon)
	};
}

/**
 * The savings tile: savings realized in the year (split into cash and valued hours) against the
 * expected annual savings of the started initiatives, and the initiatives with a money flag. Read
 * through the initiatives' own list, so the figures reconcile with /initiatives to the haléř.
 */
export async function savingsFigures(db: Executor, year: number): Promise<Overview['savings']> {
	const totals = initiatives.portfolioTotals(await initiatives.list(db, year));
	return {
		initiatives: totals.startedCount,
		expected: totals.expectedStarted,
		realized: totals.realizedYear.total,
		realizedYear: totals.realizedYear,
		hourlyRates: totals.hourlyRates,
		flagged: totals.flagged
	};
}

/** The data version (grows with every change to the figures' data): the council report's version. */
export { dataVersion, perDataVersion };

/** How many processes each ranking lists, and the off-target KPIs the tile names. */
export const TOP = 10;
/** The matrix shows the costliest processes: beyond some fifty, bubbles hide each other. */
export const MATRIX_PROCESSES = 50;

/**
 * The overview of `year` as of `today`. Computing it reads a dozen small aggregates; the result
 * is kept and served again until a change to the data under it (data_version, bumped by triggers
 * on every table it reads) or the next day.
 */
export function get(db: Executor, year: number, today = currentDate()): Promise<Overview> {
	return perDataVersion(db, `overview|${year}|${today}`, () => compute(db, year, today));
}

/** The overview computed from the aggregates, without reuse (tests and the benchmark). */
export async function compute(
	db: Executor,
	year: number,
	today = currentDate()
): Promise<Overview> {
	// The KPI counts per goal serve both the goals' roll-up and the KPI tile.
	const countsByGoal = await kpis.statusCountsByGoal(db, year);
	// One pass over the monthly aggregate serves both the yearly structure and the year to date.
	const [months, health, offTarget, milestones, savings, costliest, perCase, target] =
		await Promise.all([
			repo.monthTotals(db),
			goalHealth(db, year, countsByGoal),
			kpis.inYear(db, year, { status: 'off_target', limit: TOP }),
			milestoneFigures(db, today),
			savingsFigures(db, year),
			processFigures(db, year, { orderBy: 'full_cost', limit: MATRIX_PROCESSES }),
			processFigures(db, year, { orderBy: 'unit_cost', limit: TOP }),
			settings.getInvestmentShareTarget(db)
		]);
	const costYears = costStructure(months);
	return {
		year,
		years: [...new Set([...costYears.map((c) => c.year), year])].sort((a, b) => b - a),
		costYears,
		ytd: yearToDate(months, year),
		investmentShareTarget: target.value,
		goals: health,
		goalCounts: countStatuses(health.map((g) => g.status)),
		kpiCounts: addCounts(countsByGoal.values()),
		offTargetKpis: offTarget.map((k) => ({
			id: k.id,
			code: k.code,
			name: k.name,
			goalId: k.goalId,
			period: k.period!,
			value: k.actual!,
			target: k.target,
			targetMax: k.targetMax,
			unit: k.unit
		})),
		savings,
		milestones,
		topFull: costliest.slice(0, TOP),
		topUnit: perCase,
		matrix: costliest.filter((p) => p.potential !== null),
		matrixCapped: costliest.length === MATRIX_PROCESSES
	};
}

import type { Executor } from '../audit/audit';
import { currentDate } from '../shared/clock';
import * as settingsService from '../settings/settings.service';
import { costStructure } from './figures';
import * as kpiService from '../kpis/kpis.service';
import * as repo from './overview.repository';
import { goalHealth, processFigures } from './overview.service';

/** KPIs and processes an admin can choose to publish. */
export async function choices(db: Executor) {
	const [kpis, processes] = await repo.publishable(db);
	return { kpis, processes };
}

/**
 * What the public page shows, or null while it is off. Costs are those of the last complete year
 * (a year in progress would show part-year costs against a whole year's cases).
 */
export async function publicPage(db: Executor, today = currentDate()) {
	const settings = await settingsService.getPublicPage(db);
	if (!settings.value.enabled) return null;
	const year = Number(today.slice(0, 4));
	const costYear = year - 1;
	const [health, chosenKpis, totals, processes] = await Promise.all([
		goalHealth(db, year),
		kpiService.inYear(db, year, { ids: settings.value.kpiIds }),
		repo.yearTotals(db),
		processFigures(db, costYear, { ids: settings.value.processIds })
	]);
	return {
		year,
		costYear,
		goals: health.filter((g) => g.level !== 'vision'),
		kpis: chosenKpis.map((k) => ({
			id: k.id,
			name: k.name,
			unit: k.unit,
			definition: k.definition,
			status: k.status,
			period: k.period,
			actual: k.actual,
			target: k.target,
			targetMax: k.targetMax
		})),
		// Whole years only, the last five.
		costYears: costStructure(totals)
			.filter((c) => c.year < year)
			.slice(-5),
		services: processes.map((p) => ({
			id: p.id,
			name: p.name,
			unitCost: p.unitCost,
			volume: p.volume
		}))
	};
}

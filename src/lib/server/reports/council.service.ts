// The council report: the overview's figures for a year, with the goals, every KPI and process
// cost, the programme and the initiatives in full — everything the council reads on paper.
import type { Executor } from '../audit/audit';
import * as initiatives from '../initiatives/initiatives.service';
import * as kpis from '../kpis/kpis.service';
import { kpiLine } from '../kpis/kpis';
import * as overview from '../overview/overview.service';
import * as programme from '../programme/programme.service';
import * as settings from '../settings/settings.service';
import { currentDate } from '../shared/clock';

export async function council(db: Executor, year: number, today = currentDate()) {
	const [figures, processes, kpiList, prog, inits, office, version] = await Promise.all([
		overview.get(db, year, today),
		overview.processFigures(db, year),
		kpis.inYear(db, year),
		programme.get(db, today),
		initiatives.list(db, year),
		settings.getOffice(db),
		overview.dataVersion(db)
	]);
	const red = kpiList.filter((k) => k.status === 'off_target');
	const comments = await kpis.comments(db, red);
	return {
		year,
		today,
		/** the office's name for the cover and the page header (null until an admin sets it) */
		office: office.value,
		/** the period the figures cover: the year, up to today while it runs */
		period: { from: `${year}-01-01`, to: today < `${year}-12-31` ? today : `${year}-12-31` },
		/** the data version the figures were computed at: the same version, the same figures */
		version: String(version),
		overview: figures,
		processes,
		kpis: kpiList.map(kpiLine),
		/** the KPIs off target, each with the explanation its owner recorded with the value */
		redKpis: red.map((k) => ({
			id: k.id,
			code: k.code,
			name: k.name,
			goalCode: k.goalCode,
			unit: k.unit,
			period: k.period,
			actual: k.actual,
			target: k.target,
			comment: comments.get(`${k.id}|${k.period}`) ?? null
		})),
		programme: prog && {
			name: prog.name,
			startDate: prog.startDate,
			endDate: prog.endDate,
			activities: prog.activities.map((a) => ({
				id: a.id,
				code: a.code,
				name: a.name,
				total: a.milestones.length,
				done: a.done,
				late: a.late,
				atRisk: a.atRisk,
				maxSlip: a.maxSlip
			}))
		},
		savingsTotals: initiatives.portfolioTotals(inits),
		// A cancelled initiative is left out unless its money is flagged (spent after cancelling).
		initiatives: inits
			.filter((i) => i.status !== 'cancelled' || i.flags.length)
			.map((i) => ({
				id: i.id,
				code: i.code,
				name: i.name,
				status: i.status,
				budget: i.budgetTotal,
				spend: i.spend,
				expected: i.expected.total,
				realized: i.realized,
				realizedSince: i.realizedSince,
				paybackMonths: i.paybackMonths,
				flags: i.flags
			}))
	};
}

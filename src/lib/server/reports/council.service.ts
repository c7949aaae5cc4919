// The council report: the overview's figures for a year, with the goals, every KPI and process
// cost, the programme and the initiatives in full — everything the council reads on paper.
import type { Executor } from '../audit/audit';
import * as initiatives from '../initiatives/initiatives.service';
import * as kpis from '../kpis/kpis.service';
import * as overview from '../overview/overview.service';
import * as programme from '../programme/programme.service';
import { currentDate } from '../shared/clock';

export async function council(db: Executor, year: number, today = currentDate()) {
	const [figures, processes, kpiList, prog, inits] = await Promise.all([
		overview.get(db, year, today),
		overview.processFigures(db, year),
		kpis.inYear(db, year),
		programme.get(db, today),
		initiatives.list(db, year)
	]);
	return {
		year,
		today,
		overview: figures,
		processes,
		kpis: kpiList.map((k) => ({
			id: k.id,
			code: k.code,
			name: k.name,
			goalCode: k.goalCode,
			unit: k.unit,
			status: k.status,
			period: k.period,
			actual: k.actual,
			target: k.target,
			targetMax: k.targetMax
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
		initiatives: inits
			.filter((i) => i.status !== 'cancelled')
			.map((i) => ({
				id: i.id,
				code: i.code,
				name: i.name,
				status: i.status,
				budget: i.budgetTotal,
				spend: i.spend,
				expected: i.expected.total,
				realized: i.realized,
				paybackMonths: i.paybackMonths
			}))
	};
}

import type { Executor } from '../audit/audit';
import * as costs from '../costs/costs.service';
import * as initiatives from '../initiatives/initiatives.service';
import { milestoneStatus } from './milestone-status';
import { monthToDate } from './programme.validation';
import * as programme from './programme.service';

/** The printable monthly status report: everything as it stands at the end of `month`. */
export async function monthly(db: Executor, month: string, today: string) {
	const start = monthToDate(month)!;
	const end = monthToDate(month, true)!;
	const year = Number(month.slice(0, 4));
	// Status as seen at the end of the month (or today, for the current month).
	const asOf = end < today ? end : today;
	const [prog, current, risks, inits, spend] = await Promise.all([
		programme.get(db, asOf),
		programme.allMilestones(db, asOf),
		programme.listRisks(db),
		initiatives.list(db, year),
		costs.initiativeActuals(db, `${year}-01-01`, start)
	]);
	const doneBy = (m: { doneDate: string | null }) => m.doneDate !== null && m.doneDate <= end;
	// A past month's report shows milestones done after that month as still open then. Due dates
	// are today's: their earlier values live only in the audit log.
	const byId = new Map(current.map((m) => [m.id, m]));
	const all = current.map((m) => {
		if (doneBy(m) || m.doneDate === null) return m;
		const preds = m.predecessorIds
			.map((id) => byId.get(id)!)
			.map((p) => ({ currentDue: p.currentDue, doneDate: doneBy(p) ? p.doneDate : null }));
		return {
			...m,
			doneDate: null,
			status: milestoneStatus({ currentDue: m.currentDue, doneDate: null }, asOf, preds)
		};
	});
	const activities = (prog?.activities ?? []).map((a) => ({
		code: a.code,
		name: a.name,
		total: a.milestones.length,
		done: a.milestones.filter(doneBy).length,
		maxSlip: a.maxSlip,
		late: a.milestones.filter((m) => !doneBy(m) && m.currentDue < asOf).length
	}));
	const budgets = await initiatives.budgetsOfYear(db, year);
	const spending = inits
		.filter((i) => i.status !== 'cancelled' && i.status !== 'proposed')
		.map((i) => ({
			code: i.code,
			name: i.name,
			status: i.status,
			budget: budgets.find((b) => b.initiative_id === i.id)?.amount ?? 0n,
			spend: spend.filter((s) => s.initiative_id === i.id).reduce((a, s) => a + s.amount, 0n)
		}));
	const nextStart = monthToDate(
		month.endsWith('-12')
			? `${year + 1}-01`
			: `${year}-${String(Number(month.slice(5)) + 1).padStart(2, '0')}`,
		true
	)!;
	return {
		month,
		asOf,
		programmeName: prog?.name ?? null,
		activities,
		done: all.filter((m) => m.doneDate !== null && m.doneDate >= start && m.doneDate <= end),
		slipped: all
			.filter((m) => !doneBy(m) && m.slip > 0)
			.sort((a, b) => b.slip - a.slip || a.currentDue.localeCompare(b.currentDue)),
		spending,
		spendingTotal: {
			budget: spending.reduce((a, s) => a + s.budget, 0n),
			spend: spending.reduce((a, s) => a + s.spend, 0n)
		},
		topRisks: risks.filter((r) => r.status !== 'closed').slice(0, 5),
		nextSteps: all.filter((m) => !doneBy(m) && m.currentDue <= nextStart)
	};
}

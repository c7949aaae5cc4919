// The overview's and the council report's tables as export tables (CSV/XLSX through the shared
// exporter), built from the same report data the pages show.
import type { ExportTable } from '../export/table-export';
import { m } from '$lib/paraglide/messages';
import { initiativeStatusLabel, statusLabel } from '$lib/status-labels';
import type { council } from './council.service';

type Report = Awaited<ReturnType<typeof council>>;

const KIND: Record<string, () => string> = {
	management: m.processes_kind_management,
	core: m.processes_kind_core,
	support: m.processes_kind_support
};

export const EXPORT_TABLES = [
	'cost-structure',
	'processes',
	'goals',
	'kpis',
	'activities',
	'initiatives'
] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

export function isExportTable(name: string): name is ExportTableName {
	return (EXPORT_TABLES as readonly string[]).includes(name);
}

/** Numeric KPI text → a number for spreadsheets (KPIs are not money; floats are fine here). */
function num(v: string | null): number | null {
	return v === null ? null : Number(v);
}

export function exportTable(report: Report, name: ExportTableName): ExportTable {
	const o = report.overview;
	const y = report.year;
	switch (name) {
		case 'cost-structure':
			return {
				name: `prehled-${y}-struktura-nakladu`,
				title: m.overview_cost_structure(),
				columns: [
					{ header: m.year(), kind: 'number' },
					{ header: m.fixed_overheads(), kind: 'money' },
					{ header: m.overview_nature_variable(), kind: 'money' },
					{ header: m.improvement_investment(), kind: 'money' },
					{ header: m.costs_nature_capital(), kind: 'money' },
					{ header: m.total(), kind: 'money' },
					{ header: m.investment_share(), kind: 'percent' }
				],
				rows: o.costYears.map((c) => [
					c.year,
					c.fixed,
					c.variable,
					c.investment,
					c.capital,
					c.total,
					c.investmentShare
				])
			};
		case 'processes':
			return {
				name: `prehled-${y}-procesy`,
				title: m.overview_report_processes({ year: String(y) }),
				columns: [
					{ header: m.code() },
					{ header: m.process() },
					{ header: m.kind() },
					{ header: m.overview_volume(), kind: 'number' },
					{ header: m.full_cost(), kind: 'money' },
					{ header: m.unit_cost(), kind: 'money' },
					{ header: m.overview_potential_short(), kind: 'number' }
				],
				rows: report.processes.map((p) => [
					p.code,
					p.name,
					KIND[p.kind](),
					p.volume,
					p.fullCost,
					p.unitCost,
					p.potential
				])
			};
		case 'goals':
			return {
				name: `prehled-${y}-cile`,
				title: m.goals_title(),
				columns: [{ header: m.code() }, { header: m.goal() }, { header: m.status() }],
				rows: o.goals.map((g) => [g.code, g.name, statusLabel(g.status)])
			};
		case 'kpis':
			return {
				name: `prehled-${y}-ukazatele`,
				title: m.goals_kpis(),
				columns: [
					{ header: m.code() },
					{ header: m.kpi() },
					{ header: m.period() },
					{ header: m.actual(), kind: 'number' },
					{ header: m.target(), kind: 'number' },
					{ header: m.status() }
				],
				rows: report.kpis.map((k) => [
					k.code,
					k.name,
					k.period,
					num(k.actual),
					num(k.target),
					statusLabel(k.status)
				])
			};
		case 'activities':
			return {
				name: `prehled-${y}-program`,
				title: m.overview_report_programme(),
				columns: [
					{ header: m.activity() },
					{ header: m.overview_ms_done(), kind: 'number' },
					{ header: m.overview_milestones(), kind: 'number' },
					{ header: m.programme_status_late(), kind: 'number' },
					{ header: m.overview_ms_at_risk(), kind: 'number' },
					{ header: m.overview_max_slip(), kind: 'number' }
				],
				rows: (report.programme?.activities ?? []).map((a) => [
					`${a.code} ${a.name}`,
					a.done,
					a.total,
					a.late,
					a.atRisk,
					a.maxSlip
				])
			};
		case 'initiatives':
			return {
				name: `prehled-${y}-opatreni`,
				title: m.improvement_initiatives(),
				columns: [
					{ header: m.code() },
					{ header: m.initiative() },
					{ header: m.status() },
					{ header: m.budget(), kind: 'money' },
					{ header: m.spend(), kind: 'money' },
					{ header: m.overview_expected(), kind: 'money' },
					{ header: m.overview_realized(), kind: 'money' },
					{ header: m.overview_payback(), kind: 'number' }
				],
				rows: report.initiatives.map((i) => [
					i.code,
					i.name,
					initiativeStatusLabel(i.status),
					i.budget,
					i.spend,
					i.expected,
					i.realized,
					i.paybackMonths
				])
			};
	}
}

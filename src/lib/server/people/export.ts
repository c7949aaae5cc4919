// The coverage tables as CSV/XLSX through the kernel's table export; what the user may see of
// names is decided by the service, as on the page.
import type { Executor } from '../audit/audit';
import type { SessionUser } from '../auth/session';
import type { ExportTable } from '../export/table-export';
import { t } from '../i18n';
import * as people from './people.service';

export async function coverageExport(
	db: Executor,
	user: SessionUser,
	today: string,
	table: 'roles' | 'matrix',
	unitId: number | null
): Promise<ExportTable> {
	if (table === 'roles') {
		const rows = await people.coverageReport(db, user, today, { orgUnitId: unitId });
		return {
			name: `pokryti-roli-${today}`,
			title: t('people_tab_coverage'),
			columns: [
				{ header: t('process') },
				{ header: t('processes_job_role') },
				{ header: 'RACI' },
				{ header: t('people_requirements') },
				{ header: t('people_holders') },
				{ header: t('people_capable'), kind: 'number' },
				{ header: t('people_spof') }
			],
			rows: rows.map((r) => [
				`${r.processCode} ${r.processName}`,
				r.jobRole,
				r.raci,
				r.requirements.map((q) => `${q.code} ≥ ${q.minLevel}`).join(', '),
				r.assigned.map((a) => `${a.label} (${t(`people_kind_${a.kind}`)})`).join(', '),
				r.capableCount,
				r.spof ? t('yes') : t('no')
			])
		};
	}
	const mx = await people.unitMatrix(db, user, today, unitId!);
	return {
		name: `matice-roli-${today}`,
		title: t('people_matrix'),
		columns: [{ header: t('processes_job_role') }, ...mx.people.map((p) => ({ header: p.label }))],
		rows: mx.roles.map((r, i) => [
			r.label,
			...mx.cells[i].map(([assignment, qualified, levels]) =>
				`${assignment === 'holder' ? 'H' : assignment === 'deputy' ? 'Z' : ''}${qualified ? ' ✓' : ''} ${levels}`.trim()
			)
		])
	};
}

/** Capacity per unit, then each process taking its time (the drill-down), as one table. */
export async function capacityExport(
	db: Executor,
	year: number,
	today: string
): Promise<ExportTable> {
	const report = await people.capacityReport(db, year, today);
	const round = (h: number) => Math.round(h * 10) / 10;
	return {
		name: `kapacita-${year}`,
		title: t('people_capacity_title', { year }),
		columns: [
			{ header: t('org_unit') },
			{ header: t('process') },
			{ header: t('people_staff_fte'), kind: 'number' },
			{ header: t('people_hours_available'), kind: 'number' },
			{ header: t('people_hours_needed'), kind: 'number' },
			{ header: t('people_freed'), kind: 'number' },
			{ header: t('people_utilization'), kind: 'percent' },
			{ header: t('people_hours_source') }
		],
		rows: report.units.flatMap((u) => [
			[
				u.unit.name,
				'',
				round(u.staffFte),
				round(u.hoursAvailable),
				round(u.hoursNeeded),
				round(u.hoursFreed),
				u.utilization,
				t(`people_flag_${u.flag}`)
			],
			...u.processes.map((p) => [
				u.unit.name,
				`${p.code} ${p.name}`,
				null,
				null,
				round(p.hours),
				null,
				null,
				t(`people_source_${p.source}`)
			])
		])
	};
}

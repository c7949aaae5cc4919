import { CAF_SUBCRITERIA, type CafLocale } from '$lib/caf/model';
import type { ExportTable } from '../export/table-export';
import { t } from '../i18n';
import type { Action, SubcriterionRow } from './caf';

export const EXPORT_TABLES = ['scores', 'actions'] as const;
export type CafExportTable = (typeof EXPORT_TABLES)[number];

export function isExportTable(value: string): value is CafExportTable {
	return (EXPORT_TABLES as readonly string[]).includes(value);
}

/** The round's consensus per subcriterion, or its improvement actions, as one export table. */
export function exportTable(
	roundName: string,
	table: CafExportTable,
	rows: SubcriterionRow[],
	actions: Action[],
	lang: CafLocale
): ExportTable {
	const slug = roundName
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-');
	const title = (code: string) => CAF_SUBCRITERIA.find((s) => s.code === code)?.title[lang] ?? '';
	if (table === 'scores') {
		return {
			name: `caf-${slug}-body`,
			title: t('caf_export_scores'),
			columns: [
				{ header: t('code') },
				{ header: t('caf_subcriterion') },
				{ header: t('caf_status_consensus'), kind: 'number' },
				{ header: t('caf_median'), kind: 'number' },
				{ header: t('caf_strengths') },
				{ header: t('caf_improvements') },
				{ header: t('caf_evidence') }
			],
			rows: rows.map((r) => [
				r.code,
				title(r.code),
				r.consensus?.score ?? null,
				r.spread?.median ?? null,
				r.consensus?.strengths ?? null,
				r.consensus?.improvements ?? null,
				r.consensus?.evidence ?? null
			])
		};
	}
	return {
		name: `caf-${slug}-akce`,
		title: t('caf_export_actions'),
		columns: [
			{ header: t('code') },
			{ header: t('actions') },
			{ header: t('programme_owner') },
			{ header: t('programme_impact'), kind: 'number' },
			{ header: t('caf_effort'), kind: 'number' },
			{ header: t('caf_priority'), kind: 'number' },
			{ header: t('goals_due_date') },
			{ header: t('initiative') }
		],
		rows: actions.map((a) => [
			a.subcriterionCode,
			a.title,
			a.ownerName,
			a.impact,
			a.effort,
			a.priority,
			a.dueDate,
			a.initiativeCode
		])
	};
}

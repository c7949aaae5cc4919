import type { WriteAction } from './types';

// Demo ids: the process-map seed runs first, so P-EO (owned by `garant`) is process 4, the vision
// is goal 1, KPI-01 (garant answers for it) is KPI 1. Every form is invalid or refused by a rule
// (dependants, missing record), so allowed roles change nothing.
const EDIT_PROCESS = ['processes.edit', 'processes.edit_own'] as const;

export const processMapActions: WriteAction[] = [
	{
		route: '/(app)/processes',
		action: 'create',
		path: '/processes',
		capabilities: ['processes.edit']
	},
	...(['update', 'year', 'addRole', 'removeRole', 'linkAsset', 'unlinkAsset'] as const).map(
		(action): WriteAction => ({
			route: '/(app)/processes/[id]',
			action,
			path: '/processes/4',
			capabilities: [...EDIT_PROCESS],
			form: { roleId: '0', assetId: '0' }
		})
	),
	{
		route: '/(app)/processes/[id]',
		action: 'delete',
		path: '/processes/4',
		capabilities: ['processes.edit']
	},
	...(['create', 'update', 'delete', 'year'] as const).map((action): WriteAction => ({
		route: '/(app)/processes/org-units',
		action,
		path: '/processes/org-units',
		capabilities: ['org_units.edit'],
		form: { id: '0' }
	})),
	...(['create', 'delete'] as const).map((action): WriteAction => ({
		route: '/(app)/processes/assets',
		action,
		path: '/processes/assets',
		capabilities: ['processes.edit'],
		form: { id: '0' }
	})),
	{ route: '/(app)/goals', action: 'create', path: '/goals', capabilities: ['goals.edit'] },
	...(['update', 'override', 'link', 'unlink', 'createKpi', 'delete'] as const).map(
		(action): WriteAction => ({
			route: '/(app)/goals/[id]',
			action,
			path: '/goals/1',
			capabilities: ['goals.edit'],
			form: { processId: '0' }
		})
	),
	{
		route: '/(app)/goals/kpi/[id]',
		action: 'actual',
		path: '/goals/kpi/1',
		capabilities: ['kpi_actuals.record', 'kpi_actuals.record_own'],
		form: { period: '', value: '' }
	},
	{
		route: '/(app)/goals/kpi/[id]',
		action: 'target',
		path: '/goals/kpi/1',
		capabilities: ['kpi_targets.edit'],
		form: { period: '', target: '' }
	},
	...(['update', 'delete'] as const).map((action): WriteAction => ({
		route: '/(app)/goals/kpi/[id]',
		action,
		path: '/goals/kpi/1',
		capabilities: ['goals.edit']
	})),
	{
		route: '/(app)/goals/import',
		action: 'import',
		path: '/goals/import',
		capabilities: ['kpi_actuals.record', 'kpi_actuals.record_own']
	}
];

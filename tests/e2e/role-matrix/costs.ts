import type { WriteAction } from './types';

// Forms are invalid or aimed at records that do not exist, so allowed roles change nothing.
export const costsActions: WriteAction[] = [
	{
		route: '/(app)/costs',
		action: 'target',
		path: '/costs',
		capabilities: ['costs.edit'],
		form: { target: 'abc' }
	},
	{
		route: '/(app)/costs/import',
		action: 'preview',
		path: '/costs/import',
		capabilities: ['costs.import'],
		form: { kind: 'actual' }
	},
	{
		route: '/(app)/costs/import',
		action: 'import',
		path: '/costs/import',
		capabilities: ['costs.import'],
		form: { kind: 'actual' }
	},
	{
		route: '/(app)/costs/import',
		action: 'discard',
		path: '/costs/import',
		capabilities: ['costs.import'],
		form: { id: '0', version: '0' }
	},
	{
		route: '/(app)/costs/batches',
		action: 'rollback',
		path: '/costs/batches',
		capabilities: ['costs.import'],
		form: { id: '0', version: '0' }
	},
	{
		route: '/(app)/costs/entries',
		action: 'create',
		path: '/costs/entries',
		capabilities: ['costs.edit'],
		form: { kind: 'actual', month: 'x', amount: 'x', polozka: 'x' }
	},
	{
		route: '/(app)/costs/entries',
		action: 'update',
		path: '/costs/entries',
		capabilities: ['costs.edit'],
		form: { id: '0', version: '0', month: 'x' }
	},
	{
		route: '/(app)/costs/entries',
		action: 'delete',
		path: '/costs/entries',
		capabilities: ['costs.edit'],
		form: { id: '0', version: '0' }
	},
	{
		route: '/(app)/costs/mappings',
		action: 'saveOrj',
		path: '/costs/mappings',
		capabilities: ['costs.edit'],
		form: { orj: '', orgUnitId: '0' }
	},
	{
		route: '/(app)/costs/mappings',
		action: 'deleteOrj',
		path: '/costs/mappings',
		capabilities: ['costs.edit'],
		form: { orj: 'NEEXISTUJE' }
	},
	{
		route: '/(app)/costs/mappings',
		action: 'saveOrg',
		path: '/costs/mappings',
		capabilities: ['costs.edit'],
		form: { org: '', initiativeId: '0' }
	},
	{
		route: '/(app)/costs/mappings',
		action: 'deleteOrg',
		path: '/costs/mappings',
		capabilities: ['costs.edit'],
		form: { org: 'NEEXISTUJE' }
	},
	{
		route: '/(app)/costs/mappings',
		action: 'natures',
		path: '/costs/mappings',
		capabilities: ['costs.edit'],
		form: { 'nature.5011': 'neplatná', 'version.5011': '1' }
	},
	{
		route: '/(app)/costs/allocation',
		action: 'save',
		path: '/costs/allocation',
		capabilities: ['allocation.edit'],
		form: { unit: '0', year: '2025', version: '0', p1: '100' }
	},
	{
		route: '/(app)/costs/allocation',
		action: 'reset',
		path: '/costs/allocation',
		capabilities: ['allocation.edit'],
		form: { unit: '0', year: '2025', version: '0' }
	},
	{
		route: '/(app)/costs/allocation',
		action: 'driver',
		path: '/costs/allocation',
		capabilities: ['allocation.edit'],
		form: { unit: '0', year: '2025', version: '0', driver: '' }
	},
	{
		route: '/(app)/costs/drivers',
		action: 'create',
		path: '/costs/drivers',
		capabilities: ['allocation.edit'],
		form: { code: '', name: '', unit: '' }
	},
	{
		route: '/(app)/costs/drivers',
		action: 'values',
		path: '/costs/drivers',
		capabilities: ['allocation.edit'],
		form: { driver: '1', year: '2025', version: '0', p1: '-1' }
	},
	{
		route: '/(app)/costs/drivers',
		action: 'importPreview',
		path: '/costs/drivers',
		capabilities: ['allocation.edit'],
		form: { importYear: '2025' }
	},
	{
		route: '/(app)/costs/drivers',
		action: 'importConfirm',
		path: '/costs/drivers',
		capabilities: ['allocation.edit'],
		form: { importYear: '2025' }
	},
	{
		route: '/(app)/costs/allocation',
		action: 'stages',
		path: '/costs/allocation',
		capabilities: ['allocation.stages'],
		// A stale version: refused as a conflict, nothing saved.
		form: { year: '2025', version: '999', position0: '1', source0: '', driver0: '' }
	},
	{
		route: '/(app)/costs/allocation',
		action: 'preview',
		path: '/costs/allocation',
		capabilities: ['allocation.scenario'],
		form: { year: '2025', position0: '1', source0: '', driver0: '' }
	},
	{
		route: '/(app)/costs/allocation',
		action: 'scenario',
		path: '/costs/allocation',
		capabilities: ['allocation.scenario'],
		// No name: refused at the field, nothing saved.
		form: { year: '2025', name: '', position0: '1', source0: '', driver0: '' }
	}
];

import type { WriteAction } from './types';

// Every form is posted invalid or pointing at nothing, so allowed roles change no data.
const roleForms = (route: string, path: string): WriteAction[] => [
	{
		route,
		action: 'assign',
		path,
		capabilities: ['people.edit'],
		form: { roleId: '', personId: '' }
	},
	{
		route,
		action: 'unassign',
		path,
		capabilities: ['people.edit'],
		form: { roleId: '999999', personId: '999999' }
	},
	{
		route,
		action: 'training',
		path,
		capabilities: ['people.edit'],
		form: { roleId: '999999' }
	},
	{
		route,
		action: 'initiative',
		path,
		capabilities: ['initiatives.edit'],
		form: { roleId: '999999' }
	}
];

export const peopleActions: WriteAction[] = [
	{
		route: '/(app)/people',
		action: 'create',
		path: '/people',
		capabilities: ['people.edit'],
		form: { name: '' }
	},
	{
		route: '/(app)/people/[id]',
		action: 'update',
		path: '/people/1',
		capabilities: ['people.edit'],
		form: { version: '1', name: '' }
	},
	{
		route: '/(app)/people/[id]',
		action: 'end',
		path: '/people/1',
		capabilities: ['people.edit'],
		form: { version: '1', validTo: '' }
	},
	{
		route: '/(app)/people/[id]',
		action: 'held',
		path: '/people/1',
		capabilities: ['people.edit'],
		form: { level: '9' }
	},
	{
		route: '/(app)/people/[id]',
		action: 'removeHeld',
		path: '/people/1',
		capabilities: ['people.edit'],
		form: { competenceId: '999999' }
	},
	...roleForms('/(app)/people/coverage', '/people/coverage'),
	...roleForms('/(app)/people/processes/[id]', '/people/processes/1'),
	{
		route: '/(app)/people/processes/[id]',
		action: 'requirement',
		path: '/people/processes/1',
		capabilities: ['people.edit'],
		form: { roleId: '', competenceId: '', minLevel: '7' }
	},
	{
		route: '/(app)/people/[id]',
		action: 'training',
		path: '/people/1',
		capabilities: ['people.edit'],
		form: { targetLevel: '9' }
	},
	{
		route: '/(app)/people/[id]',
		action: 'trainingStatus',
		path: '/people/1',
		capabilities: ['people.edit'],
		form: { version: '1', trainingId: '999999', status: 'done' }
	},
	{
		route: '/(app)/people/capacity',
		action: 'hours',
		path: '/people/capacity',
		capabilities: ['people.edit'],
		form: { version: '1', yearlyHours: 'x' }
	},
	{
		route: '/(app)/people/capacity',
		action: 'absence',
		path: '/people/capacity',
		capabilities: ['people.edit'],
		form: { orgUnitId: '', absencePercent: 'x' }
	},
	{
		route: '/(app)/people/competences',
		action: 'create',
		path: '/people/competences',
		capabilities: ['people.edit'],
		form: { code: '' }
	},
	{
		route: '/(app)/people/competences',
		action: 'update',
		path: '/people/competences',
		capabilities: ['people.edit'],
		form: { id: '1', version: '1', code: '' }
	},
	{
		route: '/(app)/people/import',
		action: 'preview',
		path: '/people/import',
		capabilities: ['people.edit'],
		form: {}
	},
	{
		route: '/(app)/people/import',
		action: 'confirm',
		path: '/people/import',
		capabilities: ['people.edit'],
		form: {}
	}
];

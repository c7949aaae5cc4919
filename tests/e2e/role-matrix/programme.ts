import type { WriteAction } from './types';

// Demo ids: the programme seed creates milestone 1 and initiative 1 (INI-01) in a fresh database.
// Every form is invalid or stale (version 0), so allowed roles get 400/404/409 and change nothing.
export const programmeActions: WriteAction[] = [
	{
		route: '/(app)/programme',
		action: 'calendar',
		path: '/programme',
		capabilities: [],
		anySignedIn: true
	},
	{
		route: '/(app)/programme',
		action: 'createMilestone',
		path: '/programme',
		capabilities: ['programme.edit'],
		form: { activityId: '', name: '' }
	},
	{
		route: '/(app)/programme/milestones/[id]',
		action: 'update',
		path: '/programme/milestones/1',
		capabilities: ['programme.edit'],
		form: { version: '0', name: '', currentDue: '' }
	},
	{
		route: '/(app)/programme/milestones/[id]',
		action: 'addDependency',
		path: '/programme/milestones/1',
		capabilities: ['programme.edit'],
		form: { predecessorId: '' }
	},
	{
		route: '/(app)/programme/milestones/[id]',
		action: 'removeDependency',
		path: '/programme/milestones/1',
		capabilities: ['programme.edit'],
		form: { predecessorId: '999999' }
	},
	{
		route: '/(app)/programme/risks',
		action: 'create',
		path: '/programme/risks',
		capabilities: ['programme.edit'],
		form: { description: '' }
	},
	{
		route: '/(app)/programme/risks',
		action: 'update',
		path: '/programme/risks',
		capabilities: ['programme.edit'],
		form: { id: '1', version: '0', description: '' }
	},
	{
		route: '/(app)/initiatives',
		action: 'create',
		path: '/initiatives',
		capabilities: ['initiatives.edit'],
		form: { code: '', name: '' }
	},
	{
		route: '/(app)/initiatives/[id]',
		action: 'update',
		path: '/initiatives/1',
		capabilities: ['initiatives.edit'],
		form: { version: '0', code: '', name: '' }
	},
	{
		route: '/(app)/initiatives/[id]',
		action: 'budget',
		path: '/initiatives/1',
		capabilities: ['initiatives.edit'],
		form: { version: '0', year: '2026', amount: '-1' }
	},
	{
		route: '/(app)/initiatives/[id]',
		action: 'status',
		path: '/initiatives/1',
		capabilities: ['initiatives.edit'],
		form: { version: '0', to: 'cancelled' }
	},
	{
		route: '/(app)/initiatives/[id]',
		action: 'approve',
		path: '/initiatives/1',
		capabilities: ['initiatives.approve'],
		form: { version: '0' }
	},
	{
		route: '/(app)/initiatives/[id]',
		action: 'saving',
		path: '/initiatives/1',
		capabilities: ['savings.record'],
		form: { periodFrom: '', evidence: '' }
	},
	{
		route: '/(app)/initiatives/[id]',
		action: 'links',
		path: '/initiatives/1',
		capabilities: ['initiatives.edit'],
		form: { version: '0' }
	}
];

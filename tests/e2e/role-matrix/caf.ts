import type { WriteAction } from './types';

// Demo ids: the CAF seed creates round 1 (closed, a year ago) and round 2 (in consensus now) in a
// fresh database. Every form is invalid, stale or names a missing record, so allowed roles get
// 400/404/409 and change nothing; scoring rights beyond the capability (panel membership,
// leadership) are checked in the service and covered by tests/integration/caf.test.ts.
export const cafActions: WriteAction[] = [
	{
		route: '/(app)/caf',
		action: 'create',
		path: '/caf',
		capabilities: ['caf.manage'],
		form: { name: '' }
	},
	{
		route: '/(app)/caf/[id]',
		action: 'status',
		path: '/caf/2',
		capabilities: ['caf.take_part', 'caf.manage'],
		form: { version: '1', to: 'nowhere' }
	},
	{
		route: '/(app)/caf/[id]',
		action: 'update',
		path: '/caf/2',
		capabilities: ['caf.manage'],
		form: { name: '', version: '1' }
	},
	{
		route: '/(app)/caf/[id]',
		action: 'updateAction',
		path: '/caf/2',
		capabilities: ['caf.take_part', 'caf.manage'],
		form: { actionId: '999999', title: '', version: '1' }
	},
	{
		route: '/(app)/caf/[id]',
		action: 'toInitiative',
		path: '/caf/2',
		capabilities: ['initiatives.edit'],
		form: { actionId: '999999', version: '1' }
	},
	{
		route: '/(app)/caf/[id]/[code]',
		action: 'score',
		path: '/caf/2/1.1',
		// Any signed-in user reaches the service, which lets panel members and invited guest
		// assessors (viewer accounts) score; a viewer not invited cannot read round 2: 403.
		capabilities: ['caf.take_part'],
		form: { score: '101' }
	},
	{
		route: '/(app)/caf/[id]/[code]',
		action: 'consensus',
		path: '/caf/2/1.1',
		capabilities: ['caf.take_part'],
		form: { score: '101' }
	},
	{
		route: '/(app)/caf/[id]/[code]',
		action: 'link',
		path: '/caf/2/6.1',
		capabilities: ['caf.take_part', 'caf.manage'],
		form: { target: 'nothing' }
	},
	{
		route: '/(app)/caf/[id]/[code]',
		action: 'unlink',
		path: '/caf/2/6.1',
		capabilities: ['caf.take_part', 'caf.manage'],
		form: { linkId: '' }
	},
	{
		route: '/(app)/caf/[id]/[code]',
		action: 'createAction',
		path: '/caf/2/1.1',
		capabilities: ['caf.take_part', 'caf.manage'],
		form: { title: '' }
	}
];

import type { WriteAction } from './types';

export const foundationActions: WriteAction[] = [
	{
		route: '/(app)/admin/users',
		action: 'create',
		path: '/admin/users',
		capabilities: ['users.manage']
	},
	{
		route: '/(app)/admin/users',
		action: 'role',
		path: '/admin/users',
		capabilities: ['users.manage'],
		form: { id: '0', version: '0', role: 'viewer' }
	},
	{
		route: '/(app)/admin/users',
		action: 'active',
		path: '/admin/users',
		capabilities: ['users.manage'],
		form: { id: '0', version: '0', active: 'false' }
	},
	{
		route: '/(app)/admin/users',
		action: 'resetPassword',
		path: '/admin/users',
		capabilities: ['users.manage'],
		form: { id: '0', version: '0', password: 'x' }
	},
	{
		route: '/(app)/admin/users',
		action: 'invite',
		path: '/admin/users',
		capabilities: ['users.manage'],
		form: { email: 'nobody', displayName: '' }
	},
	{
		route: '/(app)/admin/users',
		action: 'reinvite',
		path: '/admin/users',
		capabilities: ['users.manage'],
		form: { id: '0', version: '1' }
	},
	{
		route: '/(app)/admin/users',
		action: 'revoke',
		path: '/admin/users',
		capabilities: ['users.manage'],
		form: { id: '0', version: '1' }
	},
	{
		route: '/(app)/account',
		action: 'changePassword',
		path: '/account',
		capabilities: [],
		anySignedIn: true,
		// No current password: refused at the field, without a throttled attempt per role.
		form: { currentPassword: '', newPassword: 'x' }
	}
];

import type { WriteAction } from './types';

export const overviewActions: WriteAction[] = [
	{
		route: '/(app)/admin/tokens',
		action: 'issue',
		path: '/admin/tokens',
		capabilities: ['api_tokens.manage'],
		// No user chosen: allowed roles get a field error, nothing is issued.
		form: { name: '', userId: '' }
	},
	{
		route: '/(app)/admin/tokens',
		action: 'revoke',
		path: '/admin/tokens',
		capabilities: ['api_tokens.manage'],
		form: { id: '0', version: '0' }
	},
	{
		route: '/(app)/admin/settings',
		action: 'publicPage',
		path: '/admin/settings',
		capabilities: ['settings.manage'],
		// An outdated version: the allowed role gets 409, the settings stay as they are.
		form: { version: 'outdated' }
	},
	{
		route: '/(app)/admin/settings',
		action: 'investmentTarget',
		path: '/admin/settings',
		capabilities: ['settings.manage'],
		// Not a percentage: refused at the field.
		form: { version: '', target: 'abc' }
	},
	{
		route: '/(app)/admin/settings',
		action: 'office',
		path: '/admin/settings',
		capabilities: ['settings.manage'],
		// An outdated version: the allowed role gets 409, the name stays as it is.
		form: { version: 'outdated', name: 'Město X' }
	}
];

import type { WriteAction } from './types';

export const adoptionActions: WriteAction[] = [
	{
		route: '/(app)/account',
		action: 'mailPreference',
		path: '/account',
		capabilities: [],
		anySignedIn: true,
		// Not an address: refused at the field, nothing saved.
		form: { email: 'not an address', mode: 'all' }
	},
	{
		route: '/(app)/admin/settings',
		action: 'reminders',
		path: '/admin/settings',
		capabilities: ['settings.manage'],
		// Out of range: refused at the field.
		form: { version: '', daysBefore: '-1', daysAfter: '1', escalateAfter: '7' }
	}
];

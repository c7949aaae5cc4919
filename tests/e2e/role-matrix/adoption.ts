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
	},
	{
		route: '/(app)/admin/adoption',
		action: 'pilot',
		path: '/admin/adoption',
		capabilities: ['adoption.manage'],
		// No org unit chosen: refused at the field.
		form: { orgUnitId: '', pilot: 'on' }
	},
	{
		route: '/(app)/admin/adoption',
		action: 'pilotAreas',
		path: '/admin/adoption',
		capabilities: ['adoption.manage'],
		// No org unit chosen: refused at the field.
		form: { orgUnitId: '', areas: 'goals' }
	},
	{
		route: '/(app)/admin/adoption',
		action: 'member',
		path: '/admin/adoption',
		capabilities: ['adoption.manage'],
		form: { userId: '' }
	},
	{
		route: '/(app)/admin/adoption',
		action: 'webhook',
		path: '/admin/adoption',
		capabilities: ['adoption.manage'],
		// Not an http(s) address: refused at the field, nothing saved.
		form: { orgUnitId: '1', url: 'ftp://example.com/hook' }
	},
	{
		route: '/(app)/admin/adoption',
		action: 'sendDigests',
		path: '/admin/adoption',
		// Harmless: at most one summary a week reaches each user (dedupe key).
		capabilities: ['adoption.manage']
	},
	{
		route: '/(app)/admin/adoption',
		action: 'remind',
		path: '/admin/adoption',
		// Every writing role may be an ambassador (the service checks who is); no colleague chosen
		// is refused at the field, before that check.
		capabilities: ['adoption.remind'],
		form: { colleagueId: '' }
	},
	{
		route: '/(app)/guide',
		action: 'POST',
		path: '/guide',
		capabilities: [],
		anySignedIn: true,
		// Dismisses the poster's own first-visit guide: harmless to the data.
		form: { back: '/' }
	}
];

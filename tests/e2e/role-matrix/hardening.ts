import type { WriteAction } from './types';

// The account's session list and the password confirmation: open to every signed-in user, on
// their own sessions only. The forms are harmless: an unknown session, a stale "keep", no password.
export const hardeningActions: WriteAction[] = [
	{
		route: '/(app)/account',
		action: 'endSession',
		path: '/account',
		capabilities: [],
		anySignedIn: true,
		form: { session: '0000000000000000' }
	},
	{
		route: '/(app)/account',
		action: 'endOtherSessions',
		path: '/account',
		capabilities: [],
		anySignedIn: true,
		form: { keep: 'not-this-session' }
	},
	{
		route: '/(app)/account/confirm',
		action: 'default',
		path: '/account/confirm',
		capabilities: [],
		anySignedIn: true,
		form: { password: '' }
	},
	// The second factor: every user's own. Beginning a setup only stores a key not yet in force;
	// the confirmation and turning off are posted without a code.
	...(['begin', 'confirm', 'disable', 'done'] as const).map((action): WriteAction => ({
		route: '/(app)/account/two-factor',
		action,
		path: '/account/two-factor',
		capabilities: [],
		anySignedIn: true,
		form: action === 'begin' || action === 'done' ? {} : { code: '' }
	}))
];

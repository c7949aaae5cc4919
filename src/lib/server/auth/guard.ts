import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { can, type Capability } from './permissions';
import { recentlyAuthenticated, type SessionUser } from './session';
import { adminTwoFactorRequired } from './two-factor.service';
import { guestMayOpen } from '../guests/scope';

/**
 * Call at the top of every load, action and endpoint. Page loads send a signed-out user to the
 * login page; actions and endpoints answer 401. A signed-in user without the capability gets 403.
 * A guest passes only on the pages and objects of their scope (guests/scope.ts): another area is
 * 403, another round or process 404, whatever the capability asked.
 */
export function requireUser(): SessionUser {
	const event = getRequestEvent();
	const user = event.locals.user;
	if (user) {
		if (user.role === 'guest') {
			const verdict = guestMayOpen(event.locals.guest ?? null, event.route.id, event.params);
			if (verdict === 'forbidden') error(403, { message: 'forbidden' });
			if (verdict === 'not_found') error(404, { message: 'not found' });
		}
		return user;
	}
	const isPageLoad = event.request.method === 'GET' && !event.route.id?.includes('/api/');
	if (isPageLoad) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	error(401, { message: 'unauthorized' });
}

/** What only an admin does: the password is asked again when not given recently. */
const REAUTH_CAPABILITIES: ReadonlySet<Capability> = new Set([
	'users.manage',
	'settings.manage',
	'api_tokens.manage'
]);

export function requireCapability(...capabilities: Capability[]): SessionUser {
	const user = requireUser();
	if (!capabilities.some((c) => can(user.role, c))) error(403, { message: 'forbidden' });
	if (capabilities.every((c) => REAUTH_CAPABILITIES.has(c))) {
		requireTwoFactor(user);
		requireRecentAuth();
	}
	return user;
}

/**
 * Admin pages and actions need a second factor (unless DILNA_REQUIRE_ADMIN_TOTP=false): an admin
 * without one is sent to set it up and comes back.
 */
function requireTwoFactor(user: SessionUser): void {
	if (user.twoFactor || !adminTwoFactorRequired()) return;
	const event = getRequestEvent();
	const back =
		event.request.method === 'GET' ? event.url.pathname + event.url.search : event.url.pathname;
	redirect(303, `/account/two-factor?required=1&redirectTo=${encodeURIComponent(back)}`);
}

/**
 * For admin pages and actions: the password must have been given within REAUTH_MINUTES (at sign-in
 * or on /account/confirm), else the user is sent to give it and comes back. A form sent meanwhile
 * is not carried over: the confirmation page says so.
 */
export function requireRecentAuth(): void {
	const event = getRequestEvent();
	const session = event.locals.session;
	if (!session) error(401, { message: 'unauthorized' });
	if (recentlyAuthenticated(session)) return;
	const back =
		event.request.method === 'GET' ? event.url.pathname + event.url.search : event.url.pathname;
	redirect(303, `/account/confirm?redirectTo=${encodeURIComponent(back)}`);
}

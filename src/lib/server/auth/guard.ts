import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { can, type Capability } from './permissions';
import type { SessionUser } from './session';

/**
 * Call at the top of every load, action and endpoint. Page loads send a signed-out user to the
 * login page; actions and endpoints answer 401. A signed-in user without the capability gets 403.
 */
export function requireUser(): SessionUser {
	const event = getRequestEvent();
	const user = event.locals.user;
	if (user) return user;
	const isPageLoad = event.request.method === 'GET' && !event.route.id?.includes('/api/');
	if (isPageLoad) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	error(401, { message: 'unauthorized' });
}

export function requireCapability(...capabilities: Capability[]): SessionUser {
	const user = requireUser();
	if (!capabilities.some((c) => can(user.role, c))) error(403, { message: 'forbidden' });
	return user;
}

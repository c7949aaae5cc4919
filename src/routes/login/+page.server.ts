import { throttledFailure } from '$lib/server/auth/throttled';
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { login } from '$lib/server/auth/login.service';
import { setSessionCookie } from '$lib/server/auth/session';
import { landingPath } from '$lib/server/auth/landing';
import { safeRedirect } from '$lib/server/auth/redirect';
import { formValues } from '$lib/server/shared/form';
import { invalid } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo')) ?? '/');
	return { demo: process.env.DILNA_DEMO === '1' };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url, setHeaders }) => {
		const userAgent = request.headers.get('user-agent');
		const { username = '', password = '' } = await formValues(request);
		// The password is never sent back to the page.
		const values = { username };
		if (!username.trim() || !password) {
			return invalid(
				'login',
				{
					...(username.trim() ? {} : { username: 'error_required' }),
					...(password ? {} : { password: 'error_required' })
				},
				values
			);
		}
		const result = await login(
			getDb(),
			username,
			password,
			getClientAddress(),
			undefined,
			userAgent
		);
		if (!result.ok) {
			if (result.reason === 'throttled') {
				return throttledFailure('login', result.retryAfter, setHeaders, values);
			}
			return invalid('login', {}, values, { message: 'login_invalid' });
		}
		setSessionCookie(cookies, result.token, result.session.expiresAt, url.protocol === 'https:');
		const user = await getDb()
			.selectFrom('app_user')
			.select('role')
			.where('id', '=', result.userId)
			.executeTakeFirstOrThrow();
		redirect(303, safeRedirect(url.searchParams.get('redirectTo')) ?? landingPath(user.role));
	}
};

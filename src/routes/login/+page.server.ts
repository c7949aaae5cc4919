import { throttledFailure } from '$lib/server/auth/throttled';
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { completeLogin, login, type LoginResult } from '$lib/server/auth/login.service';
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
		const { username = '', password = '', challenge, code = '' } = await formValues(request);
		let result: LoginResult;
		if (challenge !== undefined) {
			// The second step: the code of the second factor for the challenge the password gave.
			if (!code.trim()) return invalid('code', { code: 'error_required' }, { challenge });
			result = await completeLogin(
				getDb(),
				challenge,
				code,
				getClientAddress(),
				undefined,
				userAgent
			);
			if (!result.ok && result.reason === 'code') {
				return invalid('code', { code: 'login_code_invalid' }, { challenge });
			}
			if (!result.ok && result.reason === 'throttled') {
				return throttledFailure('code', result.retryAfter, setHeaders, { challenge });
			}
			// The challenge expired or was used: start again with the password.
			if (!result.ok) return invalid('login', {}, {}, { message: 'login_code_expired' });
		} else {
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
			result = await login(getDb(), username, password, getClientAddress(), undefined, userAgent);
			if (!result.ok && result.reason === 'throttled') {
				return throttledFailure('login', result.retryAfter, setHeaders, values);
			}
			if (!result.ok && result.reason === 'code') {
				return { form: 'code', values: { challenge: result.challenge } };
			}
			if (!result.ok) return invalid('login', {}, values, { message: 'login_invalid' });
		}
		if (!result.ok) return invalid('login', {}, {}, { message: 'login_invalid' });
		setSessionCookie(cookies, result.token, result.session.expiresAt, url.protocol === 'https:');
		const user = await getDb()
			.selectFrom('app_user')
			.select('role')
			.where('id', '=', result.userId)
			.executeTakeFirstOrThrow();
		redirect(303, safeRedirect(url.searchParams.get('redirectTo')) ?? landingPath(user.role));
	}
};

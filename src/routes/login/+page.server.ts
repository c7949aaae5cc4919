import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { login } from '$lib/server/auth/login.service';
import { setSessionCookie } from '$lib/server/auth/session';
import { landingPath } from '$lib/server/auth/landing';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Only same-site paths, so the login form cannot be made to redirect elsewhere. */
function safeRedirect(target: string | null): string | null {
	return target && target.startsWith('/') && !target.startsWith('//') ? target : null;
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo')) ?? '/');
	return { demo: process.env.DILNA_DEMO === '1' };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url, setHeaders }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '');
		const password = String(form.get('password') ?? '');
		if (!username.trim() || !password) {
			return fail(400, {
				username: username.slice(0, 100),
				errors: {
					...(username.trim() ? {} : { username: m.error_required() }),
					...(password ? {} : { password: m.error_required() })
				}
			});
		}
		const result = await login(getDb(), username, password, getClientAddress());
		if (!result.ok) {
			if (result.reason === 'throttled') {
				setHeaders({ 'Retry-After': String(result.retryAfter) });
				return fail(429, {
					username: username.slice(0, 100),
					message: m.login_throttled({ minutes: Math.ceil(result.retryAfter / 60) })
				});
			}
			await new Promise((resolve) => setTimeout(resolve, result.delayMs));
			return fail(400, { username: username.slice(0, 100), message: m.login_invalid() });
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

import { throttledFailure } from '$lib/server/auth/throttled';
import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { confirmPassword } from '$lib/server/auth/login.service';
import { safeRedirect } from '$lib/server/auth/redirect';
import { REAUTH_MINUTES } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { formValues } from '$lib/server/shared/form';
import { invalid } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	requireUser();
	return { minutes: REAUTH_MINUTES, back: safeRedirect(url.searchParams.get('redirectTo')) ?? '/' };
};

export const actions: Actions = {
	default: async ({ request, locals, url, getClientAddress, setHeaders }) => {
		const user = requireUser();
		const { password = '' } = await formValues(request);
		if (!password) return invalid('confirm', { password: 'error_required' });
		const check = await confirmPassword(
			getDb(),
			user.id,
			locals.session!.id,
			password,
			getClientAddress()
		);
		if (!check.ok && check.reason === 'throttled') {
			return throttledFailure('confirm', check.retryAfter, setHeaders);
		}
		if (!check.ok) return invalid('confirm', { password: 'error_current_password' });
		redirect(303, safeRedirect(url.searchParams.get('redirectTo')) ?? '/');
	}
};

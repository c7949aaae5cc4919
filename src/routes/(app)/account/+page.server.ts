import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { checkOwnPassword } from '$lib/server/auth/login.service';
import { getDb } from '$lib/server/db';
import * as users from '$lib/server/users/users.service';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, type FormFailure } from '$lib/server/shared/http';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	requireUser();
	return {};
};

export const actions: Actions = {
	changePassword: async ({ request, locals, getClientAddress, setHeaders }) => {
		const user = requireUser();
		const values = await formValues(request);
		// The current password is checked under the sign-in throttle first: a stolen session
		// cannot try passwords faster than the sign-in form allows.
		const check = await checkOwnPassword(
			getDb(),
			user.id,
			values.currentPassword ?? '',
			getClientAddress()
		);
		if (!check.ok && check.reason === 'throttled') {
			setHeaders({ 'Retry-After': String(check.retryAfter) });
			return fail(429, {
				form: 'changePassword',
				values: {},
				errors: {},
				message: m.login_wait({ seconds: check.retryAfter })
			} satisfies FormFailure);
		}
		if (!check.ok) return invalid('changePassword', { currentPassword: 'error_current_password' });
		try {
			await users.changePassword(
				getDb(),
				user.id,
				locals.session!.id,
				values.currentPassword ?? '',
				values.newPassword ?? ''
			);
		} catch (e) {
			// Passwords are never sent back to the page.
			return refuse(e, 'changePassword');
		}
		return { changed: true };
	}
};

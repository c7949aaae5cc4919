import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as users from '$lib/server/users/users.service';
import { ValidationError } from '$lib/server/shared/errors';
import { translateErrors } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	requireUser();
	return {};
};

export const actions: Actions = {
	changePassword: async ({ request, locals }) => {
		const user = requireUser();
		const form = await request.formData();
		try {
			await users.changePassword(
				getDb(),
				user.id,
				locals.session!.id,
				String(form.get('currentPassword') ?? ''),
				String(form.get('newPassword') ?? '')
			);
		} catch (error) {
			if (error instanceof ValidationError) {
				return fail(400, { errors: translateErrors(error.errors) });
			}
			throw error;
		}
		return { changed: true };
	}
};

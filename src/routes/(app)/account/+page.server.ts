import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as users from '$lib/server/users/users.service';
import { formValues } from '$lib/server/shared/form';
import { refuse } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	requireUser();
	return {};
};

export const actions: Actions = {
	changePassword: async ({ request, locals }) => {
		const user = requireUser();
		const values = await formValues(request);
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

import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as users from '$lib/server/users/users.service';
import * as mailPreference from '$lib/server/notifications/preferences.service';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse } from '$lib/server/shared/http';
import { systemClock } from '$lib/server/shared/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	return { mail: await mailPreference.get(getDb(), user.id) };
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
	},
	mailPreference: async ({ request }) => {
		const user = requireUser();
		const values = await formValues(request);
		const parsed = mailPreference.parse(values);
		if (!parsed.ok) return invalid('mailPreference', parsed.errors, values);
		await mailPreference.save(getDb(), user.id, parsed.value, systemClock);
		return { form: 'mailPreference', saved: true };
	}
};

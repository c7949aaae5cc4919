import { fail } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as publicPage from '$lib/server/overview/public.service';
import * as settings from '$lib/server/settings/settings.service';
import { parsePublicPageForm } from '$lib/server/settings/settings';
import { ConflictError } from '$lib/server/users/users';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireCapability('settings.manage');
	const db = getDb();
	const [stored, choices] = await Promise.all([settings.getPublicPage(db), publicPage.choices(db)]);
	return { publicPage: stored, ...choices };
};

export const actions: Actions = {
	publicPage: async ({ request }) => {
		const actor = requireCapability('settings.manage');
		const form = await request.formData();
		const next = parsePublicPageForm(form);
		try {
			await settings.savePublicPage(getDb(), actor.id, String(form.get('version') ?? ''), next);
		} catch (e) {
			if (e instanceof ConflictError) {
				return fail(409, { message: m.error_conflict(), values: next });
			}
			throw e;
		}
		return { saved: true };
	}
};

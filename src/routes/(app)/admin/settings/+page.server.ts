import { fail } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as publicPage from '$lib/server/overview/public.service';
import * as settings from '$lib/server/settings/settings.service';
import { parsePublicPageForm, parseSharePercent } from '$lib/server/settings/settings';
import { t } from '$lib/server/i18n';
import { ConflictError } from '$lib/server/shared/errors';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireCapability('settings.manage');
	const db = getDb();
	const [stored, target, choices] = await Promise.all([
		settings.getPublicPage(db),
		settings.getInvestmentShareTarget(db),
		publicPage.choices(db)
	]);
	return { publicPage: stored, investmentTarget: target, ...choices };
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
				return fail(409, { message: m.error_conflict() });
			}
			throw e;
		}
		return { saved: true };
	},
	investmentTarget: async ({ request }) => {
		const actor = requireCapability('settings.manage');
		const form = await request.formData();
		const text = String(form.get('target') ?? '').slice(0, 50);
		const parsed = parseSharePercent(text);
		if (!parsed.ok) return fail(400, { target: { value: text, error: t(parsed.error) } });
		try {
			await settings.saveInvestmentShareTarget(
				getDb(),
				actor.id,
				String(form.get('version') ?? ''),
				parsed.value
			);
		} catch (e) {
			if (e instanceof ConflictError) return fail(409, { message: m.error_conflict() });
			throw e;
		}
		return { saved: true };
	}
};

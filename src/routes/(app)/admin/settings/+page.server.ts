import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as publicPage from '$lib/server/overview/public.service';
import * as settings from '$lib/server/settings/settings.service';
import {
	parseOfficeForm,
	parsePublicPageForm,
	parseReminderForm,
	parseShareTarget
} from '$lib/server/settings/settings';
import { formValues } from '$lib/server/shared/form';
import { save } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireCapability('settings.manage');
	const db = getDb();
	const [stored, target, reminders, choices, office] = await Promise.all([
		settings.getPublicPage(db),
		settings.getInvestmentShareTarget(db),
		settings.getReminders(db),
		publicPage.choices(db),
		settings.getOffice(db)
	]);
	return { publicPage: stored, investmentTarget: target, reminders, office, ...choices };
};

export const actions: Actions = {
	publicPage: async ({ request }) => {
		const actor = requireCapability('settings.manage');
		// Checked boxes repeat their name, so the lists are read from the form data itself.
		const data = await request.formData();
		const values = await formValues(data);
		return save('publicPage', values, () =>
			settings.savePublicPage(getDb(), actor.id, values.version ?? '', parsePublicPageForm(data))
		);
	},
	investmentTarget: async ({ request }) => {
		const actor = requireCapability('settings.manage');
		const values = await formValues(request);
		const parsed = parseShareTarget(values);
		// Settings are versioned by when they were saved, not by a number.
		return save('investmentTarget', values, parsed, (target) =>
			settings.saveInvestmentShareTarget(getDb(), actor.id, values.version ?? '', target)
		);
	},
	reminders: async ({ request }) => {
		const actor = requireCapability('settings.manage');
		const values = await formValues(request);
		const parsed = parseReminderForm(values);
		return save('reminders', values, parsed, (value) =>
			settings.saveReminders(getDb(), actor.id, values.version ?? '', value)
		);
	},
	office: async ({ request }) => {
		const actor = requireCapability('settings.manage');
		const values = await formValues(request);
		const parsed = parseOfficeForm(values);
		return save('office', values, parsed, (value) =>
			settings.saveOffice(getDb(), actor.id, values.version ?? '', value)
		);
	}
};

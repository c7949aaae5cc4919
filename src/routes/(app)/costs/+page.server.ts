import { fail } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { translateErrors } from '$lib/server/i18n';
import * as costs from '$lib/server/costs/costs.service';
import { ValidationError } from '$lib/server/users/users';
import { currentYear } from '$lib/server/shared/clock';
import { yearParam } from './params';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url.searchParams.get('year'));
	const asked = Number(url.searchParams.get('page'));
	const processPage = Number.isInteger(asked) && asked > 0 ? asked : 1;
	const [years, page] = await Promise.all([
		costs.years(db, currentYear()),
		costs.costsPage(db, year, processPage)
	]);
	return { year, years, ...page, canEdit: can(user.role, 'costs.edit') };
};

export const actions: Actions = {
	target: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const form = await request.formData();
		const target = String(form.get('target') ?? '');
		try {
			await costs.setInvestmentTarget(getDb(), actor.id, target);
		} catch (e) {
			if (e instanceof ValidationError) {
				return fail(400, { values: { target }, errors: translateErrors(e.errors) });
			}
			throw e;
		}
		return { saved: true };
	}
};

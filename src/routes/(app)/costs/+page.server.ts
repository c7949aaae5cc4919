import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as costs from '$lib/server/costs/costs.service';
import { formValues } from '$lib/server/shared/form';
import { refuse, yearParam } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url, new Date().getFullYear());
	const asked = Number(url.searchParams.get('page'));
	const processPage = Number.isInteger(asked) && asked > 0 ? asked : 1;
	const [years, page] = await Promise.all([
		costs.years(db),
		costs.costsPage(db, year, processPage)
	]);
	return { year, years, ...page, canEdit: can(user.role, 'costs.edit') };
};

export const actions: Actions = {
	target: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const values = await formValues(request);
		try {
			await costs.setInvestmentTarget(getDb(), actor.id, values.target ?? '');
		} catch (e) {
			return refuse(e, 'target', values);
		}
		return { form: 'target', saved: true };
	}
};

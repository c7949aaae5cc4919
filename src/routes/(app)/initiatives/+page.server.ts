import { redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as initiatives from '$lib/server/initiatives/initiatives.service';
import { parseInitiative } from '$lib/server/initiatives/initiatives.validation';
import * as programme from '$lib/server/programme/programme.service';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse } from '$lib/server/shared/http';
import { currentYear } from '$lib/server/shared/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const status = url.searchParams.get('status') ?? '';
	const year = currentYear();
	const [list, options, owners] = await Promise.all([
		initiatives.list(db, year),
		initiatives.linkOptions(db),
		programme.owners(db)
	]);
	return {
		status,
		initiatives: status ? list.filter((i) => i.status === status) : list,
		year,
		totals: initiatives.portfolioTotals(list),
		orgUnits: options.orgUnits,
		activities: options.activities,
		owners,
		canEdit: can(user.role, 'initiatives.edit')
	};
};

export const actions: Actions = {
	create: async ({ request }) => {
		const user = requireCapability('initiatives.edit');
		const values = await formValues(request);
		const parsed = parseInitiative(values);
		if (!parsed.ok) return invalid('create', parsed.errors, values);
		let id: number;
		try {
			id = await initiatives.create(getDb(), user, parsed.value);
		} catch (e) {
			return refuse(e, 'create', values);
		}
		redirect(303, `/initiatives/${id}`);
	}
};

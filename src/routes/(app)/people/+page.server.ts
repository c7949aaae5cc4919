import { redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as orgUnits from '$lib/server/org-units/org-units.service';
import * as people from '$lib/server/people/people.service';
import { parsePerson } from '$lib/server/people/people.validation';
import { currentDate } from '$lib/server/shared/clock';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const today = currentDate();
	const leavers = url.searchParams.get('leavers') === '1';
	const [staff, units] = await Promise.all([people.staff(db, user, today), orgUnits.list(db)]);
	return {
		staff: staff.names
			? { ...staff, people: leavers ? staff.people : staff.people.filter((p) => p.employed) }
			: staff,
		leavers,
		today,
		units: units.map((u) => ({ value: String(u.id), label: u.name })),
		canEdit: can(user.role, 'people.edit')
	};
};

export const actions: Actions = {
	create: async ({ request }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const parsed = parsePerson(values);
		if (!parsed.ok) return invalid('create', parsed.errors, values);
		let id: number;
		try {
			id = await people.create(getDb(), user, parsed.value, currentDate());
		} catch (e) {
			return refuse(e, 'create', values);
		}
		redirect(303, `/people/${id}`);
	}
};

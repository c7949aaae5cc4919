import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as people from '$lib/server/people/people.service';
import { parseCompetence } from '$lib/server/people/people.validation';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf, save } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	return {
		competences: await people.competences(getDb()),
		canEdit: can(user.role, 'people.edit')
	};
};

export const actions: Actions = {
	create: async ({ request }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const parsed = parseCompetence(values);
		return save('create', values, parsed, (value) => people.createCompetence(getDb(), user, value));
	},
	update: async ({ request }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const version = versionOf(values, { required: true });
		const parsed = parseCompetence(values);
		if (!parsed.ok) return invalid(`update-${values.id}`, parsed.errors, values);
		try {
			await people.updateCompetence(getDb(), user, routeId(values.id), version, parsed.value);
		} catch (e) {
			return refuse(e, `update-${values.id}`, values);
		}
		return { form: `update-${values.id}`, saved: true };
	}
};

import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { currentDate } from '$lib/server/shared/clock';
import * as programme from '$lib/server/programme/programme.service';
import { parseDependency, parseMilestone } from '$lib/server/programme/programme.validation';
import { formValues } from '$lib/server/shared/form';
import { routeId, versionOf, save, found } from '$lib/server/shared/http';

import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const db = getDb();
	const today = currentDate();
	const [detail, owners] = await found(
		Promise.all([programme.getMilestone(db, routeId(params.id), today), programme.owners(db)])
	);
	return { ...detail, owners, today, canEdit: can(user.role, 'programme.edit') };
};

export const actions: Actions = {
	update: async ({ request, params }) => {
		const user = requireCapability('programme.edit');
		const values = await formValues(request);
		const id = routeId(params.id);
		const version = versionOf(values, { required: true });
		const parsed = parseMilestone(values);
		return save('update', values, parsed, (value) =>
			programme.updateMilestone(getDb(), user, id, version, value, currentDate())
		);
	},
	addDependency: async ({ request, params }) => {
		const user = requireCapability('programme.edit');
		const values = await formValues(request);
		const parsed = parseDependency(values);
		return save('dependency', values, parsed, (value) =>
			programme.addDependency(getDb(), user, routeId(params.id), value.predecessorId)
		);
	},
	removeDependency: async ({ request, params }) => {
		const user = requireCapability('programme.edit');
		const values = await formValues(request);
		const parsed = parseDependency(values);
		return save('dependency', values, parsed, (value) =>
			programme.removeDependency(getDb(), user, routeId(params.id), value.predecessorId)
		);
	}
};

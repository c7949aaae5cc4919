import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as programme from '$lib/server/programme/programme.service';
import { parseRisk } from '$lib/server/programme/programme.validation';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf, save } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const db = getDb();
	const [risks, owners] = await Promise.all([programme.listRisks(db), programme.owners(db)]);
	return { risks, owners, canEdit: can(user.role, 'programme.edit') };
};

export const actions: Actions = {
	create: async ({ request }) => {
		const user = requireCapability('programme.edit');
		const values = await formValues(request);
		const parsed = parseRisk(values);
		return save('create', values, parsed, (value) => programme.createRisk(getDb(), user, value));
	},
	update: async ({ request }) => {
		const user = requireCapability('programme.edit');
		const values = await formValues(request);
		const id = routeId(values.id);
		const version = versionOf(values, { required: true });
		const parsed = parseRisk(values);
		if (!parsed.ok) return invalid(`update-${id}`, parsed.errors, values);
		try {
			await programme.updateRisk(getDb(), user, id, version, parsed.value);
		} catch (e) {
			return refuse(e, `update-${id}`, values);
		}
		return { form: `update-${id}`, saved: true };
	}
};

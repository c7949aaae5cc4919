import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { refuse, routeId, save } from '$lib/server/shared/http';
import { formValues } from '$lib/server/shared/form';
import * as processes from '$lib/server/processes/processes.service';
import { parseAsset } from '$lib/server/processes/processes.validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	return {
		assets: await processes.listAssets(getDb()),
		canEdit: can(user.role, 'processes.edit')
	};
};

export const actions: Actions = {
	create: async ({ request }) => {
		const actor = requireCapability('processes.edit');
		const values = await formValues(request);
		const parsed = parseAsset(values);
		return save('create', values, parsed, (value) => processes.createAsset(getDb(), actor, value));
	},
	delete: async ({ request }) => {
		const actor = requireCapability('processes.edit');
		const values = await formValues(request);
		const id = routeId(values.id);
		try {
			await processes.removeAsset(getDb(), actor, id);
		} catch (e) {
			return refuse(e, `delete-${id}`);
		}
		return { form: 'delete', saved: true };
	}
};

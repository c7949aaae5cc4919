import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { formObject, invalid, refuse } from '$lib/server/processes/http';
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
		const form = await formObject(request);
		const parsed = parseAsset(form);
		if (!parsed.ok) return invalid('create', parsed.errors, form);
		try {
			await processes.createAsset(getDb(), actor, parsed.value);
		} catch (e) {
			return refuse(e, 'create', { values: form });
		}
		return { form: 'create', saved: true };
	},
	delete: async ({ request }) => {
		const actor = requireCapability('processes.edit');
		const form = await formObject(request);
		const id = Number(form.id) || 0;
		try {
			await processes.removeAsset(getDb(), actor, id);
		} catch (e) {
			return refuse(e, `delete-${id}`);
		}
		return { form: 'delete', saved: true };
	}
};

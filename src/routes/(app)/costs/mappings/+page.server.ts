import { error } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as mappings from '$lib/server/costs/mappings.service';
import * as lookups from '$lib/server/costs/lookups';
import { formValues } from '$lib/server/shared/form';
import { refuse, versionOf } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const db = getDb();
	const [lists, options] = await Promise.all([mappings.lists(db), lookups.options(db)]);
	return {
		...lists,
		units: options.units,
		initiatives: options.initiatives,
		canEdit: can(user.role, 'costs.edit')
	};
};

export const actions: Actions = {
	saveOrj: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const values = await formValues(request);
		try {
			await mappings.saveOrj(getDb(), actor.id, values.orj ?? '', Number(values.orgUnitId));
		} catch (e) {
			return refuse(e, 'orj', values);
		}
		return { form: 'orj', saved: 'orj' };
	},
	deleteOrj: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const values = await formValues(request);
		try {
			await mappings.deleteOrj(getDb(), actor.id, values.orj ?? '');
		} catch (e) {
			return refuse(e, 'orj');
		}
		return { form: 'orj', saved: 'orj' };
	},
	saveOrg: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const values = await formValues(request);
		try {
			await mappings.saveOrg(getDb(), actor.id, values.org ?? '', Number(values.initiativeId));
		} catch (e) {
			return refuse(e, 'org', values);
		}
		return { form: 'org', saved: 'org' };
	},
	deleteOrg: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const values = await formValues(request);
		try {
			await mappings.deleteOrg(getDb(), actor.id, values.org ?? '');
		} catch (e) {
			return refuse(e, 'org');
		}
		return { form: 'org', saved: 'org' };
	},
	nature: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const values = await formValues(request);
		const polozka = values.polozka ?? '';
		if (!/^\d{4}$/.test(polozka)) error(400, { message: 'bad request' });
		const version = versionOf(values, { required: true });
		try {
			await mappings.setNature(getDb(), actor.id, polozka, version, values.nature ?? '');
		} catch (e) {
			return refuse(e, 'nature', values);
		}
		return { form: 'nature', saved: 'nature', polozka };
	}
};

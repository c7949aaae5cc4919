import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as mappings from '$lib/server/costs/mappings.service';
import * as lookups from '$lib/server/costs/lookups';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, versionOf } from '$lib/server/shared/http';
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
	// The natures table, saved once: each changed row sends `nature.<položka>` and
	// `version.<položka>`; the page leaves unchanged rows out.
	natures: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const values = await formValues(request);
		const changes: mappings.NatureChange[] = [];
		for (const [key, nature] of Object.entries(values)) {
			const polozka = /^nature\.(\d{4})$/.exec(key)?.[1];
			if (!polozka) continue;
			const version = versionOf({ version: values[`version.${polozka}`] }, { required: true });
			changes.push({ polozka, version, nature });
		}
		if (changes.length === 0) {
			return invalid('natures', {}, values, { message: 'costs_nothing_changed' });
		}
		try {
			const { saved } = await mappings.saveNatures(getDb(), actor.id, changes);
			return { form: 'natures', saved: 'natures', count: saved };
		} catch (e) {
			return refuse(e, 'natures', values);
		}
	}
};

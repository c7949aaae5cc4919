import { error, fail } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { translateErrors } from '$lib/server/i18n';
import * as mappings from '$lib/server/costs/mappings.service';
import * as lookups from '$lib/server/costs/lookups';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/shared/errors';
import { m } from '$lib/paraglide/messages';
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

interface Payload {
	values: Record<string, string>;
	errors: Record<string, string>;
	message?: string;
}

function refusal(e: unknown, key: string, values: Record<string, string>) {
	const payload = (errors: Record<string, string>, message?: string): Payload => ({
		values,
		errors,
		message
	});
	if (e instanceof ValidationError) {
		return fail(400, { [key]: payload(translateErrors(e.errors)) });
	}
	if (e instanceof ConflictError) {
		return fail(409, { [key]: payload({}, m.costs_err_entry_changed()) });
	}
	if (e instanceof NotFoundError) return fail(404, { [key]: payload({}, m.error_not_found()) });
	throw e;
}

const str = (form: FormData, k: string) => String(form.get(k) ?? '').slice(0, 100);

export const actions: Actions = {
	saveOrj: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const form = await request.formData();
		const values = { orj: str(form, 'orj'), orgUnitId: str(form, 'orgUnitId') };
		try {
			await mappings.saveOrj(getDb(), actor.id, values.orj, Number(values.orgUnitId));
		} catch (e) {
			return refusal(e, 'orj', values);
		}
		return { saved: 'orj' };
	},
	deleteOrj: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const form = await request.formData();
		try {
			await mappings.deleteOrj(getDb(), actor.id, str(form, 'orj'));
		} catch (e) {
			return refusal(e, 'orj', {});
		}
		return { saved: 'orj' };
	},
	saveOrg: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const form = await request.formData();
		const values = { org: str(form, 'org'), initiativeId: str(form, 'initiativeId') };
		try {
			await mappings.saveOrg(getDb(), actor.id, values.org, Number(values.initiativeId));
		} catch (e) {
			return refusal(e, 'org', values);
		}
		return { saved: 'org' };
	},
	deleteOrg: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const form = await request.formData();
		try {
			await mappings.deleteOrg(getDb(), actor.id, str(form, 'org'));
		} catch (e) {
			return refusal(e, 'org', {});
		}
		return { saved: 'org' };
	},
	nature: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const form = await request.formData();
		const polozka = str(form, 'polozka');
		const version = Number(form.get('version'));
		if (!/^\d{4}$/.test(polozka) || !Number.isInteger(version)) {
			error(400, { message: 'bad request' });
		}
		try {
			await mappings.setNature(getDb(), actor.id, polozka, version, str(form, 'nature'));
		} catch (e) {
			return refusal(e, 'nature', { polozka });
		}
		return { saved: 'nature', polozka };
	}
};

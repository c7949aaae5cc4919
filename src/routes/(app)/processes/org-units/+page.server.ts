import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as orgUnits from '$lib/server/org-units/org-units.service';
import { parseOrgUnit, parseOrgUnitYear } from '$lib/server/org-units/org-units.validation';
import { formObject, invalid, refuse, versionOf, yearParam } from '$lib/server/processes/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url);
	const [units, years] = await Promise.all([
		orgUnits.list(db),
		orgUnits.listYears(db, year - 2, year)
	]);
	return { units, years, year, canEdit: can(user.role, 'org_units.edit') };
};

function unitId(form: Record<string, string>) {
	return Number(form.id) || 0;
}

export const actions: Actions = {
	create: async ({ request }) => {
		const actor = requireCapability('org_units.edit');
		const form = await formObject(request);
		const parsed = parseOrgUnit(form);
		if (!parsed.ok) return invalid('create', parsed.errors, form);
		try {
			await orgUnits.create(getDb(), actor, parsed.value);
		} catch (e) {
			return refuse(e, 'create', { values: form });
		}
		return { form: 'create', saved: true };
	},
	update: async ({ request }) => {
		const actor = requireCapability('org_units.edit');
		const form = await formObject(request);
		const id = unitId(form);
		const parsed = parseOrgUnit(form);
		const version = versionOf(form);
		if (!parsed.ok || version === null) {
			return invalid(`update-${id}`, parsed.ok ? {} : parsed.errors, form);
		}
		try {
			await orgUnits.update(getDb(), actor, id, version, parsed.value);
		} catch (e) {
			return refuse(e, `update-${id}`, { values: form });
		}
		return { form: `update-${id}`, saved: true };
	},
	delete: async ({ request }) => {
		const actor = requireCapability('org_units.edit');
		const form = await formObject(request);
		const id = unitId(form);
		try {
			await orgUnits.remove(getDb(), actor, id);
		} catch (e) {
			return refuse(e, `update-${id}`);
		}
		return { form: 'delete', saved: true };
	},
	year: async ({ request }) => {
		const actor = requireCapability('org_units.edit');
		const form = await formObject(request);
		const id = unitId(form);
		const parsed = parseOrgUnitYear(form);
		if (!parsed.ok) return invalid(`year-${id}`, parsed.errors, form);
		try {
			await orgUnits.saveYear(getDb(), actor, id, versionOf(form), parsed.value);
		} catch (e) {
			return refuse(e, `year-${id}`, { values: form });
		}
		return { form: `year-${id}`, saved: true };
	}
};

import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as orgUnits from '$lib/server/org-units/org-units.service';
import { parseOrgUnit, parseOrgUnitYear } from '$lib/server/org-units/org-units.validation';
import { invalid, refuse, routeId, versionOf, yearParam, save } from '$lib/server/shared/http';
import { currentYear } from '$lib/server/shared/clock';
import { formValues } from '$lib/server/shared/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url, currentYear());
	const [units, years] = await Promise.all([
		orgUnits.list(db),
		orgUnits.listYears(db, year - 2, year)
	]);
	return { units, years, year, canEdit: can(user.role, 'org_units.edit') };
};

export const actions: Actions = {
	create: async ({ request }) => {
		const actor = requireCapability('org_units.edit');
		const values = await formValues(request);
		const parsed = parseOrgUnit(values);
		return save('create', values, parsed, (value) => orgUnits.create(getDb(), actor, value));
	},
	update: async ({ request }) => {
		const actor = requireCapability('org_units.edit');
		const values = await formValues(request);
		const id = routeId(values.id);
		const parsed = parseOrgUnit(values);
		const version = versionOf(values, { required: true });
		if (!parsed.ok) return invalid(`update-${id}`, parsed.errors, values);
		try {
			await orgUnits.update(getDb(), actor, id, version, parsed.value);
		} catch (e) {
			return refuse(e, `update-${id}`, values);
		}
		return { form: `update-${id}`, saved: true };
	},
	delete: async ({ request }) => {
		const actor = requireCapability('org_units.edit');
		const values = await formValues(request);
		const id = routeId(values.id);
		try {
			await orgUnits.remove(getDb(), actor, id);
		} catch (e) {
			return refuse(e, `update-${id}`);
		}
		return { form: 'delete', saved: true };
	},
	year: async ({ request }) => {
		const actor = requireCapability('org_units.edit');
		const values = await formValues(request);
		const id = routeId(values.id);
		const parsed = parseOrgUnitYear(values);
		if (!parsed.ok) return invalid(`year-${id}`, parsed.errors, values);
		try {
			await orgUnits.saveYear(getDb(), actor, id, versionOf(values), parsed.value);
		} catch (e) {
			return refuse(e, `year-${id}`, values);
		}
		return { form: `year-${id}`, saved: true };
	}
};

import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { currentDate } from '$lib/server/shared/clock';
import * as programme from '$lib/server/programme/programme.service';
import { parseDependency, parseMilestone } from '$lib/server/programme/programme.validation';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf } from '$lib/server/shared/http';
import { NotFoundError } from '$lib/server/shared/errors';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const db = getDb();
	const today = currentDate();
	try {
		const [detail, owners] = await Promise.all([
			programme.getMilestone(db, routeId(params.id), today),
			programme.owners(db)
		]);
		return { ...detail, owners, today, canEdit: can(user.role, 'programme.edit') };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
};

export const actions: Actions = {
	update: async ({ request, params }) => {
		const user = requireCapability('programme.edit');
		const values = await formValues(request);
		const id = routeId(params.id);
		const version = versionOf(values, { required: true });
		const parsed = parseMilestone(values);
		if (!parsed.ok) return invalid('update', parsed.errors, values);
		try {
			await programme.updateMilestone(getDb(), user, id, version, parsed.value, currentDate());
		} catch (e) {
			return refuse(e, 'update', values);
		}
		return { form: 'update', saved: true };
	},
	addDependency: async ({ request, params }) => {
		const user = requireCapability('programme.edit');
		const values = await formValues(request);
		const parsed = parseDependency(values);
		if (!parsed.ok) return invalid('dependency', parsed.errors, values);
		try {
			await programme.addDependency(getDb(), user, routeId(params.id), parsed.value.predecessorId);
		} catch (e) {
			return refuse(e, 'dependency', values);
		}
		return { form: 'dependency', saved: true };
	},
	removeDependency: async ({ request, params }) => {
		const user = requireCapability('programme.edit');
		const values = await formValues(request);
		const parsed = parseDependency(values);
		if (!parsed.ok) return invalid('dependency', parsed.errors, values);
		try {
			await programme.removeDependency(
				getDb(),
				user,
				routeId(params.id),
				parsed.value.predecessorId
			);
		} catch (e) {
			return refuse(e, 'dependency', values);
		}
		return { form: 'dependency', saved: true };
	}
};

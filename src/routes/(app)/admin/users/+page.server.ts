import { requireCapability } from '$lib/server/auth/guard';
import { isRole } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf } from '$lib/server/shared/http';
import * as users from '$lib/server/users/users.service';
import { parseNewUser } from '$lib/server/users/users.validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireCapability('users.manage');
	return { users: await users.list(getDb()) };
};

// Each user's row has its own forms (role, active, password), refused as the row `user-<id>`.
const row = (id: number) => `user-${id}`;

export const actions: Actions = {
	create: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const values = await formValues(request);
		// The password is never sent back to the page.
		const echo = { ...values, password: '' };
		const parsed = parseNewUser(values);
		if (!parsed.ok) return invalid('create', parsed.errors, echo);
		try {
			const user = await users.create(getDb(), actor.id, parsed.value);
			return { created: user.username };
		} catch (e) {
			return refuse(e, 'create', echo);
		}
	},
	role: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const values = await formValues(request);
		const id = routeId(values.id);
		const version = versionOf(values, { required: true });
		const role = values.role;
		if (!isRole(role)) return invalid(row(id), { role: 'error_role' }, values);
		try {
			await users.update(getDb(), actor.id, id, version, { role });
		} catch (e) {
			return refuse(e, row(id), values);
		}
		return { saved: id };
	},
	active: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const values = await formValues(request);
		const id = routeId(values.id);
		const version = versionOf(values, { required: true });
		try {
			await users.update(getDb(), actor.id, id, version, { active: values.active === 'true' });
		} catch (e) {
			return refuse(e, row(id), values);
		}
		return { saved: id };
	},
	resetPassword: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const values = await formValues(request);
		const id = routeId(values.id);
		try {
			await users.resetPassword(getDb(), actor.id, id, values.password ?? '');
		} catch (e) {
			return refuse(e, row(id), { ...values, password: '' });
		}
		return { saved: id };
	}
};

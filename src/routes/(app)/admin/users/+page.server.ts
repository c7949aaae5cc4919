import { error, fail } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { isRole } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { translateErrors } from '$lib/server/i18n';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/shared/errors';
import * as users from '$lib/server/users/users.service';
import { parseNewUser } from '$lib/server/users/users.validation';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireCapability('users.manage');
	return { users: await users.list(getDb()) };
};

function ids(form: FormData) {
	const id = Number(form.get('id'));
	const version = Number(form.get('version'));
	if (!Number.isInteger(id) || !Number.isInteger(version)) error(400, { message: 'bad request' });
	return { id, version };
}

/** Maps the service's refusals to what the form shows next to the user's row. */
function refusal(e: unknown, id: number) {
	if (e instanceof ValidationError) {
		return fail(400, { rowId: id, errors: translateErrors(e.errors) });
	}
	if (e instanceof ConflictError) return fail(409, { rowId: id, message: m.error_conflict() });
	if (e instanceof NotFoundError) return fail(404, { rowId: id, message: m.error_not_found() });
	throw e;
}

export const actions: Actions = {
	create: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const form = Object.fromEntries(await request.formData());
		const parsed = parseNewUser(form);
		const values = {
			username: String(form.username ?? '').slice(0, 100),
			displayName: String(form.displayName ?? '').slice(0, 200),
			role: String(form.role ?? '')
		};
		if (!parsed.ok) {
			return fail(400, { create: { values, errors: translateErrors(parsed.errors) } });
		}
		try {
			const user = await users.create(getDb(), actor.id, parsed.value);
			return { created: user.username };
		} catch (e) {
			if (e instanceof ValidationError) {
				return fail(400, { create: { values, errors: translateErrors(e.errors) } });
			}
			throw e;
		}
	},
	role: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const form = await request.formData();
		const { id, version } = ids(form);
		const role = form.get('role');
		if (!isRole(role)) {
			return fail(400, { rowId: id, errors: translateErrors({ role: 'error_role' }) });
		}
		try {
			await users.update(getDb(), actor.id, id, version, { role });
		} catch (e) {
			return refusal(e, id);
		}
		return { saved: id };
	},
	active: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const form = await request.formData();
		const { id, version } = ids(form);
		try {
			await users.update(getDb(), actor.id, id, version, { active: form.get('active') === 'true' });
		} catch (e) {
			return refusal(e, id);
		}
		return { saved: id };
	},
	resetPassword: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const form = await request.formData();
		const { id } = ids(form);
		try {
			await users.resetPassword(getDb(), actor.id, id, String(form.get('password') ?? ''));
		} catch (e) {
			return refusal(e, id);
		}
		return { saved: id };
	}
};

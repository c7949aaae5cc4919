import { error, fail } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { translateErrors } from '$lib/server/i18n';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/shared/errors';
import * as tokens from '$lib/server/api/tokens.service';
import * as users from '$lib/server/users/users.service';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireCapability('api_tokens.manage');
	const db = getDb();
	const [list, all] = await Promise.all([tokens.list(db), users.list(db)]);
	return {
		tokens: list,
		users: all
			.filter((u) => u.active)
			.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role }))
	};
};

export const actions: Actions = {
	issue: async ({ request }) => {
		const actor = requireCapability('api_tokens.manage');
		const form = Object.fromEntries(await request.formData());
		const values = {
			name: String(form.name ?? '').slice(0, 200),
			userId: String(form.userId ?? '')
		};
		const parsed = tokens.parseIssue(form);
		if (!parsed.ok) return fail(400, { issue: { values, errors: translateErrors(parsed.errors) } });
		try {
			const issued = await tokens.issue(getDb(), actor.id, parsed.value);
			// Shown once: only its hash is stored.
			return { issued: { id: issued.id, token: issued.token, name: parsed.value.name } };
		} catch (e) {
			if (e instanceof ValidationError) {
				return fail(400, { issue: { values, errors: translateErrors(e.errors) } });
			}
			throw e;
		}
	},
	revoke: async ({ request }) => {
		const actor = requireCapability('api_tokens.manage');
		const form = await request.formData();
		const id = Number(form.get('id'));
		const version = Number(form.get('version'));
		if (!Number.isInteger(id) || !Number.isInteger(version)) error(400, { message: 'bad request' });
		try {
			await tokens.revoke(getDb(), actor.id, id, version);
		} catch (e) {
			if (e instanceof ConflictError) return fail(409, { rowId: id, message: m.error_conflict() });
			if (e instanceof NotFoundError) return fail(404, { rowId: id, message: m.error_not_found() });
			throw e;
		}
		return { revoked: id };
	}
};

import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf } from '$lib/server/shared/http';
import * as tokens from '$lib/server/api/tokens.service';
import * as users from '$lib/server/users/users.service';
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
		const values = await formValues(request);
		const parsed = tokens.parseIssue(values);
		if (!parsed.ok) return invalid('issue', parsed.errors, values);
		try {
			const issued = await tokens.issue(getDb(), actor.id, parsed.value);
			// Shown once: only its hash is stored.
			return { issued: { id: issued.id, token: issued.token, name: parsed.value.name } };
		} catch (e) {
			return refuse(e, 'issue', values);
		}
	},
	revoke: async ({ request }) => {
		const actor = requireCapability('api_tokens.manage');
		const values = await formValues(request);
		const id = routeId(values.id);
		const version = versionOf(values, { required: true });
		try {
			await tokens.revoke(getDb(), actor.id, id, version);
		} catch (e) {
			// Each token's row has its own revoke form.
			return refuse(e, `token-${id}`, values);
		}
		return { revoked: id };
	}
};

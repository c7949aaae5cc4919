import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as programme from '$lib/server/programme/programme.service';
import { parseRisk } from '$lib/server/programme/programme.validation';
import { echo, idParam, invalid, refusal, versionOf } from '$lib/server/programme/refusal';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const db = getDb();
	const [risks, owners] = await Promise.all([programme.listRisks(db), programme.owners(db)]);
	return { risks, owners, canEdit: can(user.role, 'programme.edit') };
};

export const actions: Actions = {
	create: async ({ request }) => {
		const user = requireCapability('programme.edit');
		const data = await request.formData();
		const values = echo(data);
		const parsed = parseRisk(values);
		if (!parsed.ok) return invalid('create', values, parsed.errors);
		try {
			await programme.createRisk(getDb(), user, parsed.value);
		} catch (e) {
			return refusal(e, 'create', values);
		}
		return { form: 'create', saved: true };
	},
	update: async ({ request }) => {
		const user = requireCapability('programme.edit');
		const data = await request.formData();
		const values = echo(data);
		const id = idParam(String(data.get('id')));
		const version = versionOf(data);
		const parsed = parseRisk(values);
		if (!parsed.ok) return invalid(`update-${id}`, values, parsed.errors);
		try {
			await programme.updateRisk(getDb(), user, id, version, parsed.value);
		} catch (e) {
			return refusal(e, `update-${id}`, values);
		}
		return { form: `update-${id}`, saved: true };
	}
};

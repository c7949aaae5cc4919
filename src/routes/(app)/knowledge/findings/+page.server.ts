import { redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import * as caf from '$lib/server/caf/caf.service';
import { getDb } from '$lib/server/db';
import * as documents from '$lib/server/knowledge/documents.service';
import * as findings from '$lib/server/knowledge/findings.service';
import { parseFinding } from '$lib/server/knowledge/knowledge.validation';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const db = getDb();
	const canEdit = can(user.role, 'findings.edit');
	const [list, options, users] = await Promise.all([
		findings.list(db, user),
		canEdit ? documents.linkOptions(db) : Promise.resolve({ process: [], asset: [] }),
		canEdit ? caf.users(db) : Promise.resolve([])
	]);
	return { findings: list, processes: options.process, users, canEdit };
};

export const actions: Actions = {
	create: async ({ request }) => {
		const user = requireCapability('findings.edit');
		const values = await formValues(request);
		const parsed = parseFinding(values);
		if (!parsed.ok) return invalid('create', parsed.errors, values);
		let id: number;
		try {
			id = await findings.create(getDb(), user, parsed.value);
		} catch (e) {
			return refuse(e, 'create', values);
		}
		redirect(303, `/knowledge/findings/${id}`);
	}
};

import { redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import * as caf from '$lib/server/caf/caf.service';
import { getDb } from '$lib/server/db';
import * as documents from '$lib/server/knowledge/documents.service';
import { linksOf, uploadOf } from '$lib/server/knowledge/upload';
import { parseDocument } from '$lib/server/knowledge/knowledge.validation';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const db = getDb();
	const canCreate = can(user.role, 'knowledge.edit') || can(user.role, 'knowledge.edit_own');
	const [list, options, users] = await Promise.all([
		documents.list(db, user),
		canCreate ? documents.linkOptions(db) : Promise.resolve({ process: [], asset: [] }),
		can(user.role, 'knowledge.edit') ? caf.users(db) : Promise.resolve([])
	]);
	return { documents: list, options, users, canCreate, me: user.id };
};

export const actions: Actions = {
	create: async ({ request }) => {
		const user = requireCapability('knowledge.edit', 'knowledge.edit_own');
		const data = await request.formData();
		const values = await formValues(data);
		const upload = await uploadOf(data);
		const parsed = parseDocument(values, linksOf(data));
		if (!parsed.ok || !upload) {
			return invalid(
				'create',
				{ ...(parsed.ok ? {} : parsed.errors), ...(upload ? {} : { file: 'error_required' }) },
				values
			);
		}
		let id: number;
		try {
			id = await documents.create(getDb(), user, parsed.value, upload);
		} catch (e) {
			return refuse(e, 'create', values);
		}
		redirect(303, `/knowledge/documents/${id}`);
	}
};

import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import * as caf from '$lib/server/caf/caf.service';
import { getDb } from '$lib/server/db';
import * as documents from '$lib/server/knowledge/documents.service';
import { linksOf, uploadOf } from '$lib/server/knowledge/upload';
import { parseDocument } from '$lib/server/knowledge/knowledge.validation';

import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf, save, found } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const db = getDb();
	const document = await found(documents.get(db, user, routeId(params.id)));
	const [options, users] = await Promise.all([
		document.canEdit ? documents.linkOptions(db) : Promise.resolve({ process: [], asset: [] }),
		can(user.role, 'knowledge.edit') ? caf.users(db) : Promise.resolve([])
	]);
	return { document, options, users, me: user.id };
};

export const actions: Actions = {
	update: async ({ request, params }) => {
		const user = requireCapability('knowledge.edit', 'knowledge.edit_own');
		const data = await request.formData();
		const values = await formValues(data);
		const parsed = parseDocument(values, linksOf(data));
		return save('update', values, parsed, (value) =>
			documents.update(
				getDb(),
				user,
				routeId(params.id),
				versionOf(values, { required: true }),
				value
			)
		);
	},
	upload: async ({ request, params }) => {
		const user = requireCapability('knowledge.edit', 'knowledge.edit_own');
		const data = await request.formData();
		const values = await formValues(data);
		const upload = await uploadOf(data);
		if (!upload) return invalid('upload', { file: 'error_required' }, values);
		try {
			const number = await documents.addVersion(
				getDb(),
				user,
				routeId(params.id),
				versionOf(values, { required: true }),
				upload
			);
			return { form: 'upload', saved: true, number };
		} catch (e) {
			return refuse(e, 'upload', values);
		}
	}
};

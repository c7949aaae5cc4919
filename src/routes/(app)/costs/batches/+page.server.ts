import { error, fail } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { BatchStateError, rollback } from '$lib/server/imports/rollback';
import * as batches from '$lib/server/imports/batches';
import { replacementsByBatch } from '$lib/server/imports/replace';
import { ConflictError, NotFoundError } from '$lib/server/shared/errors';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const list = await batches.list(getDb());
	return {
		batches: list,
		replacements: await replacementsByBatch(
			getDb(),
			list.map((b) => b.id)
		),
		canRollback: can(user.role, 'costs.import')
	};
};

export const actions: Actions = {
	rollback: async ({ request }) => {
		const actor = requireCapability('costs.import');
		const form = await request.formData();
		const id = Number(form.get('id'));
		const version = Number(form.get('version'));
		if (!Number.isInteger(id) || !Number.isInteger(version)) error(400, { message: 'bad request' });
		try {
			const { deleted } = await rollback(getDb(), actor.id, id, version);
			return { rolledBack: id, deleted };
		} catch (e) {
			if (e instanceof BatchStateError && e.replacedBy.length) {
				return fail(409, {
					rowId: id,
					message: m.imports_rollback_replaced({ batches: e.replacedBy.join(', ') })
				});
			}
			if (e instanceof ConflictError || e instanceof BatchStateError) {
				return fail(409, { rowId: id, message: m.costs_err_batch_changed() });
			}
			if (e instanceof NotFoundError) return fail(404, { rowId: id, message: m.error_not_found() });
			throw e;
		}
	}
};

import { fail } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { BatchStateError, rollback } from '$lib/server/imports/rollback';
import * as batches from '$lib/server/imports/batches';
import { replacementsByBatch } from '$lib/server/imports/replace';
import { formValues } from '$lib/server/shared/form';
import { refuse, routeId, versionOf, type FormFailure } from '$lib/server/shared/http';
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
		const values = await formValues(request);
		const id = routeId(values.id);
		const version = versionOf(values, { required: true });
		// Each batch's row has its own rollback form.
		const form = `batch-${id}`;
		try {
			const { deleted } = await rollback(getDb(), actor.id, id, version);
			return { rolledBack: id, deleted };
		} catch (e) {
			if (!(e instanceof BatchStateError)) return refuse(e, form, values);
			// Rolled back already, or later batches replaced some of its months: undo those first.
			const message = e.replacedBy.length
				? m.imports_rollback_replaced({ batches: e.replacedBy.join(', ') })
				: m.costs_err_batch_changed();
			return fail(409, { form, values, errors: {}, message } satisfies FormFailure);
		}
	}
};

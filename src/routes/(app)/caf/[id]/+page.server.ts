import { redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import * as caf from '$lib/server/caf/caf.service';
import { ids, parseActionEdit, parseRound, parseStatus } from '$lib/server/caf/caf.validation';
import { getDb } from '$lib/server/db';

import { formValues } from '$lib/server/shared/form';
import { refuse, routeId, versionOf, save, found } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const db = getDb();
	const round = await found(caf.get(db, user, routeId(params.id)));
	const [subcriteria, actions, users] = await Promise.all([
		caf.overview(db, user, round),
		caf.actions(db, round.id, user),
		round.rights.canManage || round.rights.canPlan ? caf.users(db) : Promise.resolve([])
	]);
	return {
		round,
		subcriteria,
		actions,
		users,
		canMakeInitiative: can(user.role, 'initiatives.edit') && round.rights.canPlan
	};
};

export const actions: Actions = {
	update: async ({ request, params }) => {
		const user = requireCapability('caf.manage');
		const data = await request.formData();
		const values = await formValues(data);
		const parsed = parseRound(values, ids(data.getAll('memberId')), ids(data.getAll('guestId')));
		return save('update', values, parsed, (value) =>
			caf.update(getDb(), user, routeId(params.id), versionOf(values, { required: true }), value)
		);
	},
	updateAction: async ({ request }) => {
		const user = requireCapability('caf.take_part', 'caf.manage');
		const values = await formValues(request);
		const parsed = parseActionEdit(values);
		return save('updateAction', values, parsed, (value) =>
			caf.updateAction(
				getDb(),
				user,
				routeId(values.actionId),
				versionOf(values, { required: true }),
				value
			)
		);
	},
	status: async ({ request, params }) => {
		const user = requireCapability('caf.take_part', 'caf.manage');
		const values = await formValues(request);
		const parsed = parseStatus(values);
		return save('status', values, parsed, (value) =>
			caf.changeStatus(
				getDb(),
				user,
				routeId(params.id),
				versionOf(values, { required: true }),
				value
			)
		);
	},
	toInitiative: async ({ request }) => {
		const user = requireCapability('initiatives.edit');
		const values = await formValues(request);
		let initiativeId: number;
		try {
			initiativeId = await caf.actionToInitiative(
				getDb(),
				user,
				routeId(values.actionId),
				versionOf(values, { required: true })
			);
		} catch (e) {
			return refuse(e, 'toInitiative', values);
		}
		redirect(303, `/initiatives/${initiativeId}`);
	}
};

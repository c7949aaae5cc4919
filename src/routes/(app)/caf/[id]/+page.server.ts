import { error, redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import * as caf from '$lib/server/caf/caf.service';
import { ids, parseActionEdit, parseRound, parseStatus } from '$lib/server/caf/caf.validation';
import { getDb } from '$lib/server/db';
import { ForbiddenError, NotFoundError } from '$lib/server/shared/errors';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const db = getDb();
	try {
		const round = await caf.get(db, user, routeId(params.id));
		const [subcriteria, actions, users] = await Promise.all([
			caf.overview(db, user, round),
			caf.actions(db, round.id),
			round.rights.canManage || round.rights.canPlan ? caf.users(db) : Promise.resolve([])
		]);
		return {
			round,
			subcriteria,
			actions,
			users,
			canMakeInitiative: can(user.role, 'initiatives.edit') && round.rights.canPlan
		};
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		if (e instanceof ForbiddenError) error(403, { message: 'forbidden' });
		throw e;
	}
};

export const actions: Actions = {
	update: async ({ request, params }) => {
		const user = requireCapability('caf.manage');
		const data = await request.formData();
		const values = await formValues(data);
		const parsed = parseRound(values, ids(data.getAll('memberId')), ids(data.getAll('guestId')));
		if (!parsed.ok) return invalid('update', parsed.errors, values);
		try {
			await caf.update(
				getDb(),
				user,
				routeId(params.id),
				versionOf(values, { required: true }),
				parsed.value
			);
		} catch (e) {
			return refuse(e, 'update', values);
		}
		return { form: 'update', saved: true };
	},
	updateAction: async ({ request }) => {
		const user = requireCapability('caf.take_part', 'caf.manage');
		const values = await formValues(request);
		const parsed = parseActionEdit(values);
		if (!parsed.ok) return invalid('updateAction', parsed.errors, values);
		try {
			await caf.updateAction(
				getDb(),
				user,
				routeId(values.actionId),
				versionOf(values, { required: true }),
				parsed.value
			);
		} catch (e) {
			return refuse(e, 'updateAction', values);
		}
		return { form: 'updateAction', saved: true };
	},
	status: async ({ request, params }) => {
		const user = requireCapability('caf.take_part', 'caf.manage');
		const values = await formValues(request);
		const parsed = parseStatus(values);
		if (!parsed.ok) return invalid('status', parsed.errors, values);
		try {
			await caf.changeStatus(
				getDb(),
				user,
				routeId(params.id),
				versionOf(values, { required: true }),
				parsed.value
			);
		} catch (e) {
			return refuse(e, 'status', values);
		}
		return { form: 'status', saved: true };
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

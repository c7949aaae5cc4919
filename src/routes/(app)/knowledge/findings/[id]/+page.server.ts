import { error, redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import * as caf from '$lib/server/caf/caf.service';
import { getDb } from '$lib/server/db';
import * as documents from '$lib/server/knowledge/documents.service';
import * as findings from '$lib/server/knowledge/findings.service';
import { parseFinding, parseToAction } from '$lib/server/knowledge/knowledge.validation';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf, save } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const db = getDb();
	const finding = await findings.get(db, user, routeId(params.id));
	if (!finding) error(404, { message: 'not found' });
	const canEdit = can(user.role, 'findings.edit');
	const [options, users, rounds] = await Promise.all([
		canEdit ? documents.linkOptions(db) : Promise.resolve({ process: [], asset: [] }),
		canEdit ? caf.users(db) : Promise.resolve([]),
		canEdit ? caf.planningRounds(db) : Promise.resolve([])
	]);
	return { finding, processes: options.process, users, rounds, canEdit };
};

export const actions: Actions = {
	update: async ({ request, params }) => {
		const user = requireCapability('findings.edit');
		const values = await formValues(request);
		const parsed = parseFinding(values);
		return save('update', values, parsed, (value) =>
			findings.update(
				getDb(),
				user,
				routeId(params.id),
				versionOf(values, { required: true }),
				value
			)
		);
	},
	toAction: async ({ request, params }) => {
		const user = requireCapability('findings.edit');
		const values = await formValues(request);
		const parsed = parseToAction(values);
		if (!parsed.ok) return invalid('toAction', parsed.errors, values);
		try {
			await findings.toCafAction(
				getDb(),
				user,
				routeId(params.id),
				versionOf(values, { required: true }),
				parsed.value
			);
		} catch (e) {
			return refuse(e, 'toAction', values);
		}
		redirect(303, `/caf/${parsed.value.roundId}`);
	}
};

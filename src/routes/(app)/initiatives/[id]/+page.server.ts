import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as caf from '$lib/server/caf/caf.service';
import * as initiatives from '$lib/server/initiatives/initiatives.service';
import {
	ids,
	parseBudget,
	parseInitiative,
	parseSaving,
	parseStatusChange
} from '$lib/server/initiatives/initiatives.validation';
import { currentDate } from '$lib/server/shared/clock';
import * as programme from '$lib/server/programme/programme.service';
import { formValues } from '$lib/server/shared/form';
import { invalid, routeId, versionOf, save, found } from '$lib/server/shared/http';

import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const db = getDb();
	const today = currentDate();
	const id = routeId(params.id);
	const [initiative, options, owners, findings] = await found(
		Promise.all([
			initiatives.get(db, id, today),
			initiatives.linkOptions(db),
			programme.owners(db),
			caf.findingsFor(db, id)
		])
	);
	return {
		initiative,
		findings,
		options,
		owners,
		today,
		canEdit: can(user.role, 'initiatives.edit'),
		canApprove: can(user.role, 'initiatives.approve'),
		canRecordSavings: can(user.role, 'savings.record')
	};
};

async function changeStatus(request: Request, params: { id?: string }, approve: boolean) {
	const user = approve
		? requireCapability('initiatives.approve')
		: requireCapability('initiatives.edit');
	const values = await formValues(request);
	const parsed = parseStatusChange(values, approve);
	if (!parsed.ok) return invalid('status', parsed.errors, values);
	const { to, note } = parsed.value;
	return save('status', values, () =>
		initiatives.changeStatus(
			getDb(),
			user,
			routeId(params.id),
			versionOf(values, { required: true }),
			to,
			note
		)
	);
}

export const actions: Actions = {
	update: async ({ request, params }) => {
		const user = requireCapability('initiatives.edit');
		const values = await formValues(request);
		const parsed = parseInitiative(values);
		return save('update', values, parsed, (value) =>
			initiatives.update(
				getDb(),
				user,
				routeId(params.id),
				versionOf(values, { required: true }),
				value
			)
		);
	},
	budget: async ({ request, params }) => {
		const user = requireCapability('initiatives.edit');
		const values = await formValues(request);
		const parsed = parseBudget(values);
		return save('budget', values, parsed, (value) =>
			initiatives.setBudget(
				getDb(),
				user,
				routeId(params.id),
				versionOf(values, { required: true }),
				value.year,
				value.amount
			)
		);
	},
	status: async ({ request, params }) => changeStatus(request, params, false),
	approve: async ({ request, params }) => changeStatus(request, params, true),
	saving: async ({ request, params }) => {
		const user = requireCapability('savings.record');
		const values = await formValues(request);
		const parsed = parseSaving(values, currentDate());
		return save('saving', values, parsed, (value) =>
			initiatives.recordSaving(getDb(), user, routeId(params.id), value)
		);
	},
	links: async ({ request, params }) => {
		const user = requireCapability('initiatives.edit');
		// Checked boxes repeat their name, so the links are read from the form data itself.
		const data = await request.formData();
		const values = await formValues(data);
		return save('links', values, () =>
			initiatives.setLinks(
				getDb(),
				user,
				routeId(params.id),
				versionOf(values, { required: true }),
				{
					goalIds: ids(data.getAll('goalId')),
					processIds: ids(data.getAll('processId')),
					kpiIds: ids(data.getAll('kpiId'))
				}
			)
		);
	}
};

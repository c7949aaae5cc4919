import { requireCapability } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as orgUnits from '$lib/server/org-units/org-units.service';
import * as people from '$lib/server/people/people.service';
import {
	parseEndDate,
	parseHeld,
	parsePerson,
	parseTraining,
	parseTrainingStatus
} from '$lib/server/people/people.validation';
import { currentDate } from '$lib/server/shared/clock';

import { formValues } from '$lib/server/shared/form';
import { routeId, versionOf, save, found } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

// A person's page shows their name: only for `people.read_names`.
export const load: PageServerLoad = async ({ params }) => {
	const user = requireCapability('people.read_names');
	const db = getDb();
	const today = currentDate();
	const detail = await found(people.get(db, user, routeId(params.id), today));
	const [units, competences, training] = await Promise.all([
		orgUnits.list(db),
		people.competences(db),
		people.trainingOf(db, user, routeId(params.id), today)
	]);
	return {
		...detail,
		training,
		today,
		units: units.map((u) => ({ value: String(u.id), label: u.name })),
		competences: competences.map((c) => ({ value: String(c.id), label: `${c.code} – ${c.name}` })),
		canEdit: can(user.role, 'people.edit')
	};
};

export const actions: Actions = {
	update: async ({ request, params }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const version = versionOf(values, { required: true });
		const parsed = parsePerson(values);
		return save('update', values, parsed, (value) =>
			people.update(getDb(), user, routeId(params.id), version, value, currentDate())
		);
	},
	end: async ({ request, params }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const version = versionOf(values, { required: true });
		const parsed = parseEndDate(values);
		return save('end', values, parsed, (value) =>
			people.endDate(getDb(), user, routeId(params.id), version, value.validTo)
		);
	},
	held: async ({ request, params }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const parsed = parseHeld(values);
		return save('held', values, parsed, (value) =>
			people.setHeld(getDb(), user, routeId(params.id), value)
		);
	},
	removeHeld: async ({ request, params }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		return save('removeHeld', values, () =>
			people.removeHeld(getDb(), user, routeId(params.id), routeId(values.competenceId))
		);
	},
	training: async ({ request, params }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const parsed = parseTraining({ ...values, personId: params.id });
		return save('training', values, parsed, (value) =>
			people.createTraining(getDb(), user, value, currentDate())
		);
	},
	trainingStatus: async ({ request }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const version = versionOf(values, { required: true });
		const parsed = parseTrainingStatus(values);
		return save('trainingStatus', values, parsed, (value) =>
			people.setTrainingStatus(getDb(), user, value.trainingId, version, value.status)
		);
	}
};

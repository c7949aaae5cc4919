import { error } from '@sveltejs/kit';
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
import { NotFoundError } from '$lib/server/shared/errors';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

// A person's page shows their name: only for `people.read_names`.
export const load: PageServerLoad = async ({ params }) => {
	const user = requireCapability('people.read_names');
	const db = getDb();
	const today = currentDate();
	let detail;
	try {
		detail = await people.get(db, user, routeId(params.id), today);
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
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
		if (!parsed.ok) return invalid('update', parsed.errors, values);
		try {
			await people.update(getDb(), user, routeId(params.id), version, parsed.value, currentDate());
		} catch (e) {
			return refuse(e, 'update', values);
		}
		return { form: 'update', saved: true };
	},
	end: async ({ request, params }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const version = versionOf(values, { required: true });
		const parsed = parseEndDate(values);
		if (!parsed.ok) return invalid('end', parsed.errors, values);
		try {
			await people.endDate(getDb(), user, routeId(params.id), version, parsed.value.validTo);
		} catch (e) {
			return refuse(e, 'end', values);
		}
		return { form: 'end', saved: true };
	},
	held: async ({ request, params }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const parsed = parseHeld(values);
		if (!parsed.ok) return invalid('held', parsed.errors, values);
		try {
			await people.setHeld(getDb(), user, routeId(params.id), parsed.value);
		} catch (e) {
			return refuse(e, 'held', values);
		}
		return { form: 'held', saved: true };
	},
	removeHeld: async ({ request, params }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		try {
			await people.removeHeld(getDb(), user, routeId(params.id), routeId(values.competenceId));
		} catch (e) {
			return refuse(e, 'removeHeld', values);
		}
		return { form: 'removeHeld', saved: true };
	},
	training: async ({ request, params }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const parsed = parseTraining({ ...values, personId: params.id });
		if (!parsed.ok) return invalid('training', parsed.errors, values);
		try {
			await people.createTraining(getDb(), user, parsed.value, currentDate());
		} catch (e) {
			return refuse(e, 'training', values);
		}
		return { form: 'training', saved: true };
	},
	trainingStatus: async ({ request }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const version = versionOf(values, { required: true });
		const parsed = parseTrainingStatus(values);
		if (!parsed.ok) return invalid('trainingStatus', parsed.errors, values);
		try {
			await people.setTrainingStatus(
				getDb(),
				user,
				parsed.value.trainingId,
				version,
				parsed.value.status
			);
		} catch (e) {
			return refuse(e, 'trainingStatus', values);
		}
		return { form: 'trainingStatus', saved: true };
	}
};

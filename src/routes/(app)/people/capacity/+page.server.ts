import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as people from '$lib/server/people/people.service';
import { parseAbsence, parseYearlyHours } from '$lib/server/people/people.validation';
import { scenarioOf } from '$lib/server/people/whatif';
import { currentDate, currentYear } from '$lib/server/shared/clock';
import { formValues } from '$lib/server/shared/form';
import { versionOf, yearParam, save } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url, currentYear());
	const scenario = scenarioOf(url.searchParams);
	const active = Boolean(scenario.moveRole || scenario.moveProcess || scenario.minutes);
	const [base, simulated] = await Promise.all([
		people.capacityReport(db, year, currentDate()),
		active ? people.capacityReport(db, year, currentDate(), scenario) : null
	]);
	// The chosen modelled process's tasks, so the what-if can name one.
	const taskProcess = Number(url.searchParams.get('process')) || null;
	const tasks =
		simulated?.tasks.length || !taskProcess || !base.modelled.includes(taskProcess)
			? (simulated?.tasks ?? [])
			: await people.modelTasks(db, taskProcess, year);
	return {
		year,
		base,
		simulated,
		tasks,
		query: Object.fromEntries(url.searchParams),
		canEdit: can(user.role, 'people.edit')
	};
};

export const actions: Actions = {
	absence: async ({ request }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const parsed = parseAbsence(values);
		return save('absence', values, parsed, (value) =>
			people.setAbsence(getDb(), user, value, versionOf(values))
		);
	},
	hours: async ({ request }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const parsed = parseYearlyHours(values);
		return save('hours', values, parsed, (value) =>
			people.setYearlyHours(getDb(), user, versionOf(values, { required: true }), value.hours)
		);
	}
};

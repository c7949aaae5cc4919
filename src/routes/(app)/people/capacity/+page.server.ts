import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as people from '$lib/server/people/people.service';
import { parseAbsence } from '$lib/server/people/people.validation';
import { currentDate, currentYear } from '$lib/server/shared/clock';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, yearParam } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

/** What-if from the URL: `?process=5&to=3` moves a process, `&minutes=20` sets its minutes per case. */
function whatIf(url: URL) {
	const processId = Number(url.searchParams.get('process')) || null;
	const to = Number(url.searchParams.get('to')) || null;
	const minutesText = (url.searchParams.get('minutes') ?? '').replace(',', '.').trim();
	const minutes = minutesText === '' ? null : Number(minutesText);
	return {
		processId,
		to,
		minutes: minutes !== null && Number.isFinite(minutes) && minutes >= 0 ? minutes : null
	};
}

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url, currentYear());
	const w = whatIf(url);
	const active = w.processId !== null && (w.to !== null || w.minutes !== null);
	const [base, simulated] = await Promise.all([
		people.capacityReport(db, year, currentDate()),
		active
			? people.capacityReport(db, year, currentDate(), {
					moves: w.to ? new Map([[w.processId!, w.to]]) : undefined,
					minutes: w.minutes !== null ? new Map([[w.processId!, w.minutes]]) : undefined
				})
			: null
	]);
	return {
		year,
		base,
		simulated,
		whatIf: w,
		canEdit: can(user.role, 'people.edit')
	};
};

export const actions: Actions = {
	absence: async ({ request }) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const parsed = parseAbsence(values);
		if (!parsed.ok) return invalid('absence', parsed.errors, values);
		try {
			await people.setAbsence(getDb(), user, parsed.value);
		} catch (e) {
			return refuse(e, 'absence', values);
		}
		return { form: 'absence', saved: true };
	}
};

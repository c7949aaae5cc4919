import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { currentDate } from '$lib/server/shared/clock';
import * as programme from '$lib/server/programme/programme.service';
import { parseNewMilestone } from '$lib/server/programme/programme.validation';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const db = getDb();
	const today = currentDate();
	const [prog, summary, calendarIssuedAt, owners] = await Promise.all([
		programme.get(db, today),
		programme.milestoneSummary(db, today),
		programme.calendarTokenIssuedAt(db, user.id),
		programme.owners(db)
	]);
	return {
		today,
		programme: prog,
		summary,
		calendarIssuedAt,
		owners,
		canEdit: can(user.role, 'programme.edit')
	};
};

export const actions: Actions = {
	calendar: async ({ url }) => {
		const user = requireUser();
		const token = await programme.issueCalendarToken(getDb(), user);
		return { form: 'calendar', calendarUrl: `${url.origin}/calendar/${token}` };
	},
	createMilestone: async ({ request }) => {
		const user = requireCapability('programme.edit');
		const values = await formValues(request);
		const parsed = parseNewMilestone(values);
		if (!parsed.ok) return invalid('createMilestone', parsed.errors, values);
		try {
			await programme.createMilestone(getDb(), user, parsed.value);
		} catch (e) {
			return refuse(e, 'createMilestone', values);
		}
		return { form: 'createMilestone', created: true };
	}
};

import { redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as goals from '$lib/server/goals/goals.service';
import { parseGoal } from '$lib/server/goals/goals.validation';
import { ON_TARGET_FROM, WITHIN_FROM } from '$lib/server/goals/rollup';
import { formObject, invalid, refuse, yearParam } from '$lib/server/processes/http';
import * as processes from '$lib/server/processes/processes.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url);
	const [tree, owners] = await Promise.all([goals.listWithStatus(db, year), processes.owners(db)]);
	return {
		year,
		// The sparkline shows the last 12 periods; the page needs no more of each series.
		goals: tree.map((g) => ({
			...g,
			kpis: g.kpis.map((k) => ({ ...k, periods: k.periods.slice(-12) }))
		})),
		owners,
		rule: { onTargetFrom: ON_TARGET_FROM, withinFrom: WITHIN_FROM },
		canEdit: can(user.role, 'goals.edit')
	};
};

export const actions: Actions = {
	create: async ({ request }) => {
		const actor = requireCapability('goals.edit');
		const form = await formObject(request);
		const parsed = parseGoal(form);
		if (!parsed.ok) return invalid('create', parsed.errors, form);
		let id: number;
		try {
			id = await goals.create(getDb(), actor, parsed.value);
		} catch (e) {
			return refuse(e, 'create', { values: form });
		}
		redirect(303, `/goals/${id}`);
	}
};

import { redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as goals from '$lib/server/goals/goals.service';
import { parseGoal } from '$lib/server/goals/goals.validation';
import { KPI_STATUSES } from '$lib/kpi-status';
import { invalid, refuse, yearParam } from '$lib/server/shared/http';
import { currentYear } from '$lib/server/shared/clock';
import { formValues } from '$lib/server/shared/form';
import * as processes from '$lib/server/processes/processes.service';
import type { Actions, PageServerLoad } from './$types';

/** How many KPIs /goals lists under a goal; the goal's page lists them all. */
const KPIS_PER_GOAL = 5;

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url, currentYear());
	const asked = url.searchParams.get('status');
	const status = KPI_STATUSES.find((s) => s === asked) ?? null;
	// Every KPI showing the status asked for; otherwise a few per goal, those needing attention
	// first, so the page stays short however many KPIs the office measures.
	const filter = status ? { status } : { perGoal: KPIS_PER_GOAL };
	const [tree, owners] = await Promise.all([
		goals.listWithStatus(db, year, filter),
		processes.owners(db)
	]);
	return {
		year,
		status,
		goals: status ? tree.filter((g) => g.kpis.length > 0) : tree,
		owners,
		canEdit: can(user.role, 'goals.edit')
	};
};

export const actions: Actions = {
	create: async ({ request }) => {
		const actor = requireCapability('goals.edit');
		const values = await formValues(request);
		const parsed = parseGoal(values);
		if (!parsed.ok) return invalid('create', parsed.errors, values);
		let id: number;
		try {
			id = await goals.create(getDb(), actor, parsed.value);
		} catch (e) {
			return refuse(e, 'create', values);
		}
		redirect(303, `/goals/${id}`);
	}
};

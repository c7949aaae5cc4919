import { redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as goals from '$lib/server/goals/goals.service';
import { parseGoal, parseLink, parseOverride } from '$lib/server/goals/goals.validation';
import * as kpis from '$lib/server/kpis/kpis.service';
import { parseKpi } from '$lib/server/kpis/kpis.validation';
import {
	invalid,
	refuse,
	routeId,
	versionOf,
	yearParam,
	save,
	found
} from '$lib/server/shared/http';
import { currentYear } from '$lib/server/shared/clock';
import { formValues } from '$lib/server/shared/form';
import * as processes from '$lib/server/processes/processes.service';

import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url, currentYear());
	const goal = await found(goals.get(db, routeId(params.id), year));
	const canEdit = can(user.role, 'goals.edit');
	const [parents, owners, allProcesses, responsibles, history] = await Promise.all([
		goals.options(db),
		processes.owners(db),
		canEdit ? processes.list(db, { year }) : Promise.resolve([]),
		canEdit ? kpis.responsibles(db) : Promise.resolve([]),
		goals.history(db, goal.id)
	]);
	return {
		goal,
		year,
		parents: parents.filter((p) => p.id !== goal.id),
		owners,
		processOptions: allProcesses.map((p) => ({ id: p.id, code: p.code, name: p.name })),
		responsibles,
		history,
		canEdit
	};
};

export const actions: Actions = {
	update: async ({ request, params }) => {
		const actor = requireCapability('goals.edit');
		const values = await formValues(request);
		const parsed = parseGoal(values);
		const version = versionOf(values, { required: true });
		return save('update', values, parsed, (value) =>
			goals.update(getDb(), actor, routeId(params.id), version, value)
		);
	},
	override: async ({ request, params }) => {
		const actor = requireCapability('goals.edit');
		const values = await formValues(request);
		const parsed = parseOverride(values);
		const version = versionOf(values, { required: true });
		return save('override', values, parsed, (value) =>
			goals.setOverride(getDb(), actor, routeId(params.id), version, value.override, value.comment)
		);
	},
	link: async ({ request, params }) => {
		const actor = requireCapability('goals.edit');
		const values = await formValues(request);
		const parsed = parseLink(values);
		return save('link', values, parsed, (value) =>
			goals.linkProcess(getDb(), actor, routeId(params.id), value.processId, value.weight)
		);
	},
	unlink: async ({ request, params }) => {
		const actor = requireCapability('goals.edit');
		const values = await formValues(request);
		return save('link', {}, () =>
			goals.unlinkProcess(getDb(), actor, routeId(params.id), routeId(values.processId))
		);
	},
	createKpi: async ({ request, params }) => {
		const actor = requireCapability('goals.edit');
		const values = await formValues(request);
		const parsed = parseKpi({ ...values, goalId: String(routeId(params.id)) });
		if (!parsed.ok) return invalid('kpi', parsed.errors, values);
		let id: number;
		try {
			id = await kpis.create(getDb(), actor, parsed.value);
		} catch (e) {
			return refuse(e, 'kpi', values);
		}
		redirect(303, `/goals/kpi/${id}`);
	},
	delete: async ({ params }) => {
		const actor = requireCapability('goals.edit');
		try {
			await goals.remove(getDb(), actor, routeId(params.id));
		} catch (e) {
			return refuse(e, 'delete');
		}
		redirect(303, '/goals');
	}
};

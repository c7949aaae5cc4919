import { redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as models from '$lib/server/models/models.service';
import * as orgUnits from '$lib/server/org-units/org-units.service';
import * as people from '$lib/server/people/people.service';
import { processDrill } from '$lib/server/overview/drill.service';
import { unitCostHistory } from '$lib/server/allocation/history.service';
import { refuse, routeId, versionOf, yearParam, save, found } from '$lib/server/shared/http';
import { currentDate, currentYear } from '$lib/server/shared/clock';
import { formValues } from '$lib/server/shared/form';
import { CRITERIA, WEIGHTS } from '$lib/server/processes/potential';
import * as processes from '$lib/server/processes/processes.service';
import {
	parseProcess,
	parseProcessYear,
	parseRole
} from '$lib/server/processes/processes.validation';

import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireUser();
	const db = getDb();
	const id = routeId(params.id);
	const year = yearParam(url, currentYear());
	const card = await found(processes.get(db, id, year));
	const [units, owners, assets, history, drill, staffing, modelled] = await Promise.all([
		orgUnits.list(db),
		processes.owners(db),
		processes.listAssets(db),
		processes.history(db, id),
		processDrill(db, id, year),
		people.processPeople(db, user, id, currentDate()),
		models.modelledHours(db, id, year)
	]);
	const costHistory = await unitCostHistory(db, id);
	// A guest (no `names.read`) sees the card without people: no owner, no history of who edited.
	const names = can(user.role, 'names.read');
	return {
		card: names ? card : { ...card, ownerName: null },
		year,
		units,
		owners: names ? owners : [],
		assets,
		history: names ? history : [],
		drill,
		costHistory,
		staffing: staffing.rows,
		/** the modelled working time, where the process has a model with times */
		modelled: modelled?.timed ? { hours: modelled.hours, version: modelled.version } : null,
		criteria: CRITERIA.map((c) => ({ key: c, weight: WEIGHTS[c] })),
		canEdit: processes.canEdit(user, card.ownerId),
		canManage: can(user.role, 'processes.edit')
	};
};

const EDIT = ['processes.edit', 'processes.edit_own'] as const;

export const actions: Actions = {
	update: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const id = routeId(params.id);
		const values = await formValues(request);
		const parsed = parseProcess(values);
		const version = versionOf(values, { required: true });
		return save('update', values, parsed, (value) =>
			processes.update(getDb(), actor, id, version, value)
		);
	},
	delete: async ({ params }) => {
		const actor = requireCapability('processes.edit');
		try {
			await processes.remove(getDb(), actor, routeId(params.id));
		} catch (e) {
			return refuse(e, 'delete');
		}
		redirect(303, '/processes');
	},
	year: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const values = await formValues(request);
		const parsed = parseProcessYear(values);
		return save('year', values, parsed, (value) =>
			processes.saveYear(getDb(), actor, routeId(params.id), versionOf(values), value)
		);
	},
	addRole: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const values = await formValues(request);
		const parsed = parseRole(values);
		return save('role', values, parsed, (value) =>
			processes.addRole(getDb(), actor, routeId(params.id), value)
		);
	},
	removeRole: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const values = await formValues(request);
		try {
			await processes.removeRole(getDb(), actor, routeId(params.id), routeId(values.roleId));
		} catch (e) {
			return refuse(e, 'role');
		}
		return { form: 'role', saved: true };
	},
	linkAsset: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const values = await formValues(request);
		return save('asset', {}, () =>
			processes.linkAsset(getDb(), actor, routeId(params.id), routeId(values.assetId))
		);
	},
	unlinkAsset: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const values = await formValues(request);
		return save('asset', {}, () =>
			processes.unlinkAsset(getDb(), actor, routeId(params.id), routeId(values.assetId))
		);
	}
};

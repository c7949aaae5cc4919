import { error, redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as models from '$lib/server/models/models.service';
import * as orgUnits from '$lib/server/org-units/org-units.service';
import * as people from '$lib/server/people/people.service';
import { processDrill } from '$lib/server/overview/drill.service';
import { invalid, refuse, routeId, versionOf, yearParam } from '$lib/server/shared/http';
import { currentDate, currentYear } from '$lib/server/shared/clock';
import { formValues } from '$lib/server/shared/form';
import { CRITERIA, WEIGHTS } from '$lib/server/processes/potential';
import * as processes from '$lib/server/processes/processes.service';
import {
	parseProcess,
	parseProcessYear,
	parseRole
} from '$lib/server/processes/processes.validation';
import { NotFoundError } from '$lib/server/shared/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireUser();
	const db = getDb();
	const id = routeId(params.id);
	const year = yearParam(url, currentYear());
	let card;
	try {
		card = await processes.get(db, id, year);
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
	const [units, owners, assets, history, drill, staffing, modelled] = await Promise.all([
		orgUnits.list(db),
		processes.owners(db),
		processes.listAssets(db),
		processes.history(db, id),
		processDrill(db, id, year),
		people.processPeople(db, user, id, currentDate()),
		models.modelledHours(db, id, year)
	]);
	return {
		card,
		year,
		units,
		owners,
		assets,
		history,
		drill,
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
		if (!parsed.ok) return invalid('update', parsed.errors, values);
		try {
			await processes.update(getDb(), actor, id, version, parsed.value);
		} catch (e) {
			return refuse(e, 'update', values);
		}
		return { form: 'update', saved: true };
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
		if (!parsed.ok) return invalid('year', parsed.errors, values);
		try {
			await processes.saveYear(getDb(), actor, routeId(params.id), versionOf(values), parsed.value);
		} catch (e) {
			return refuse(e, 'year', values);
		}
		return { form: 'year', saved: true };
	},
	addRole: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const values = await formValues(request);
		const parsed = parseRole(values);
		if (!parsed.ok) return invalid('role', parsed.errors, values);
		try {
			await processes.addRole(getDb(), actor, routeId(params.id), parsed.value);
		} catch (e) {
			return refuse(e, 'role', values);
		}
		return { form: 'role', saved: true };
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
		try {
			await processes.linkAsset(getDb(), actor, routeId(params.id), routeId(values.assetId));
		} catch (e) {
			return refuse(e, 'asset');
		}
		return { form: 'asset', saved: true };
	},
	unlinkAsset: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const values = await formValues(request);
		try {
			await processes.unlinkAsset(getDb(), actor, routeId(params.id), routeId(values.assetId));
		} catch (e) {
			return refuse(e, 'asset');
		}
		return { form: 'asset', saved: true };
	}
};

import { error, redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as orgUnits from '$lib/server/org-units/org-units.service';
import { processDrill } from '$lib/server/overview/drill.service';
import {
	formObject,
	invalid,
	refuse,
	routeId,
	versionOf,
	yearParam
} from '$lib/server/processes/http';
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
	const year = yearParam(url);
	let card;
	try {
		card = await processes.get(db, id, year);
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
	const [units, owners, assets, history, drill] = await Promise.all([
		orgUnits.list(db),
		processes.owners(db),
		processes.listAssets(db),
		processes.history(db, id),
		processDrill(db, id, year)
	]);
	return {
		card,
		year,
		units,
		owners,
		assets,
		history,
		drill,
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
		const form = await formObject(request);
		const parsed = parseProcess(form);
		const version = versionOf(form);
		if (!parsed.ok || version === null) {
			return invalid('update', parsed.ok ? {} : parsed.errors, form);
		}
		try {
			await processes.update(getDb(), actor, id, version, parsed.value);
		} catch (e) {
			return refuse(e, 'update', { values: form });
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
		const form = await formObject(request);
		const parsed = parseProcessYear(form);
		if (!parsed.ok) return invalid('year', parsed.errors, form);
		try {
			await processes.saveYear(getDb(), actor, routeId(params.id), versionOf(form), parsed.value);
		} catch (e) {
			return refuse(e, 'year', { values: form });
		}
		return { form: 'year', saved: true };
	},
	addRole: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const form = await formObject(request);
		const parsed = parseRole(form);
		if (!parsed.ok) return invalid('role', parsed.errors, form);
		try {
			await processes.addRole(getDb(), actor, routeId(params.id), parsed.value);
		} catch (e) {
			return refuse(e, 'role', { values: form });
		}
		return { form: 'role', saved: true };
	},
	removeRole: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const form = await formObject(request);
		try {
			await processes.removeRole(getDb(), actor, routeId(params.id), Number(form.roleId) || 0);
		} catch (e) {
			return refuse(e, 'role');
		}
		return { form: 'role', saved: true };
	},
	linkAsset: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const form = await formObject(request);
		try {
			await processes.linkAsset(getDb(), actor, routeId(params.id), Number(form.assetId) || 0);
		} catch (e) {
			return refuse(e, 'asset');
		}
		return { form: 'asset', saved: true };
	},
	unlinkAsset: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const form = await formObject(request);
		try {
			await processes.unlinkAsset(getDb(), actor, routeId(params.id), Number(form.assetId) || 0);
		} catch (e) {
			return refuse(e, 'asset');
		}
		return { form: 'asset', saved: true };
	}
};

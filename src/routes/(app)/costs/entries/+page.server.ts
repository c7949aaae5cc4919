import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as entries from '$lib/server/costs/entries.service';
import * as lookups from '$lib/server/costs/lookups';
import * as drillService from '$lib/server/costs/drill.service';
import { parseDrill } from '$lib/server/costs/drill-query';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf, yearParam } from '$lib/server/shared/http';
import { currentYear } from '$lib/server/shared/clock';
import type { Actions, PageServerLoad } from './$types';

const PAGE = 100;

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const q = url.searchParams;
	// A figure's filters (the drill-down's links), the kind only when the link names one.
	const drill = parseDrill(q, yearParam(url, currentYear()));
	const filter = {
		...drill,
		kind: q.get('kind') ? drill.kind : null,
		batchId: Number(q.get('batch')) || null,
		manual: q.get('manual') === '1',
		offset: Math.max(0, Number(q.get('offset')) || 0),
		limit: PAGE + 1
	};
	const [rows, options] = await Promise.all([
		drillService.entries(db, filter, can(user.role, 'names.read')),
		lookups.options(db)
	]);
	const correctId = q.get('correct');
	const correct =
		correctId && /^\d+$/.test(correctId) ? await entries.get(db, BigInt(correctId)) : null;
	return {
		filter,
		entries: rows.slice(0, PAGE),
		more: rows.length > PAGE,
		pageSize: PAGE,
		options,
		correct,
		canEdit: can(user.role, 'costs.edit')
	};
};

export const actions: Actions = {
	create: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const values = await formValues(request);
		const parsed = entries.parseEntryForm(values);
		if (!parsed.ok) return invalid('create', parsed.errors, values);
		try {
			const row = await entries.create(getDb(), actor.id, parsed.value);
			return { created: row.id.toString() };
		} catch (e) {
			return refuse(e, 'create', values);
		}
	},
	update: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const values = await formValues(request);
		const id = routeId(values.id);
		const version = versionOf(values, { required: true });
		// Each entry's row has its own form.
		const form = `update-${id}`;
		const parsed = entries.parseEntryForm(values);
		if (!parsed.ok) return invalid(form, parsed.errors, values);
		try {
			await entries.update(getDb(), actor.id, BigInt(id), version, parsed.value);
			return { saved: String(id) };
		} catch (e) {
			return refuse(e, form, values);
		}
	},
	delete: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const values = await formValues(request);
		const id = routeId(values.id);
		const version = versionOf(values, { required: true });
		try {
			await entries.remove(getDb(), actor.id, BigInt(id), version);
			return { deleted: String(id) };
		} catch (e) {
			return refuse(e, `update-${id}`, values);
		}
	}
};

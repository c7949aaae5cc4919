import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as entries from '$lib/server/costs/entries.service';
import * as lookups from '$lib/server/costs/lookups';
import * as drillService from '$lib/server/costs/drill.service';
import { parseCursor, parseDrill } from '$lib/server/costs/drill-query';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf, yearParam } from '$lib/server/shared/http';
import { currentYear } from '$lib/server/shared/clock';
import type { Actions, PageServerLoad } from './$types';

// Fifty lines a page: each line is wide (provenance, counterparty), and a page is one screenful or two.
const PAGE = 50;

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
		after: parseCursor(q.get('after')),
		before: parseCursor(q.get('before'))
	};
	const canEdit = can(user.role, 'costs.edit');
	// Only an editor's forms choose a process, an initiative or a položka; the filter needs units.
	const [page, units, options] = await Promise.all([
		drillService.entryPage(db, filter, can(user.role, 'names.read'), PAGE),
		lookups.units(db),
		canEdit ? lookups.options(db) : null
	]);
	const correctId = q.get('correct');
	const correct =
		canEdit && correctId && /^\d+$/.test(correctId)
			? await entries.get(db, BigInt(correctId))
			: null;
	return {
		filter: { ...filter, after: null, before: null },
		...page,
		units,
		options,
		correct,
		canEdit
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

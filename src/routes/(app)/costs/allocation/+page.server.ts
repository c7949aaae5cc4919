import { error } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as allocation from '$lib/server/allocation/allocation.service';
import * as drivers from '$lib/server/allocation/drivers.service';
import * as lookups from '$lib/server/costs/lookups';
import { FormReader, formValues } from '$lib/server/shared/form';
import {
	queryId,
	refuse,
	routeId,
	save as saveForm,
	versionOf,
	yearParam
} from '$lib/server/shared/http';
import { currentYear } from '$lib/server/shared/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url, currentYear());
	const { units } = await lookups.options(db);
	const unitId = queryId(url, 'unit') ?? units[0]?.id ?? null;
	const key = unitId ? await allocation.keyFor(db, unitId, year) : null;
	return {
		year,
		units,
		unitId,
		key,
		drivers: await drivers.listDrivers(db),
		coverage: await allocation.coverage(db, year),
		canEdit: can(user.role, 'allocation.edit')
	};
};

async function save(request: Request, reset: boolean) {
	const actor = requireCapability('allocation.edit');
	const values = await formValues(request);
	const unitId = routeId(values.unit);
	const year = Number(values.year);
	if (!Number.isInteger(year)) error(400, { message: 'bad request' });
	// A unit's key never saved has no version yet.
	const version = versionOf(values) ?? 0;
	const entries = reset
		? []
		: Object.entries(values)
				.filter(([k]) => /^p\d+$/.test(k))
				.map(([k, v]) => ({ processId: Number(k.slice(1)), percent: v }));
	try {
		await allocation.saveKey(getDb(), actor.id, unitId, year, version, entries);
	} catch (e) {
		return refuse(e, 'key', values);
	}
	return { form: 'key', saved: true };
}

export const actions: Actions = {
	save: async ({ request }) => save(request, false),
	reset: async ({ request }) => save(request, true),
	driver: async ({ request }) => {
		const actor = requireCapability('allocation.edit');
		const values = await formValues(request);
		const unitId = routeId(values.unit);
		const year = Number(values.year);
		if (!Number.isInteger(year)) error(400, { message: 'bad request' });
		const reader = new FormReader(values);
		const driverId = reader.id('driver');
		const parsed = reader.result(driverId);
		return saveForm('driver', values, parsed, (id) =>
			allocation.chooseDriver(getDb(), actor.id, unitId, year, versionOf(values) ?? 0, id)
		);
	}
};

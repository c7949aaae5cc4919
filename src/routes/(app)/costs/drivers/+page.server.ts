import { error } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as drivers from '$lib/server/allocation/drivers.service';
import { parseDriver } from '$lib/server/allocation/drivers.validation';
import { formValues } from '$lib/server/shared/form';
import { found, queryId, routeId, save, versionOf, yearParam } from '$lib/server/shared/http';
import { currentYear } from '$lib/server/shared/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url, currentYear());
	const list = await drivers.listDrivers(db);
	const driverId = queryId(url, 'driver') ?? list[0]?.id ?? null;
	const values = driverId ? await found(drivers.valuesFor(db, driverId, year)) : null;
	return { year, drivers: list, driverId, values, canEdit: can(user.role, 'allocation.edit') };
};

export const actions: Actions = {
	create: async ({ request }) => {
		const actor = requireCapability('allocation.edit');
		const values = await formValues(request);
		return save('create', values, parseDriver(values), (input) =>
			drivers.createDriver(getDb(), actor, input)
		);
	},
	values: async ({ request }) => {
		const actor = requireCapability('allocation.edit');
		const values = await formValues(request);
		const driverId = routeId(values.driver);
		const year = Number(values.year);
		if (!Number.isInteger(year)) error(400, { message: 'bad request' });
		const entries = Object.entries(values)
			.filter(([k]) => /^p\d+$/.test(k))
			.map(([k, v]) => ({ processId: Number(k.slice(1)), value: v }));
		return save('values', values, () =>
			drivers.saveValues(getDb(), actor.id, driverId, year, versionOf(values) ?? 0, entries)
		);
	}
};

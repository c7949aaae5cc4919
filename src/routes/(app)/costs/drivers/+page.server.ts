import { error, fail } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as drivers from '$lib/server/allocation/drivers.service';
import { parseDriver } from '$lib/server/allocation/drivers.validation';
import { formValues } from '$lib/server/shared/form';
import { found, queryId, routeId, save, versionOf, yearParam } from '$lib/server/shared/http';
import { currentYear } from '$lib/server/shared/clock';
import { t } from '$lib/server/i18n';
import { carried, uploadedFile } from '$lib/server/shared/upload';
import type { DriverImportCheck } from '$lib/server/allocation/driver-import';
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

const MAX_BYTES = 2 * 1024 * 1024;

/** The preview as the page shows it: problems by row, or the rows to be written. */
function report(check: DriverImportCheck) {
	return {
		errors: check.errors.map((e) => ({ line: e.line, text: t(e.key, e.params) })),
		rows: check.rows.map((r) => ({
			line: r.line,
			processCode: r.processCode,
			driverCode: r.driverCode,
			year: r.year,
			value: r.value
		}))
	};
}

/** The import form's year: rows without a year column take it (none chosen: null). */
function importYear(data: FormData): number | null {
	const raw = data.get('importYear');
	const y = typeof raw === 'string' && raw.trim() ? yearParam(raw.trim(), currentYear(), 0) : null;
	return y || null;
}

export const actions: Actions = {
	importPreview: async ({ request }) => {
		requireCapability('allocation.edit');
		const data = await request.formData();
		const file = await uploadedFile(data, MAX_BYTES);
		if (!file) return fail(400, { form: 'import', message: t('error_no_file') });
		const year = importYear(data);
		const check = await drivers.checkImport(getDb(), file.bytes, file.name, year);
		return {
			form: 'importPreview',
			...report(check),
			fileName: file.name,
			importYear: year,
			payload: check.errors.length ? null : carried(file.bytes)
		};
	},
	importConfirm: async ({ request }) => {
		const actor = requireCapability('allocation.edit');
		const data = await request.formData();
		const file = await uploadedFile(data, MAX_BYTES);
		if (!file) return fail(400, { form: 'import', message: t('error_no_file') });
		const year = importYear(data);
		const done = await drivers.importValues(getDb(), actor.id, file.bytes, file.name, year);
		if (done.errors.length) {
			return fail(400, {
				form: 'importPreview',
				...report(done),
				fileName: file.name,
				importYear: year,
				payload: null
			});
		}
		return { form: 'importConfirm', imported: done.rows.length, sets: done.sets };
	},
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

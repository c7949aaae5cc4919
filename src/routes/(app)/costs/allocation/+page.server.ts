import { error, fail } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { translateErrors } from '$lib/server/i18n';
import * as allocation from '$lib/server/allocation/allocation.service';
import * as lookups from '$lib/server/costs/lookups';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/shared/errors';
import { m } from '$lib/paraglide/messages';
import { yearParam } from '../params';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url.searchParams.get('year'));
	const { units } = await lookups.options(db);
	const unitId = Number(url.searchParams.get('unit')) || units[0]?.id || null;
	const key = unitId ? await allocation.keyFor(db, unitId, year) : null;
	return { year, units, unitId, key, canEdit: can(user.role, 'allocation.edit') };
};

async function save(request: Request, reset: boolean) {
	const actor = requireCapability('allocation.edit');
	const form = await request.formData();
	const unitId = Number(form.get('unit'));
	const year = Number(form.get('year'));
	const version = Number(form.get('version'));
	if (![unitId, year, version].every(Number.isInteger)) error(400, { message: 'bad request' });
	const entries = reset
		? []
		: [...form.entries()]
				.filter(([k]) => /^p\d+$/.test(k))
				.map(([k, v]) => ({ processId: Number(k.slice(1)), percent: String(v).slice(0, 20) }));
	const values = Object.fromEntries(entries.map((e) => [`p${e.processId}`, e.percent]));
	try {
		await allocation.saveKey(getDb(), actor.id, unitId, year, version, entries);
	} catch (e) {
		if (e instanceof ValidationError) {
			return fail(400, {
				values,
				errors: translateErrors(e.errors),
				message: undefined as string | undefined
			});
		}
		if (e instanceof ConflictError) {
			return fail(409, {
				values,
				errors: {} as Record<string, string>,
				message: m.costs_err_key_changed()
			});
		}
		if (e instanceof NotFoundError) {
			return fail(404, {
				values,
				errors: {} as Record<string, string>,
				message: m.error_not_found()
			});
		}
		throw e;
	}
	return { saved: true };
}

export const actions: Actions = {
	save: async ({ request }) => save(request, false),
	reset: async ({ request }) => save(request, true)
};

import { error, fail } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { translateErrors } from '$lib/server/i18n';
import * as entries from '$lib/server/costs/entries.service';
import * as lookups from '$lib/server/costs/lookups';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/shared/errors';
import { m } from '$lib/paraglide/messages';
import { yearParam } from '../params';
import type { Actions, PageServerLoad } from './$types';

const PAGE = 100;

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const q = url.searchParams;
	const filter = {
		year: yearParam(q.get('year')),
		month: Number(q.get('month')) || null,
		orgUnitId: Number(q.get('unit')) || null,
		polozka: /^\d{4}$/.test(q.get('polozka') ?? '') ? q.get('polozka') : null,
		batchId: Number(q.get('batch')) || null,
		manual: q.get('manual') === '1',
		offset: Math.max(0, Number(q.get('offset')) || 0),
		limit: PAGE + 1
	};
	const [rows, options] = await Promise.all([entries.list(db, filter), lookups.options(db)]);
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

function idAndVersion(form: FormData) {
	const id = String(form.get('id') ?? '');
	const version = Number(form.get('version'));
	if (!/^\d+$/.test(id) || !Number.isInteger(version)) error(400, { message: 'bad request' });
	return { id: BigInt(id), version };
}

interface Payload {
	values: Record<string, unknown>;
	errors: Record<string, string>;
	message?: string;
}
const payload = (
	values: Record<string, unknown>,
	errors: Record<string, string>,
	message?: string
): Payload => ({ values, errors, message });

function refusal(e: unknown, key: string, values: Record<string, unknown>) {
	if (e instanceof ValidationError) {
		return fail(400, { [key]: payload(values, translateErrors(e.errors)) });
	}
	if (e instanceof ConflictError) {
		return fail(409, {
			[key]: payload(values, {}, m.costs_err_entry_changed())
		});
	}
	if (e instanceof NotFoundError) {
		return fail(404, { [key]: payload(values, {}, m.error_not_found()) });
	}
	throw e;
}

export const actions: Actions = {
	create: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const values = Object.fromEntries(await request.formData());
		const parsed = entries.parseEntryForm(values);
		const echo = Object.fromEntries(
			Object.entries(values).map(([k, v]) => [k, String(v).slice(0, 500)])
		);
		if (!parsed.ok) return fail(400, { create: payload(echo, translateErrors(parsed.errors)) });
		try {
			const row = await entries.create(getDb(), actor.id, parsed.value);
			return { created: row.id.toString() };
		} catch (e) {
			return refusal(e, 'create', echo);
		}
	},
	update: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const form = await request.formData();
		const { id, version } = idAndVersion(form);
		const values = Object.fromEntries(form);
		const echo = {
			...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v).slice(0, 500)])),
			id: id.toString()
		};
		const parsed = entries.parseEntryForm(values);
		if (!parsed.ok) return fail(400, { update: payload(echo, translateErrors(parsed.errors)) });
		try {
			await entries.update(getDb(), actor.id, id, version, parsed.value);
			return { saved: id.toString() };
		} catch (e) {
			return refusal(e, 'update', echo);
		}
	},
	delete: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const form = await request.formData();
		const { id, version } = idAndVersion(form);
		try {
			await entries.remove(getDb(), actor.id, id, version);
			return { deleted: id.toString() };
		} catch (e) {
			return refusal(e, 'update', { id: id.toString() });
		}
	}
};

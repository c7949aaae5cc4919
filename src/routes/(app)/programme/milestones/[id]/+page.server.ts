import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { currentDate } from '$lib/server/shared/clock';
import * as programme from '$lib/server/programme/programme.service';
import { optionalId, parseMilestone } from '$lib/server/programme/programme.validation';
import { echo, idParam, invalid, refusal, versionOf } from '$lib/server/programme/refusal';
import { NotFoundError } from '$lib/server/shared/errors';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const db = getDb();
	const today = currentDate();
	try {
		const [detail, owners] = await Promise.all([
			programme.getMilestone(db, idParam(params.id), today),
			programme.owners(db)
		]);
		return { ...detail, owners, today, canEdit: can(user.role, 'programme.edit') };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
};

export const actions: Actions = {
	update: async ({ request, params }) => {
		const user = requireCapability('programme.edit');
		const data = await request.formData();
		const values = echo(data);
		const id = idParam(params.id);
		const version = versionOf(data);
		const parsed = parseMilestone(values);
		if (!parsed.ok) return invalid('update', values, parsed.errors);
		try {
			await programme.updateMilestone(getDb(), user, id, version, parsed.value, currentDate());
		} catch (e) {
			return refusal(e, 'update', values);
		}
		return { form: 'update', saved: true };
	},
	addDependency: async ({ request, params }) => {
		const user = requireCapability('programme.edit');
		const data = await request.formData();
		const values = echo(data);
		const errors: Record<string, string> = {};
		const predecessorId = optionalId(values, 'predecessorId', errors);
		if (predecessorId === null) {
			return invalid('dependency', values, {
				predecessorId: errors.predecessorId ?? 'error_required'
			});
		}
		try {
			await programme.addDependency(getDb(), user, idParam(params.id), predecessorId);
		} catch (e) {
			return refusal(e, 'dependency', values);
		}
		return { form: 'dependency', saved: true };
	},
	removeDependency: async ({ request, params }) => {
		const user = requireCapability('programme.edit');
		const data = await request.formData();
		const values = echo(data);
		const errors: Record<string, string> = {};
		const predecessorId = optionalId(values, 'predecessorId', errors);
		if (predecessorId === null) {
			return invalid('dependency', values, { predecessorId: 'error_required' });
		}
		try {
			await programme.removeDependency(getDb(), user, idParam(params.id), predecessorId);
		} catch (e) {
			return refusal(e, 'dependency', values);
		}
		return { form: 'dependency', saved: true };
	}
};

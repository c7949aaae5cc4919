import { redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import * as caf from '$lib/server/caf/caf.service';
import { ids, parseRound } from '$lib/server/caf/caf.validation';
import { getDb } from '$lib/server/db';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const db = getDb();
	const canManage = can(user.role, 'caf.manage');
	const [rounds, users] = await Promise.all([
		caf.list(db, user),
		canManage ? caf.users(db) : Promise.resolve([])
	]);
	return { rounds, users, canManage };
};

export const actions: Actions = {
	create: async ({ request }) => {
		const user = requireCapability('caf.manage');
		const data = await request.formData();
		const values = await formValues(data);
		const parsed = parseRound(values, ids(data.getAll('memberId')), ids(data.getAll('guestId')));
		if (!parsed.ok) return invalid('create', parsed.errors, values);
		let id: number;
		try {
			id = await caf.create(getDb(), user, parsed.value);
		} catch (e) {
			return refuse(e, 'create', values);
		}
		redirect(303, `/caf/${id}`);
	}
};

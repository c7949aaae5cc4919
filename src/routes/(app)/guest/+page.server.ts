import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as guests from '$lib/server/guests/guests.service';
import type { PageServerLoad } from './$types';

/** A guest's first page: what their scope opens, until when. Staff have no use for it. */
export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser();
	if (user.role !== 'guest' || !locals.guest) error(404, { message: 'not found' });
	return { access: await guests.landing(getDb(), locals.guest) };
};

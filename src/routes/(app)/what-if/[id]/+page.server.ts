import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { whatIfBase } from '$lib/server/overview/what-if.service';
import { currentDate } from '$lib/server/shared/clock';
import { NotFoundError } from '$lib/server/shared/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	requireCapability('read');
	const id = Number(params.id);
	if (!Number.isInteger(id) || id <= 0) error(404, { message: 'not found' });
	const thisYear = Number(currentDate().slice(0, 4));
	const asked = Number(url.searchParams.get('year'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
	try {
		return await whatIfBase(getDb(), id, year);
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
};

import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import * as caf from '$lib/server/caf/caf.service';
import { getDb } from '$lib/server/db';
import { ForbiddenError, NotFoundError } from '$lib/server/shared/errors';
import { routeId } from '$lib/server/shared/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireUser();
	const db = getDb();
	try {
		const round = await caf.get(db, user, routeId(params.id));
		const asked = Number(url.searchParams.get('with'));
		const [results, rounds] = await Promise.all([
			caf.results(db, user, round, Number.isSafeInteger(asked) && asked > 0 ? asked : null),
			caf.list(db, user)
		]);
		return { round, results, rounds: rounds.filter((r) => r.id !== round.id) };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		if (e instanceof ForbiddenError) error(403, { message: 'forbidden' });
		throw e;
	}
};

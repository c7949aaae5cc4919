import { requireUser } from '$lib/server/auth/guard';
import * as caf from '$lib/server/caf/caf.service';
import { getDb } from '$lib/server/db';

import { routeId, found } from '$lib/server/shared/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const db = getDb();
	const round = await found(caf.get(db, user, routeId(params.id)));
	const [rows, actions, results] = await Promise.all([
		caf.overview(db, user, round),
		caf.actions(db, round.id, user),
		caf.results(db, user, round, null)
	]);
	return { round, rows, actions, results };
};

import { requireUser } from '$lib/server/auth/guard';
import * as caf from '$lib/server/caf/caf.service';
import { getDb } from '$lib/server/db';

import { routeId, found } from '$lib/server/shared/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireUser();
	const db = getDb();
	const round = await found(caf.get(db, user, routeId(params.id)));
	const asked = Number(url.searchParams.get('with'));
	// The round compared with may be missing or not the reader's, too.
	const [results, rounds] = await found(
		Promise.all([
			caf.results(db, user, round, Number.isSafeInteger(asked) && asked > 0 ? asked : null),
			caf.list(db, user)
		])
	);
	return { round, results, rounds: rounds.filter((r) => r.id !== round.id) };
};

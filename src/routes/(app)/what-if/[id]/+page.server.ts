import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { whatIfBase } from '$lib/server/overview/what-if.service';
import { currentYear } from '$lib/server/shared/clock';

import { routeId, pastYearParam, found } from '$lib/server/shared/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	requireCapability('read');
	const id = routeId(params.id);
	const year = pastYearParam(url, currentYear());
	return found(whatIfBase(getDb(), id, year));
};

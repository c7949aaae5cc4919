import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { goalDrill } from '$lib/server/overview/drill.service';
import { currentYear } from '$lib/server/shared/clock';

import { found, routeId, pastYearParam } from '$lib/server/shared/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	requireCapability('read');
	const id = routeId(params.id);
	const year = pastYearParam(url, currentYear());
	return { year, drill: await found(goalDrill(getDb(), id, year)) };
};

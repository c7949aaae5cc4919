import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as drill from '$lib/server/costs/drill.service';
import { parseDrill } from '$lib/server/costs/drill-query';
import { yearParam } from '$lib/server/shared/http';
import { currentYear } from '$lib/server/shared/clock';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	requireUser();
	const db = getDb();
	const filter = parseDrill(url.searchParams, yearParam(url, currentYear()));
	return { filter, breakdown: await drill.breakdown(db, filter) };
};

import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as overview from '$lib/server/overview/overview.service';
import * as people from '$lib/server/people/people.service';
import { currentDate } from '$lib/server/shared/clock';
import { yearParam } from '$lib/server/shared/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	requireCapability('read');
	const today = currentDate();
	const thisYear = Number(today.slice(0, 4));
	// Figures exist only up to this year: a later year shows this one.
	const asked = yearParam(url, thisYear);
	const year = asked > thisYear ? thisYear : asked;
	const [o, peopleRisk, savedFte] = await Promise.all([
		overview.get(getDb(), year, today),
		people.risk(getDb(), today),
		people.savedFte(getDb(), year)
	]);
	return { overview: o, peopleRisk, savedFte, today };
};

import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as models from '$lib/server/models/models.service';
import * as overview from '$lib/server/overview/overview.service';
import * as people from '$lib/server/people/people.service';
import { currentDate } from '$lib/server/shared/clock';
import { pastYearParam } from '$lib/server/shared/http';
import type { PageServerLoad } from './$types';

async function overviewFigures(year: number, today: string) {
	const [o, peopleRisk, modelled] = await Promise.all([
		overview.get(getDb(), year, today),
		people.risk(getDb(), today),
		models.modelledHoursByProcess(getDb(), year)
	]);
	// The savings tile's hours in FTE: the same hours the tile shows, in the office's yearly hours.
	const savedFte = await people.savedFte(getDb(), o.savings.realizedYear.hours);
	// The opportunity matrix names the modelled hours of the processes whose model has times.
	const modelledHours = Object.fromEntries(
		[...modelled].filter(([, h]) => h.timed).map(([id, h]) => [id, h.hours])
	);
	return { overview: o, peopleRisk, savedFte, modelledHours };
}

export const load: PageServerLoad = async ({ url, locals }) => {
	requireCapability('read');
	const today = currentDate();
	const year = pastYearParam(url, Number(today.slice(0, 4)));
	// Everything here is the same for every user until the data changes (or the day does): kept
	// per data version, so a busy overview costs one small query and the rendering.
	const figures = await overview.perDataVersion(
		getDb(),
		`overview-page|${year}|${today}`,
		() => overviewFigures(year, today),
		locals.dataVersion
	);
	// A year asked for that has no figures is said, not silently replaced.
	const askedYear = url.searchParams.get('year');
	const yearUnavailable = askedYear !== null && askedYear !== String(year) ? askedYear : null;
	return { ...figures, today, yearUnavailable };
};

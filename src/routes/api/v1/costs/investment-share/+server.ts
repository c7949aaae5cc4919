import { apiGet, yearParam } from '$lib/server/api/guard';
import * as read from '$lib/server/api/read.repository';
import * as costs from '$lib/server/costs/costs.service';
import { currentYear } from '$lib/server/shared/clock';

/** The investment share per year with its parts, by the one definition pages and KPIs use. */
export const GET = apiGet('read', async ({ db, url }) => {
	const year = yearParam(url);
	const years = year === null ? await costs.years(db, currentYear()) : [year];
	return { data: await read.investmentShare(db, years) };
});

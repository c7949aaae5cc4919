import { apiGet, yearParam } from '$lib/server/api/guard';
import * as read from '$lib/server/api/read.repository';
import { currentDate } from '$lib/server/shared/clock';

export const GET = apiGet('read', async ({ db, url }) => ({
	data: await read.kpisWithSeries(db, yearParam(url) ?? Number(currentDate().slice(0, 4)))
}));

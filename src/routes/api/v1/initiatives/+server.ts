import { apiGet, yearParam } from '$lib/server/api/guard';
import * as read from '$lib/server/api/read.repository';
import { todayInPrague } from '$lib/server/programme/milestone-status';

export const GET = apiGet('read', async ({ db, url }) => ({
	data: await read.initiatives(db, yearParam(url) ?? Number(todayInPrague().slice(0, 4)))
}));

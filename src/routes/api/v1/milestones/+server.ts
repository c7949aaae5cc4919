import { apiGet } from '$lib/server/api/guard';
import * as read from '$lib/server/api/read.repository';
import { todayInPrague } from '$lib/server/programme/milestone-status';

export const GET = apiGet('read', async ({ db }) => ({
	data: await read.milestones(db, todayInPrague())
}));

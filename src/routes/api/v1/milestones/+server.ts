import { apiGet } from '$lib/server/api/guard';
import * as read from '$lib/server/api/read.repository';
import { currentDate } from '$lib/server/shared/clock';

export const GET = apiGet('read', async ({ db }) => ({
	data: await read.milestones(db, currentDate())
}));

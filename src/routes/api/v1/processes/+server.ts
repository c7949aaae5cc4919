import { apiGet, yearParam } from '$lib/server/api/guard';
import * as read from '$lib/server/api/read.repository';

export const GET = apiGet('read', async ({ db, url }) => ({
	data: await read.processes(db, yearParam(url))
}));

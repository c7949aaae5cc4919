import { apiGet } from '$lib/server/api/guard';
import * as read from '$lib/server/api/read.repository';

export const GET = apiGet('read', async ({ db }) => ({ data: await read.kpis(db) }));

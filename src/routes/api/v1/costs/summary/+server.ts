import { apiGet, yearParam } from '$lib/server/api/guard';
import * as read from '$lib/server/api/read.repository';
import { czkText } from '$lib/money';

export const GET = apiGet('read', async ({ db, url }) => {
	const rows = await read.costSummary(db, yearParam(url));
	return { data: rows.map((r) => ({ ...r, amount: czkText(r.amount) })) };
});

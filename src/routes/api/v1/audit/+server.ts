import { apiGet, BadRequest } from '$lib/server/api/guard';
import * as read from '$lib/server/api/read.repository';

// The audit log is for admins and managers only, through the API as in the app.
export const GET = apiGet('audit.read', async ({ db, url }) => {
	const limit = Number(url.searchParams.get('limit') ?? 100);
	const beforeRaw = url.searchParams.get('before');
	if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
		throw new BadRequest('limit must be between 1 and 1000');
	}
	if (beforeRaw !== null && !/^\d{1,18}$/.test(beforeRaw)) {
		throw new BadRequest('before must be an event id');
	}
	const data = await read.auditEvents(db, limit, beforeRaw === null ? null : BigInt(beforeRaw));
	return { data, next: data.length === limit ? data[data.length - 1].id : null };
});

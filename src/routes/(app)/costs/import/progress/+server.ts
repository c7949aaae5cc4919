import { json } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { progressId, progressOf } from '$lib/server/imports/progress';
import type { RequestHandler } from './$types';

/** How far the user's import has got (rows read, checked, writing): the import screen polls it. */
export const GET: RequestHandler = async ({ url }) => {
	const user = requireCapability('costs.import');
	const progress = progressOf(user.id, progressId(url.searchParams.get('id')));
	return json({ progress }, { headers: { 'cache-control': 'no-store' } });
};

import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicPage } from '$lib/server/overview/public.service';
import type { PageServerLoad } from './$types';

// Public by design: no sign-in. It shows only what an admin chose to publish, and does not exist
// (404) until an admin turns it on.
export const load: PageServerLoad = async ({ setHeaders }) => {
	const data = await publicPage(getDb());
	if (!data) error(404, { message: 'not found' });
	// Short: when an admin turns the page off, caches must let go of it soon.
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return data;
};

import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as goals from '$lib/server/goals/goals.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireUser();
	return { coverage: await goals.coverage(getDb()) };
};

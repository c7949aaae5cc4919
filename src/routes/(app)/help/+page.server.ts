import { requireUser } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

// Help is for everyone signed in; it reads nothing from the database.
export const load: PageServerLoad = async () => {
	requireUser();
	return {};
};

import { requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { importersFor } from '$lib/help/samples';
import type { PageServerLoad } from './$types';

// Help is for everyone signed in; it reads nothing from the database. The import screens are
// linked only for those who may use them.
export const load: PageServerLoad = async () => {
	const user = requireUser();
	return { importers: importersFor((c) => can(user.role, c)) };
};

import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { isHelpArea } from '$lib/help/areas';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	requireUser();
	if (!isHelpArea(params.area)) error(404, { message: 'not_found' });
	return { area: params.area };
};

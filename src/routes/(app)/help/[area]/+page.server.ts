import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { isHelpArea } from '$lib/help/areas';
import { importersFor } from '$lib/help/samples';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	if (!isHelpArea(params.area)) error(404, { message: 'not_found' });
	return { area: params.area, importers: importersFor((c) => can(user.role, c)) };
};

import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { HELP, isHelpArea } from '$lib/help/areas';
import { importersFor } from '$lib/help/samples';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	if (!isHelpArea(params.area)) error(404, { message: 'not_found' });
	const needs = HELP[params.area].needs;
	return {
		area: params.area,
		importers: importersFor((c) => can(user.role, c)),
		// The area's own page is linked only for those it opens to.
		mayOpen: !needs || can(user.role, needs)
	};
};

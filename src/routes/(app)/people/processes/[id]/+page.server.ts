import { requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { roleActions } from '$lib/server/people/actions';
import * as people from '$lib/server/people/people.service';
import * as processes from '$lib/server/processes/processes.service';
import { currentDate, currentYear } from '$lib/server/shared/clock';

import { routeId, found } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const db = getDb();
	const id = routeId(params.id);
	const card = await found(processes.get(db, id, currentYear()));
	const roles = await people.processPeople(db, user, id, currentDate());
	return {
		process: { id, code: card.code, name: card.name },
		...roles,
		canEdit: can(user.role, 'people.edit'),
		canInitiate: can(user.role, 'initiatives.edit')
	};
};

export const actions: Actions = {
	assign: roleActions.assign,
	unassign: roleActions.unassign,
	requirement: roleActions.requirement,
	training: roleActions.training,
	initiative: roleActions.initiative
};

import { requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as orgUnits from '$lib/server/org-units/org-units.service';
import { roleActions } from '$lib/server/people/actions';
import * as people from '$lib/server/people/people.service';
import { currentDate } from '$lib/server/shared/clock';
import { queryId } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const user = requireUser();
	const db = getDb();
	const today = currentDate();
	const unitId = Number(url.searchParams.get('unit')) || null;
	const onlySpofs = url.searchParams.get('spof') === '1';
	// The row whose assign form is open (`?assign=<role id>`): one form, not one per row.
	const assigning = Number(url.searchParams.get('assign')) || null;
	// A large office has a thousand roles: the list shows them a page at a time, SPOFs first, and
	// a unit's matrix a page of roles (`mrows`) × a page of people (`mcols`).
	const [page, units] = await Promise.all([
		people.keptCoveragePage(
			db,
			user,
			today,
			{
				orgUnitId: unitId,
				onlySpofs,
				page: queryId(url, 'page') ?? 1,
				assigning,
				matrixRoles: queryId(url, 'mrows') ?? 1,
				matrixPeople: queryId(url, 'mcols') ?? 1
			},
			locals.dataVersion
		),
		orgUnits.list(db)
	]);
	return {
		...page,
		unitId,
		onlySpofs,
		assigning,
		units: units.map((u) => ({ value: String(u.id), label: u.name })),
		canEdit: can(user.role, 'people.edit'),
		canInitiate: can(user.role, 'initiatives.edit')
	};
};

export const actions: Actions = {
	assign: roleActions.assign,
	unassign: roleActions.unassign,
	training: roleActions.training,
	initiative: roleActions.initiative
};

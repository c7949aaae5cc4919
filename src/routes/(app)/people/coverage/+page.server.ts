import { requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as orgUnits from '$lib/server/org-units/org-units.service';
import { roleActions } from '$lib/server/people/actions';
import * as people from '$lib/server/people/people.service';
import { currentDate } from '$lib/server/shared/clock';
import { queryId } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

/** Roles listed on one page of the coverage list. */
const COVERAGE_PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const today = currentDate();
	const unitId = Number(url.searchParams.get('unit')) || null;
	const onlySpofs = url.searchParams.get('spof') === '1';
	// The row whose assign form is open (`?assign=<role id>`): one form, not one per row.
	const assigning = Number(url.searchParams.get('assign')) || null;
	const [page, units] = await Promise.all([
		people.coveragePage(db, user, today, unitId),
		orgUnits.list(db)
	]);
	const { rows, matrix, candidates } = page;
	// A large office has a thousand roles: the list shows them a page at a time, SPOFs first.
	const listed = onlySpofs ? rows.filter((r) => r.spof) : rows;
	const pageNumber = Math.min(
		queryId(url, 'page') ?? 1,
		Math.max(1, Math.ceil(listed.length / COVERAGE_PAGE_SIZE))
	);
	const from = (pageNumber - 1) * COVERAGE_PAGE_SIZE;
	return {
		rows: listed.slice(from, from + COVERAGE_PAGE_SIZE),
		shown: {
			page: pageNumber,
			from: from + 1,
			to: Math.min(listed.length, from + COVERAGE_PAGE_SIZE),
			total: listed.length
		},
		spofCount: rows.filter((r) => r.spof).length,
		unitId,
		onlySpofs,
		assigning,
		units: units.map((u) => ({ value: String(u.id), label: u.name })),
		matrix,
		candidates,
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

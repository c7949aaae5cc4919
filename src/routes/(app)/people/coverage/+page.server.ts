import { requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as orgUnits from '$lib/server/org-units/org-units.service';
import { roleActions } from '$lib/server/people/actions';
import * as people from '$lib/server/people/people.service';
import { currentDate } from '$lib/server/shared/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const today = currentDate();
	const unitId = Number(url.searchParams.get('unit')) || null;
	const onlySpofs = url.searchParams.get('spof') === '1';
	const [rows, units, matrix, candidates] = await Promise.all([
		people.coverageReport(db, user, today, { orgUnitId: unitId }),
		orgUnits.list(db),
		unitId ? people.unitMatrix(db, user, today, unitId) : null,
		can(user.role, 'people.edit') ? people.staff(db, user, today) : null
	]);
	return {
		rows: onlySpofs ? rows.filter((r) => r.spof) : rows,
		spofCount: rows.filter((r) => r.spof).length,
		unitId,
		onlySpofs,
		units: units.map((u) => ({ value: String(u.id), label: u.name })),
		matrix,
		candidates:
			candidates?.names === true
				? candidates.people
						.filter((p) => p.employed)
						.map((p) => ({ value: String(p.id), label: `${p.name} (${p.orgUnitName})` }))
				: [],
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

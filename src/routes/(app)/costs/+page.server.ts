import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as costs from '$lib/server/costs/costs.service';
import * as settings from '$lib/server/settings/settings.service';
import { parseShareTarget } from '$lib/server/settings/settings';
import { currentYear } from '$lib/server/shared/clock';
import { formValues } from '$lib/server/shared/form';
import { queryId, save, yearParam } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url, currentYear());
	const asked = Number(url.searchParams.get('page'));
	const processPage = Number.isInteger(asked) && asked > 0 ? asked : 1;
	const sort = url.searchParams.get('sort');
	const order = {
		by: sort === 'name' || sort === 'cost' ? sort : 'code',
		dir: url.searchParams.get('dir') === 'desc' ? 'desc' : 'asc'
	} as const;
	const processId = queryId(url, 'process');
	const asks = url.searchParams.get('yoy');
	const yoyBy = asks === 'polozka' || asks === 'unit' ? asks : 'paragraf';
	const page = await costs.keptCostsPage(
		db,
		{ year, currentYear: currentYear(), processPage, view: { order, processId }, yoyBy },
		locals.dataVersion
	);
	return {
		year,
		...page,
		order,
		processId,
		canEdit: can(user.role, 'costs.edit')
	};
};

export const actions: Actions = {
	// The same target as /admin/settings sets, and the overview shows: one setting, one parser.
	target: async ({ request }) => {
		const actor = requireCapability('costs.edit');
		const values = await formValues(request);
		const parsed = parseShareTarget(values);
		// Settings are versioned by when they were saved, not by a number.
		return save('target', values, parsed, (target) =>
			settings.saveInvestmentShareTarget(getDb(), actor.id, values.version ?? '', target)
		);
	}
};

import { redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as models from '$lib/server/models/models.service';
import * as orgUnits from '$lib/server/org-units/org-units.service';
import { invalid, queryId, refuse, yearParam } from '$lib/server/shared/http';
import { currentYear } from '$lib/server/shared/clock';
import { formValues } from '$lib/server/shared/form';
import { CRITERIA, WEIGHTS } from '$lib/server/processes/potential';
import { PROCESS_KINDS, PROCESS_STATUSES } from '$lib/server/processes/processes';
import * as processes from '$lib/server/processes/processes.service';
import { parseProcess } from '$lib/server/processes/processes.validation';
import type { Actions, PageServerLoad } from './$types';

const SORTS = ['code', 'name', 'potential', 'volume'] as const;

function pick<T extends string>(value: string | null, options: readonly T[]): T | null {
	return value && (options as readonly string[]).includes(value) ? (value as T) : null;
}

function minPotential(value: string | null): number | null {
	const n = Number(value);
	return value && Number.isInteger(n) && n >= 0 && n <= 100 ? n : null;
}

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url, currentYear());
	const filters = {
		year,
		kind: pick(url.searchParams.get('kind'), PROCESS_KINDS),
		status: pick(url.searchParams.get('status'), PROCESS_STATUSES),
		orgUnitId: queryId(url, 'unit'),
		ownerId: queryId(url, 'owner'),
		q: url.searchParams.get('q')?.trim().slice(0, 100) || null,
		minPotential: minPotential(url.searchParams.get('potential')),
		sort: pick(url.searchParams.get('sort'), SORTS) ?? 'code'
	};
	const [list, units, owners, coverage] = await Promise.all([
		processes.list(db, filters),
		orgUnits.list(db),
		processes.owners(db),
		models.coverage(db)
	]);
	const modelled = Object.fromEntries(coverage);
	return {
		processes: list,
		modelled,
		keyWithoutModel: list.filter((p) => p.kind === 'core' && !coverage.has(p.id)).length,
		filters,
		units,
		owners,
		criteria: CRITERIA.map((c) => ({ key: c, weight: WEIGHTS[c] })),
		canCreate: can(user.role, 'processes.edit')
	};
};

export const actions: Actions = {
	create: async ({ request }) => {
		const actor = requireCapability('processes.edit');
		const values = await formValues(request);
		const parsed = parseProcess(values);
		if (!parsed.ok) return invalid('create', parsed.errors, values);
		let id: number;
		try {
			id = await processes.create(getDb(), actor, parsed.value);
		} catch (e) {
			return refuse(e, 'create', values);
		}
		redirect(303, `/processes/${id}`);
	}
};

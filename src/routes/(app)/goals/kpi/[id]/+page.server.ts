import { redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as goals from '$lib/server/goals/goals.service';
import { canonicalPeriod, owedPeriods } from '$lib/server/kpis/period';
import * as kpis from '$lib/server/kpis/kpis.service';
import { parseKpi, parseTarget } from '$lib/server/kpis/kpis.validation';
import { invalid, refuse, routeId, versionOf, save, found } from '$lib/server/shared/http';
import { formValues } from '$lib/server/shared/form';

import { currentDate } from '$lib/server/shared/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireUser();
	const db = getDb();
	const kpi = await found(kpis.get(db, routeId(params.id)));
	const today = currentDate();
	const owed = owedPeriods(today, kpi.frequency).filter(
		(o) => !kpi.periods.some((p) => p.period === o.period && p.actual !== null)
	);
	const asked = canonicalPeriod(url.searchParams.get('period') ?? '');
	const canEdit = can(user.role, 'goals.edit');
	const [history, goalOptions, responsibles] = await Promise.all([
		kpis.history(db, kpi.id),
		canEdit ? goals.options(db) : Promise.resolve([]),
		canEdit ? kpis.responsibles(db) : Promise.resolve([])
	]);
	return {
		kpi,
		history,
		goalOptions,
		responsibles,
		recordPeriod: asked ?? owed.at(-1)?.period ?? kpi.periods.at(-1)?.period ?? '',
		canRecord: kpis.canRecord(user, kpi.responsibleId),
		canTarget: can(user.role, 'kpi_targets.edit'),
		canEdit,
		today
	};
};

async function kpiFor(id: number) {
	return kpis.get(getDb(), id);
}

export const actions: Actions = {
	actual: async ({ request, params }) => {
		const actor = requireCapability('kpi_actuals.record', 'kpi_actuals.record_own');
		const id = routeId(params.id);
		const values = await formValues(request);
		return save('actual', values, () =>
			kpis.recordActual(getDb(), actor, id, versionOf(values), {
				period: values.period ?? '',
				value: values.value ?? '',
				comment: values.comment?.trim() || null,
				confirmed: values.confirm === '1'
			})
		);
	},
	target: async ({ request, params }) => {
		const actor = requireCapability('kpi_targets.edit');
		const id = routeId(params.id);
		const values = await formValues(request);
		let kpi;
		try {
			kpi = await kpiFor(id);
		} catch (e) {
			return refuse(e, 'target');
		}
		const parsed = parseTarget(values, kpi);
		if (!parsed.ok) return invalid('target', parsed.errors, values);
		// The version of the target the form showed for this period, if it showed one.
		const shown = kpi.periods.find((p) => p.period === parsed.value.period)?.targetVersion ?? null;
		const version = values.period === values.shownPeriod ? versionOf(values) : shown;
		return save('target', values, () => kpis.setTarget(getDb(), actor, id, version, parsed.value));
	},
	update: async ({ request, params }) => {
		const actor = requireCapability('goals.edit');
		const values = await formValues(request);
		const parsed = parseKpi(values);
		const version = versionOf(values, { required: true });
		return save('update', values, parsed, (value) =>
			kpis.update(getDb(), actor, routeId(params.id), version, value)
		);
	},
	delete: async ({ params }) => {
		const actor = requireCapability('goals.edit');
		let goalId: number | null = null;
		try {
			const id = routeId(params.id);
			goalId = (await kpiFor(id)).goalId;
			await kpis.remove(getDb(), actor, id);
		} catch (e) {
			return refuse(e, 'delete');
		}
		redirect(303, goalId ? `/goals/${goalId}` : '/goals');
	}
};

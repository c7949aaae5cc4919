import { error } from '@sveltejs/kit';
import { isArea } from '$lib/adoption-areas';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as adoption from '$lib/server/adoption/adoption.service';
import { pageViews } from '$lib/server/adoption/page-views';
import * as notifications from '$lib/server/notifications/notifications.service';
import * as mailPreference from '$lib/server/notifications/preferences.service';
import { mailerFromEnv, originFromEnv } from '$lib/server/notifications/scheduler';
import { currentMonth, systemClock } from '$lib/server/shared/clock';
import { FormReader, formValues } from '$lib/server/shared/form';
import { invalid, refuse, save } from '$lib/server/shared/http';
import { ForbiddenError } from '$lib/server/shared/errors';
import { monthParam } from './month';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	let scope: adoption.Scope;
	try {
		scope = await adoption.scopeFor(db, user);
	} catch (e) {
		if (!(e instanceof ForbiddenError)) throw e;
		// A role that may be an ambassador learns how to become one; a viewer is refused.
		if (!can(user.role, 'adoption.remind')) error(403, { message: 'forbidden' });
		return {
			report: null,
			pilots: [],
			scopeAll: false,
			thisMonth: currentMonth(),
			mail: null,
			webhooks: []
		};
	}
	const month = monthParam(url.searchParams.get('month'), currentMonth());
	// The views this process has counted and not yet written count too.
	await pageViews.flush();
	const [report, queue, failures, pilots, webhooks] = await Promise.all([
		adoption.report(db, scope, month),
		scope.all ? notifications.queueCounts(db) : null,
		scope.all ? notifications.queueFailures(db) : [],
		scope.all ? adoption.pilots(db) : [],
		scope.all ? mailPreference.webhooks(db) : []
	]);
	return {
		report,
		pilots,
		scopeAll: scope.all,
		thisMonth: currentMonth(),
		mail: scope.all ? { configured: mailerFromEnv() !== null, queue, failures } : null,
		webhooks
	};
};

export const actions: Actions = {
	pilot: async ({ request }) => {
		const actor = requireCapability('adoption.manage');
		const values = await formValues(request);
		const f = new FormReader(values);
		const orgUnitId = f.id('orgUnitId', { required: true });
		if (!f.ok) return invalid('pilot', f.errors, values);
		return save('pilot', values, () =>
			adoption.setPilot(getDb(), actor, orgUnitId!, f.bool('pilot'))
		);
	},
	pilotAreas: async ({ request }) => {
		const actor = requireCapability('adoption.manage');
		// Checked boxes repeat their name, so the areas are read from the form data itself.
		const data = await request.formData();
		const values = await formValues(data);
		const f = new FormReader(values);
		const orgUnitId = f.id('orgUnitId', { required: true });
		if (!f.ok) return invalid('pilotAreas', f.errors, values);
		const areas = data.getAll('areas').filter(isArea);
		return save('pilotAreas', values, () =>
			adoption.setPilotAreas(getDb(), actor, orgUnitId!, areas)
		);
	},
	member: async ({ request }) => {
		const actor = requireCapability('adoption.manage');
		const values = await formValues(request);
		const f = new FormReader(values);
		const userId = f.id('userId', { required: true });
		const orgUnitId = f.id('orgUnitId');
		if (!f.ok) return invalid('member', f.errors, values);
		return save('member', values, () =>
			adoption.setMember(getDb(), actor, userId!, orgUnitId, f.bool('ambassador'))
		);
	},
	webhook: async ({ request }) => {
		const actor = requireCapability('adoption.manage');
		const values = await formValues(request);
		return save('webhook', values, mailPreference.parseWebhook(values), (value) =>
			mailPreference.saveWebhook(getDb(), actor.id, value, systemClock)
		);
	},
	sendDigests: async () => {
		requireCapability('adoption.manage');
		const db = getDb();
		const queued = await notifications.enqueueDigests(db, systemClock, originFromEnv());
		const result = await notifications.sendDue(db, mailerFromEnv(), systemClock);
		return { form: 'sendDigests', queued, sent: result.sent };
	},
	remind: async ({ request }) => {
		const actor = requireCapability('adoption.remind');
		const values = await formValues(request);
		const f = new FormReader(values);
		const colleagueId = f.id('colleagueId', { required: true });
		if (!f.ok) return invalid('remind', f.errors, values);
		const db = getDb();
		try {
			const result = await adoption.remind(db, actor, colleagueId!, systemClock, originFromEnv());
			if (result.queued) await notifications.sendDue(db, mailerFromEnv(), systemClock);
			return { form: 'remind', ...result };
		} catch (e) {
			return refuse(e, 'remind', values);
		}
	}
};

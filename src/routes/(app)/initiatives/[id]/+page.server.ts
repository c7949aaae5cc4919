import { error } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as initiatives from '$lib/server/initiatives/initiatives.service';
import {
	ids,
	parseBudget,
	parseInitiative,
	parseSaving,
	parseStatus
} from '$lib/server/initiatives/initiatives.validation';
import { currentDate } from '$lib/server/shared/clock';
import * as programme from '$lib/server/programme/programme.service';
import { optionalText } from '$lib/server/programme/programme.validation';
import { echo, idParam, invalid, refusal, versionOf } from '$lib/server/programme/refusal';
import { NotFoundError } from '$lib/server/shared/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const db = getDb();
	const today = currentDate();
	try {
		const [initiative, options, owners] = await Promise.all([
			initiatives.get(db, idParam(params.id), today),
			initiatives.linkOptions(db),
			programme.owners(db)
		]);
		return {
			initiative,
			options,
			owners,
			today,
			canEdit: can(user.role, 'initiatives.edit'),
			canApprove: can(user.role, 'initiatives.approve'),
			canRecordSavings: can(user.role, 'savings.record')
		};
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
};

async function changeStatus(request: Request, id: number, approve: boolean) {
	const user = approve
		? requireCapability('initiatives.approve')
		: requireCapability('initiatives.edit');
	const data = await request.formData();
	const values = echo(data);
	const to = approve ? 'approved' : parseStatus(data.get('to'));
	if (!to) return invalid('status', values, { status: 'programme_error_transition' });
	const errors: Record<string, string> = {};
	const note = optionalText(values, 'note', errors, 1000);
	if (Object.keys(errors).length) return invalid('status', values, errors);
	try {
		await initiatives.changeStatus(getDb(), user, id, versionOf(data), to, note);
	} catch (e) {
		return refusal(e, 'status', values);
	}
	return { form: 'status', saved: true };
}

export const actions: Actions = {
	update: async ({ request, params }) => {
		const user = requireCapability('initiatives.edit');
		const data = await request.formData();
		const values = echo(data);
		const parsed = parseInitiative(values);
		if (!parsed.ok) return invalid('update', values, parsed.errors);
		try {
			await initiatives.update(getDb(), user, idParam(params.id), versionOf(data), parsed.value);
		} catch (e) {
			return refusal(e, 'update', values);
		}
		return { form: 'update', saved: true };
	},
	budget: async ({ request, params }) => {
		const user = requireCapability('initiatives.edit');
		const data = await request.formData();
		const values = echo(data);
		const parsed = parseBudget(values);
		if (!parsed.ok) return invalid('budget', values, parsed.errors);
		try {
			await initiatives.setBudget(
				getDb(),
				user,
				idParam(params.id),
				versionOf(data),
				parsed.value.year,
				parsed.value.amount
			);
		} catch (e) {
			return refusal(e, 'budget', values);
		}
		return { form: 'budget', saved: true };
	},
	status: async ({ request, params }) => changeStatus(request, idParam(params.id), false),
	approve: async ({ request, params }) => changeStatus(request, idParam(params.id), true),
	saving: async ({ request, params }) => {
		const user = requireCapability('savings.record');
		const data = await request.formData();
		const values = echo(data);
		const parsed = parseSaving(values, currentDate());
		if (!parsed.ok) return invalid('saving', values, parsed.errors);
		try {
			await initiatives.recordSaving(getDb(), user, idParam(params.id), parsed.value);
		} catch (e) {
			return refusal(e, 'saving', values);
		}
		return { form: 'saving', saved: true };
	},
	links: async ({ request, params }) => {
		const user = requireCapability('initiatives.edit');
		const data = await request.formData();
		try {
			await initiatives.setLinks(getDb(), user, idParam(params.id), versionOf(data), {
				goalIds: ids(data.getAll('goalId')),
				processIds: ids(data.getAll('processId')),
				kpiIds: ids(data.getAll('kpiId'))
			});
		} catch (e) {
			return refusal(e, 'links', echo(data));
		}
		return { form: 'links', saved: true };
	}
};

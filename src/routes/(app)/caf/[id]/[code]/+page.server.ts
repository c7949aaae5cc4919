import { error } from '@sveltejs/kit';
import { kindOf } from '$lib/caf/model';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import * as caf from '$lib/server/caf/caf.service';
import { parseAction, parseLink, parseScore } from '$lib/server/caf/caf.validation';
import { getDb } from '$lib/server/db';
import { currentYear } from '$lib/server/shared/clock';
import { ForbiddenError, NotFoundError } from '$lib/server/shared/errors';
import { formValues, type FormValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const db = getDb();
	try {
		const detail = await caf.subcriterionDetail(
			db,
			user,
			routeId(params.id),
			params.code,
			currentYear()
		);
		const rights = detail.round.rights;
		const [options, users] = await Promise.all([
			rights.canLink ? caf.linkOptions(db) : null,
			rights.canPlan ? caf.users(db) : []
		]);
		return {
			detail,
			options,
			users,
			canMakeInitiative: can(user.role, 'initiatives.edit') && rights.canPlan
		};
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		if (e instanceof ForbiddenError) error(403, { message: 'forbidden' });
		throw e;
	}
};

/**
 * The round's scoring mode decides which fields a score form has. An own score is open to every
 * signed-in user the service lets score (panel members and invited guest assessors, who hold a
 * viewer account); the consensus needs `caf.take_part`.
 */
async function scoreInput(roundId: number, code: string, values: FormValues, own: boolean) {
	const user = own ? requireUser() : requireCapability('caf.take_part');
	const round = await caf.get(getDb(), user, roundId);
	const fine = round.scoringMode === 'fine_tuned';
	return { user, parsed: parseScore(values, fine, kindOf(code) === 'enabler' ? 4 : 2) };
}

export const actions: Actions = {
	score: async ({ request, params }) => {
		requireUser();
		const values = await formValues(request);
		const roundId = routeId(params.id);
		try {
			const { user, parsed } = await scoreInput(roundId, params.code, values, true);
			if (!parsed.ok) return invalid('score', parsed.errors, values);
			await caf.score(getDb(), user, roundId, params.code, versionOf(values), parsed.value);
		} catch (e) {
			return refuse(e, 'score', values);
		}
		return { form: 'score', saved: true };
	},
	consensus: async ({ request, params }) => {
		requireCapability('caf.take_part');
		const values = await formValues(request);
		const roundId = routeId(params.id);
		try {
			const { user, parsed } = await scoreInput(roundId, params.code, values, false);
			if (!parsed.ok) return invalid('consensus', parsed.errors, values);
			await caf.recordConsensus(
				getDb(),
				user,
				roundId,
				params.code,
				versionOf(values),
				parsed.value
			);
		} catch (e) {
			return refuse(e, 'consensus', values);
		}
		return { form: 'consensus', saved: true };
	},
	link: async ({ request, params }) => {
		const user = requireCapability('caf.take_part', 'caf.manage');
		const values = await formValues(request);
		const [kind, id] = (values.target ?? '').split(':');
		const parsed = parseLink({ kind, targetId: id });
		if (!parsed.ok) return invalid('link', { target: 'error_choice' }, values);
		try {
			await caf.link(
				getDb(),
				user,
				routeId(params.id),
				params.code,
				parsed.value.kind,
				parsed.value.targetId
			);
		} catch (e) {
			return refuse(e, 'link', values);
		}
		return { form: 'link', saved: true };
	},
	unlink: async ({ request, params }) => {
		const user = requireCapability('caf.take_part', 'caf.manage');
		const values = await formValues(request);
		try {
			await caf.unlink(getDb(), user, routeId(params.id), routeId(values.linkId));
		} catch (e) {
			return refuse(e, 'link', values);
		}
		return { form: 'link', saved: true };
	},
	createAction: async ({ request, params }) => {
		const user = requireCapability('caf.take_part', 'caf.manage');
		const values = await formValues(request);
		const parsed = parseAction({ ...values, subcriterionCode: params.code });
		if (!parsed.ok) return invalid('action', parsed.errors, values);
		try {
			await caf.createAction(getDb(), user, routeId(params.id), parsed.value);
		} catch (e) {
			return refuse(e, 'action', values);
		}
		return { form: 'action', saved: true };
	}
};

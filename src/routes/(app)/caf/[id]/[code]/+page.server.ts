import { error } from '@sveltejs/kit';
import { kindOf } from '$lib/caf/model';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import * as caf from '$lib/server/caf/caf.service';
import { parseAction, parseLink, parseScore } from '$lib/server/caf/caf.validation';
import { getDb } from '$lib/server/db';
import { currentYear } from '$lib/server/shared/clock';

import { formValues, type FormValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf, save, found } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const db = getDb();
	const detail = await found(
		caf.subcriterionDetail(db, user, routeId(params.id), params.code, currentYear())
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
};

/**
 * The round's scoring mode decides which fields a score form has. An own score is open to every
 * signed-in user the service lets score (panel members and invited guest assessors, who hold a
 * viewer account); the consensus needs `caf.take_part`.
 */
async function scoreInput(roundId: number, code: string, values: FormValues, own: boolean) {
	const user = own ? requireUser() : requireCapability('caf.take_part');
	const round = await caf.get(getDb(), user, roundId);
	// A guest account reads the round; it scores only from a guest seat on the panel (given by the
	// admin with the invitation), before its form is even read.
	if (user.role === 'guest' && !round.rights.isMember) error(403, { message: 'forbidden' });
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
		return save('link', values, () =>
			caf.link(
				getDb(),
				user,
				routeId(params.id),
				params.code,
				parsed.value.kind,
				parsed.value.targetId
			)
		);
	},
	unlink: async ({ request, params }) => {
		const user = requireCapability('caf.take_part', 'caf.manage');
		const values = await formValues(request);
		return save('link', values, () =>
			caf.unlink(getDb(), user, routeId(params.id), routeId(values.linkId))
		);
	},
	createAction: async ({ request, params }) => {
		const user = requireCapability('caf.take_part', 'caf.manage');
		const values = await formValues(request);
		const parsed = parseAction({ ...values, subcriterionCode: params.code });
		return save('action', values, parsed, (value) =>
			caf.createAction(getDb(), user, routeId(params.id), value)
		);
	}
};

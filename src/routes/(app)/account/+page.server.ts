import { throttledFailure } from '$lib/server/auth/throttled';
import { requireUser } from '$lib/server/auth/guard';
import { checkOwnPassword } from '$lib/server/auth/login.service';
import { ABSOLUTE_DAYS, IDLE_DAYS } from '$lib/server/auth/session';
import {
	endOtherSessions,
	endSession,
	mySessions,
	sessionHandle
} from '$lib/server/auth/sessions.service';
import { getDb } from '$lib/server/db';
import * as users from '$lib/server/users/users.service';
import * as mailPreference from '$lib/server/notifications/preferences.service';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse } from '$lib/server/shared/http';
import { systemClock } from '$lib/server/shared/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser();
	return {
		sessions: await mySessions(getDb(), user.id, locals.session!.id),
		idleDays: IDLE_DAYS,
		absoluteDays: ABSOLUTE_DAYS,
		mail: await mailPreference.get(getDb(), user.id)
	};
};

export const actions: Actions = {
	changePassword: async ({ request, locals, getClientAddress, setHeaders }) => {
		const user = requireUser();
		const values = await formValues(request);
		// An empty field is not a guess: it is refused at the field without counting an attempt.
		if (!values.currentPassword) {
			return invalid('changePassword', { currentPassword: 'error_required' });
		}
		// The current password is checked under the sign-in throttle first: a stolen session
		// cannot try passwords faster than the sign-in form allows.
		const check = await checkOwnPassword(
			getDb(),
			user.id,
			values.currentPassword ?? '',
			getClientAddress()
		);
		if (!check.ok && check.reason === 'throttled') {
			return throttledFailure('changePassword', check.retryAfter, setHeaders);
		}
		if (!check.ok) return invalid('changePassword', { currentPassword: 'error_current_password' });
		try {
			await users.changePassword(
				getDb(),
				user.id,
				locals.session!.id,
				values.currentPassword ?? '',
				values.newPassword ?? ''
			);
		} catch (e) {
			// Passwords are never sent back to the page.
			return refuse(e, 'changePassword');
		}
		return { changed: true };
	},
	endSession: async ({ request }) => {
		const user = requireUser();
		const values = await formValues(request);
		try {
			await endSession(getDb(), user.id, values.session ?? '');
		} catch (e) {
			return refuse(e, 'sessions');
		}
		return { sessionsEnded: 1 };
	},
	endOtherSessions: async ({ request, locals }) => {
		const user = requireUser();
		const values = await formValues(request);
		// The form names the session it keeps: a post from elsewhere ends nothing.
		if (values.keep !== sessionHandle(locals.session!.id)) {
			return invalid('sessions', {}, {}, { message: 'account_sessions_stale' });
		}
		return { sessionsEnded: await endOtherSessions(getDb(), user.id, locals.session!.id) };
	},
	mailPreference: async ({ request }) => {
		const user = requireUser();
		const values = await formValues(request);
		const parsed = mailPreference.parse(values);
		if (!parsed.ok) return invalid('mailPreference', parsed.errors, values);
		await mailPreference.save(getDb(), user.id, parsed.value, systemClock);
		return { form: 'mailPreference', saved: true };
	}
};

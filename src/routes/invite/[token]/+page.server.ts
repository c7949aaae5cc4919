import { redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import * as guests from '$lib/server/guests/guests.service';
import { GUEST_LANDING } from '$lib/server/guests/scope';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse } from '$lib/server/shared/http';
import { NotFoundError } from '$lib/server/shared/errors';
import type { Actions, PageServerLoad } from './$types';

/** A guest's one-time link: who it invites while it still works, else that it no longer does. */
export const load: PageServerLoad = async ({ params }) => {
	return { invitee: await guests.invitee(getDb(), params.token) };
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url, getClientAddress }) => {
		const values = await formValues(request);
		try {
			const { token, session } = await guests.accept(getDb(), params.token, values.password ?? '', {
				address: getClientAddress(),
				userAgent: request.headers.get('user-agent')
			});
			setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
		} catch (e) {
			// The password is never sent back to the page.
			if (e instanceof NotFoundError) {
				return invalid('accept', {}, {}, { message: 'guests_accept_invalid' });
			}
			return refuse(e, 'accept', {});
		}
		redirect(303, GUEST_LANDING);
	}
};

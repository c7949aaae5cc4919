import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import * as programme from '$lib/server/programme/programme.service';
import type { RequestHandler } from './$types';

/**
 * A user's private milestone feed for calendar apps. Calendar apps send no session cookie, so the
 * unguessable token in the URL is the credential (only its hash is stored); an unknown or revoked
 * token is a 404, which reveals nothing.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const token = params.token.replace(/\.ics$/, '');
	const ics = await programme.calendarFeed(getDb(), token, url.origin, m.programme_calendar_name());
	if (ics === null) error(404, { message: 'not found' });
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="dilna-milniky.ics"',
			'cache-control': 'private, no-store'
		}
	});
};

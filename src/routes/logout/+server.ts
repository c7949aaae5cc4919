import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { signOut } from '$lib/server/auth/sessions.service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.session) await signOut(getDb(), locals.session.userId, locals.session.id);
	deleteSessionCookie(cookies, url.protocol === 'https:');
	locals.user = null;
	locals.session = null;
	redirect(303, '/login?signedOut');
};

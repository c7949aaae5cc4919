import { redirect } from '@sveltejs/kit';
import { cookieName, cookieMaxAge, isLocale } from '$lib/paraglide/runtime';
import { safeRedirect } from '$lib/server/auth/redirect';
import { getDb } from '$lib/server/db';
import { setLanguage } from '$lib/server/notifications/preferences.service';
import { systemClock } from '$lib/server/shared/clock';
import type { RequestHandler } from './$types';

/** Switches the language with a plain form post, so it works without JavaScript too. */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const form = await request.formData();
	const locale = String(form.get('locale') ?? '');
	const target = String(form.get('redirectTo') ?? '/');
	if (isLocale(locale)) {
		// Readable by Paraglide's client runtime, which reads the same cookie.
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax'
		});
		// A signed-in user's mail is written in the language they chose.
		if (locals.user) await setLanguage(getDb(), locals.user.id, locale, systemClock);
	}
	redirect(303, safeRedirect(target) ?? '/');
};

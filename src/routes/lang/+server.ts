import { redirect } from '@sveltejs/kit';
import { cookieName, cookieMaxAge, isLocale } from '$lib/paraglide/runtime';
import { safeRedirect } from '$lib/server/auth/redirect';
import type { RequestHandler } from './$types';

/** Switches the language with a plain form post, so it works without JavaScript too. */
export const POST: RequestHandler = async ({ request, cookies }) => {
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
	}
	redirect(303, safeRedirect(target) ?? '/');
};

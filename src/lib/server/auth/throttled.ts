import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { FormFailure } from '../shared/http';

/**
 * The one answer to a password form that must wait (sign-in, the current password, a
 * confirmation): 429 with Retry-After, and the wait in seconds, or in minutes when long.
 */
export function throttledFailure(
	form: string,
	retryAfter: number,
	setHeaders: (headers: Record<string, string>) => void,
	values: Record<string, string> = {},
	extra: Record<string, unknown> = {}
) {
	setHeaders({ 'Retry-After': String(retryAfter) });
	return fail(429, {
		...extra,
		form,
		values,
		errors: {},
		message:
			retryAfter <= 120
				? m.login_wait({ seconds: retryAfter })
				: m.login_throttled({ minutes: Math.ceil(retryAfter / 60) })
	} satisfies FormFailure);
}

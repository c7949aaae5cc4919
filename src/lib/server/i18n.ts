import { m } from '$lib/paraglide/messages';

type Messages = Record<string, ((inputs?: Record<string, unknown>) => string) | undefined>;

/**
 * Translates a message key chosen at run time (a field error from a service) in the locale of the
 * current request. Translating on the server keeps the message catalogue out of the browser.
 */
export function t(key: string, inputs?: Record<string, unknown>): string {
	const message = (m as unknown as Messages)[key];
	return message ? message(inputs) : key;
}

/** Field → translated message, for `fail(400, { errors })`. */
export function translateErrors(errors: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)]));
}

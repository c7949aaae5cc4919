import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { translateErrors } from '../i18n';
import { ForbiddenError } from '../shared/errors';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';

/**
 * Maps a service's refusal to what a form shows: field errors (400), a conflict with the current
 * values (409), a missing record (404); a forbidden change is a 403 error. `form` names the form
 * on pages with several.
 */
export function refusal(e: unknown, form: string, values: Record<string, unknown> = {}) {
	if (e instanceof ValidationError) {
		return fail(400, { form, values, errors: translateErrors(e.errors), message: null });
	}
	if (e instanceof ConflictError) {
		return fail(409, {
			form,
			values,
			errors: {} as Record<string, string>,
			message: m.error_conflict(),
			current: e.current
		});
	}
	if (e instanceof NotFoundError) {
		return fail(404, {
			form,
			values,
			errors: {} as Record<string, string>,
			message: m.error_not_found()
		});
	}
	if (e instanceof ForbiddenError) error(403, { message: 'forbidden' });
	throw e;
}

export function invalid(
	form: string,
	values: Record<string, unknown>,
	errors: Record<string, string>
) {
	return fail(400, { form, values, errors: translateErrors(errors), message: null });
}

/** The form fields as plain strings, to echo back after a refusal. */
export function echo(data: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of data) if (typeof v === 'string') out[k] = v.slice(0, 4000);
	return out;
}

export function idParam(value: string | undefined | null): number {
	const n = Number(value);
	if (!Number.isSafeInteger(n) || n <= 0) error(404, { message: 'not found' });
	return n;
}

export function versionOf(data: FormData): number {
	const n = Number(data.get('version'));
	if (!Number.isInteger(n)) error(400, { message: 'bad request' });
	return n;
}

import { error, fail } from '@sveltejs/kit';
import { t, translateErrors } from '../i18n';
import { currentYear } from '../shared/clock';
import {
	ConflictError,
	DependantsError,
	ForbiddenError,
	NotFoundError,
	ValidationError
} from '../shared/errors';

/**
 * Maps a service refusal to what the page shows beside the form that was sent (`form` names it,
 * since cards have several forms): field errors (400), a conflict with the current values (409),
 * the dependants that block a delete (409), a missing record (404). A user acting on a record
 * that is not theirs gets 403, as for a missing capability. Anything else is a real error.
 */
export function refuse(e: unknown, form: string, extra: Record<string, unknown> = {}) {
	if (e instanceof ValidationError) {
		return fail(400, { form, ...extra, errors: translateErrors(e.errors) });
	}
	if (e instanceof ConflictError) {
		return fail(409, {
			form,
			...extra,
			errors: {} as Record<string, string>,
			message: t('error_conflict'),
			current: e.current === null ? null : JSON.parse(JSON.stringify(e.current, jsonSafe))
		});
	}
	if (e instanceof DependantsError) {
		const list = e.dependants.map((d) => t(d.key, { count: d.count })).join(', ');
		return fail(409, {
			form,
			...extra,
			errors: {} as Record<string, string>,
			message: t('error_delete_refused', { list })
		});
	}
	if (e instanceof NotFoundError) {
		return fail(404, {
			form,
			...extra,
			errors: {} as Record<string, string>,
			message: t('error_not_found')
		});
	}
	if (e instanceof ForbiddenError) error(403, { message: 'forbidden' });
	throw e;
}

function jsonSafe(_key: string, value: unknown) {
	return typeof value === 'bigint' ? value.toString() : value;
}

export function invalid(
	form: string,
	errors: Record<string, string>,
	values: Record<string, unknown>
) {
	return fail(400, { form, values, errors: translateErrors(errors) });
}

export async function formObject(request: Request): Promise<Record<string, string>> {
	const data = await request.formData();
	const out: Record<string, string> = {};
	for (const [key, value] of data.entries()) {
		if (typeof value === 'string') out[key] = value.slice(0, 5000);
	}
	return out;
}

/** A numeric route id, or 404. */
export function routeId(value: string | undefined): number {
	const id = Number(value);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, { message: 'not found' });
	return id;
}

/** `?year=` within a sane range, else the current year (by the app clock). */
export function yearParam(url: URL, current = currentYear()): number {
	const y = Number(url.searchParams.get('year'));
	return Number.isInteger(y) && y >= 1990 && y <= current + 10 ? y : current;
}

export function versionOf(form: Record<string, string>): number | null {
	const v = Number(form.version);
	return form.version && Number.isInteger(v) && v > 0 ? v : null;
}

// The one route kit: how every +page.server.ts turns a service's refusal into what the form shows,
// and reads route ids, `?year=` and a form's version. Every form in the app fails with one payload
// (`FormFailure`), read on the page by `formFor` in $lib/forms.ts.
import { error, fail } from '@sveltejs/kit';
import { t, translateErrors } from '../i18n';
import {
	ConflictError,
	DependantsError,
	ForbiddenError,
	NotFoundError,
	ValidationError,
	type FieldErrors
} from './errors';
import { INT4_MAX, idNumber, type FormValues, type Parsed } from './form';

/** What every refused form action returns (as `fail(status, payload)`). */
export interface FormFailure {
	/** which form on the page was sent (pages have several) */
	form: string;
	/** the fields as sent, to fill the form again */
	values: FormValues;
	/** field → translated message */
	errors: Record<string, string>;
	/** a message for the whole form */
	message: string | null;
	/** on a conflict: what is stored now (JSON-safe) */
	current?: unknown;
}

function failure(
	status: number,
	form: string,
	values: FormValues,
	rest: Partial<FormFailure> & Record<string, unknown>
) {
	return fail(status, { form, values, errors: {}, message: null, ...rest });
}

/**
 * Maps a service refusal to what the page shows beside the form that was sent: field errors (400),
 * a conflict with the current values (409), the dependants that block a delete (409), a missing
 * record (404). A user acting on a record that is not theirs gets 403, as for a missing
 * capability. Anything else is a real error and is thrown on. `extra` adds page-specific fields.
 */
export function refuse(
	e: unknown,
	form: string,
	values: FormValues = {},
	extra: Record<string, unknown> = {}
) {
	if (e instanceof ValidationError) {
		return failure(400, form, values, { ...extra, errors: translateErrors(e.errors) });
	}
	if (e instanceof ConflictError) {
		return failure(409, form, values, {
			...extra,
			message: t('error_conflict'),
			current: e.current === null ? null : JSON.parse(JSON.stringify(e.current, jsonSafe))
		});
	}
	if (e instanceof DependantsError) {
		const list = e.dependants.map((d) => t(d.key, { count: d.count })).join(', ');
		return failure(409, form, values, { ...extra, message: t('error_delete_refused', { list }) });
	}
	if (e instanceof NotFoundError) {
		return failure(404, form, values, { ...extra, message: t('error_not_found') });
	}
	if (e instanceof ForbiddenError) error(403, { message: 'forbidden' });
	throw e;
}

/** A form refused before any service ran: field errors (message keys) and a message key. */
export function invalid(
	form: string,
	errors: FieldErrors,
	values: FormValues = {},
	extra: Record<string, unknown> & { message?: string } = {}
) {
	const { message, ...rest } = extra;
	return failure(400, form, values, {
		...rest,
		errors: translateErrors(errors),
		message: message ? t(message) : null
	});
}

/**
 * The body of almost every form action, once access is checked: a form that did not parse is
 * refused with its field errors, else the one service call runs and the answer is
 * `{ form, saved: true }`, or the service's refusal shown beside that form. A `redirect` thrown
 * by `run` (after creating a record) passes through.
 */
export async function save<T>(
	form: string,
	values: FormValues,
	parsed: Parsed<T>,
	run: (value: T) => Promise<unknown>
): Promise<ReturnType<typeof invalid> | { form: string; saved: true }>;
export async function save(
	form: string,
	values: FormValues,
	run: () => Promise<unknown>
): Promise<ReturnType<typeof invalid> | { form: string; saved: true }>;
export async function save<T>(
	form: string,
	values: FormValues,
	parsedOrRun: Parsed<T> | (() => Promise<unknown>),
	run?: (value: T) => Promise<unknown>
) {
	let call: () => Promise<unknown>;
	if (typeof parsedOrRun === 'function') call = parsedOrRun;
	else if (!parsedOrRun.ok) return invalid(form, parsedOrRun.errors, values);
	else {
		const value = parsedOrRun.value;
		call = () => run!(value);
	}
	try {
		await call();
	} catch (e) {
		return refuse(e, form, values);
	}
	return { form, saved: true as const };
}

/**
 * What a load reads by a route id, or the error page: 404 when the record does not exist, 403
 * when it is not the reader's to see. Anything else is a real error and is thrown on.
 */
export async function found<T>(loading: Promise<T>): Promise<T> {
	try {
		return await loading;
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		if (e instanceof ForbiddenError) error(403, { message: 'forbidden' });
		throw e;
	}
}

function jsonSafe(_key: string, value: unknown) {
	return typeof value === 'bigint' ? value.toString() : value;
}

/** A numeric route id, or 404 (also beyond PostgreSQL's integer: no such record can exist). */
export function routeId(value: string | undefined | null): number {
	const id = idNumber(value);
	if (id === null) error(404, { message: 'not found' });
	return id;
}

/** An optional id filter from the query string (`?unit=3`); anything that cannot be an id is none. */
export function queryId(url: URL, name: string): number | null {
	return idNumber(url.searchParams.get(name));
}

/** The years `?year=` may name: from the first year an office could have records to ten ahead. */
export const FIRST_YEAR = 1990;
export const YEARS_AHEAD = 10;

/** `?year=` (or the given value) within FIRST_YEAR…current + YEARS_AHEAD, else `fallback`. */
export function yearParam(
	source: URL | string | null,
	current: number,
	fallback = current
): number {
	const raw = source instanceof URL ? source.searchParams.get('year') : source;
	const y = Number(raw);
	return raw && Number.isInteger(y) && y >= FIRST_YEAR && y <= current + YEARS_AHEAD ? y : fallback;
}

/**
 * The year of a page of figures (`?year=`): figures exist only up to this year, so a later year
 * shows this one.
 */
export function pastYearParam(url: URL, current: number): number {
	return Math.min(yearParam(url, current), current);
}

/**
 * The record version the form was loaded with (optimistic locking). Empty means the record does
 * not exist yet (null); with `required`, or when the value is not a positive whole number, the
 * request is malformed (400): forms always send what they were given.
 */
export function versionOf(values: FormValues, options: { required: true }): number;
export function versionOf(values: FormValues, options?: { required?: boolean }): number | null;
export function versionOf(values: FormValues, options: { required?: boolean } = {}): number | null {
	const raw = values.version ?? '';
	if (!raw && !options.required) return null;
	const v = Number(raw);
	if (!Number.isSafeInteger(v) || v <= 0 || v > INT4_MAX) error(400, { message: 'bad request' });
	return v;
}

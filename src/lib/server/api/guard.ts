import { json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import type { Executor } from '../audit/audit';
import { can, type Capability } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import { getDb, type Db } from '../db';
import type { ApiUser, TokenScope } from './tokens';
import * as tokens from './tokens.service';
import { currentYear } from '../shared/clock';
import { FIRST_YEAR, YEARS_AHEAD } from '../shared/http';

export type Authorization =
	{ ok: true; user: ApiUser | SessionUser } | { ok: false; status: 401 | 403; error: string };

/**
 * Who calls the API: the bearer token's user (with the user's current role), or the signed-in
 * browser session. A bad or revoked token is refused even when a session exists, so a script
 * never silently runs as whoever's cookie happens to be present. A token does only what its scope
 * says: a read token reads, an import token (`costs_import`) pushes files and reads nothing.
 */
export async function authorize(
	db: Executor,
	authorization: string | null,
	sessionUser: SessionUser | null,
	capability: Capability,
	scope: TokenScope = 'read'
): Promise<Authorization> {
	let user: ApiUser | SessionUser | null = null;
	if (authorization) {
		const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
		const tokenUser = match ? await tokens.authenticate(db, match[1]) : null;
		if (!tokenUser) return { ok: false, status: 401, error: 'invalid_token' };
		if (tokenUser.scope !== scope) return { ok: false, status: 403, error: 'insufficient_scope' };
		user = tokenUser;
	} else {
		user = sessionUser;
	}
	if (!user) return { ok: false, status: 401, error: 'unauthorized' };
	// A guest opens the named objects of their scope in the app, never the API.
	if (user.role === 'guest') return { ok: false, status: 403, error: 'forbidden' };
	if (!can(user.role, capability)) return { ok: false, status: 403, error: 'forbidden' };
	return { ok: true, user };
}

export const NO_STORE = { 'Cache-Control': 'private, no-store' };

/** The headers of a refused caller: 401 says how to authenticate. */
export function refusalHeaders(status: 401 | 403): Record<string, string> {
	const headers: Record<string, string> = { ...NO_STORE };
	if (status === 401) headers['WWW-Authenticate'] = 'Bearer realm="dilna"';
	return headers;
}

/**
 * A read endpoint of the API: checks the caller first and always answers JSON — 401 and 403
 * included, never a redirect to the login page.
 */
export function apiGet(
	capability: Capability,
	handler: (ctx: { db: Db; url: URL; user: ApiUser | SessionUser }) => Promise<unknown>
): RequestHandler {
	return async (event: RequestEvent) => {
		const db = getDb();
		const auth = await authorize(
			db,
			event.request.headers.get('authorization'),
			event.locals.user,
			capability
		);
		if (!auth.ok) {
			return json(
				{ error: auth.error },
				{ status: auth.status, headers: refusalHeaders(auth.status) }
			);
		}
		try {
			return json(await handler({ db, url: event.url, user: auth.user }), { headers: NO_STORE });
		} catch (e) {
			if (e instanceof BadRequest) {
				return json({ error: 'bad_request', message: e.message }, { status: 400 });
			}
			throw e;
		}
	};
}

/** A query parameter the endpoint cannot use; answered as 400 JSON. */
export class BadRequest extends Error {}

/**
 * An optional year parameter, within the years every page accepts (the kernel's FIRST_YEAR to
 * YEARS_AHEAD past the current year). Pages fall back to the current year; the API answers 400.
 */
export function yearParam(url: URL, name = 'year', current = currentYear()): number | null {
	const raw = url.searchParams.get(name);
	if (raw === null || raw === '') return null;
	const year = Number(raw);
	const last = current + YEARS_AHEAD;
	if (!Number.isInteger(year) || year < FIRST_YEAR || year > last) {
		throw new BadRequest(`${name} must be a year between ${FIRST_YEAR} and ${last}`);
	}
	return year;
}

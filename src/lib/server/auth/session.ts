import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import type { Executor } from '../audit/audit';
import type { Role } from '../db/schema';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_DAYS = 30;
/** A session used with fewer than this many days left is extended to SESSION_DAYS again. */
const RENEW_WITHIN_DAYS = 15;
export const SESSION_COOKIE = 'dilna_session';

export interface SessionUser {
	id: number;
	username: string;
	displayName: string;
	role: Role;
}

export interface Session {
	id: string;
	userId: number;
	expiresAt: Date;
}

export type SessionValidationResult =
	{ session: Session; user: SessionUser } | { session: null; user: null };

export function generateSessionToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The database stores only the SHA-256 of the token, so a leaked table opens no session. */
export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: Executor, token: string, userId: number): Promise<Session> {
	const session: Session = {
		id: sessionIdFromToken(token),
		userId,
		expiresAt: new Date(Date.now() + SESSION_DAYS * DAY_MS)
	};
	await db
		.insertInto('user_session')
		.values({ id: session.id, user_id: userId, expires_at: session.expiresAt })
		.execute();
	return session;
}

export async function validateSessionToken(
	db: Executor,
	token: string
): Promise<SessionValidationResult> {
	// Tokens we issue are 32 base32 characters; anything else is forged and needs no query.
	if (!/^[a-z2-7]{32}$/.test(token)) return { session: null, user: null };
	const sessionId = sessionIdFromToken(token);
	const row = await db
		.selectFrom('user_session')
		.innerJoin('app_user', 'app_user.id', 'user_session.user_id')
		.select([
			'user_session.id',
			'user_session.user_id',
			'user_session.expires_at',
			'app_user.username',
			'app_user.display_name',
			'app_user.role',
			'app_user.active'
		])
		.where('user_session.id', '=', sessionId)
		.executeTakeFirst();
	if (!row) return { session: null, user: null };
	if (!row.active || Date.now() >= row.expires_at.getTime()) {
		await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
		return { session: null, user: null };
	}
	const session: Session = { id: row.id, userId: row.user_id, expiresAt: row.expires_at };
	if (Date.now() >= session.expiresAt.getTime() - RENEW_WITHIN_DAYS * DAY_MS) {
		session.expiresAt = new Date(Date.now() + SESSION_DAYS * DAY_MS);
		await db
			.updateTable('user_session')
			.set({ expires_at: session.expiresAt })
			.where('id', '=', session.id)
			.execute();
	}
	return {
		session,
		user: { id: row.user_id, username: row.username, displayName: row.display_name, role: row.role }
	};
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
	await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

/** Ends every session of a user except, optionally, the one in use. */
export async function invalidateUserSessions(
	db: Executor,
	userId: number,
	exceptSessionId?: string
): Promise<void> {
	let query = db.deleteFrom('user_session').where('user_id', '=', userId);
	if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
	await query.execute();
}

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
) {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import type { Role } from '../db/schema';
import { systemClock, todayInPrague } from '../shared/clock';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/**
 * A session ends after IDLE_DAYS without a request, and in any case ABSOLUTE_DAYS after the
 * sign-in, however often it is used (ASVS 3.3): then the password is asked again.
 */
export const IDLE_DAYS = 7;
export const ABSOLUTE_DAYS = 30;
/** Kept for callers that name the cookie lifetime: the absolute limit. */
export const SESSION_DAYS = ABSOLUTE_DAYS;
/** Admin actions need the password given within this many minutes (requireRecentAuth). */
export const REAUTH_MINUTES = 15;
/** A session's last use is written at most this often, so pages do not write on every request. */
const SEEN_EVERY_MS = MINUTE_MS;
export const SESSION_COOKIE = 'dilna_session';
/**
 * Under https the cookie carries the `__Host-` prefix: browsers then take it only when it is
 * Secure, for path `/` and without a Domain, so no subdomain can set or shadow it.
 */
export const SECURE_SESSION_COOKIE = '__Host-dilna_session';

export function sessionCookieName(secure: boolean): string {
	return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export interface SessionUser {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	/** a second factor (TOTP) is on */
	twoFactor?: boolean;
}

export interface Session {
	id: string;
	userId: number;
	expiresAt: Date;
	createdAt: Date;
	/** when the password was last given */
	authenticatedAt: Date;
}

export type SessionValidationResult =
	| {
			session: Session;
			user: SessionUser;
			/** the data version, read in the same round trip (see db/data-version.ts) */
			dataVersion: bigint;
			/** this check moved the session's expiry on: its cookie must go out again */
			renewed: boolean;
	  }
	| { session: null; user: null; dataVersion: null; renewed: false };

/** Where a session was opened from, shown on /account (both cut to a sane length). */
export interface SessionOrigin {
	address?: string | null;
	userAgent?: string | null;
}

export function generateSessionToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The database stores only the SHA-256 of the token, so a leaked table opens no session. */
export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

function expiryFrom(lastSeen: Date, createdAt: Date): Date {
	return new Date(
		Math.min(lastSeen.getTime() + IDLE_DAYS * DAY_MS, createdAt.getTime() + ABSOLUTE_DAYS * DAY_MS)
	);
}

export async function createSession(
	db: Executor,
	token: string,
	userId: number,
	origin: SessionOrigin = {},
	now: Date = systemClock()
): Promise<Session> {
	const session: Session = {
		id: sessionIdFromToken(token),
		userId,
		createdAt: now,
		authenticatedAt: now,
		expiresAt: expiryFrom(now, now)
	};
	await db
		.insertInto('user_session')
		.values({
			id: session.id,
			user_id: userId,
			expires_at: session.expiresAt,
			created_at: now,
			last_seen_at: now,
			authenticated_at: now,
			address: origin.address?.slice(0, 100) ?? null,
			user_agent: origin.userAgent?.slice(0, 300) ?? null
		})
		.execute();
	return session;
}

const NO_SESSION = { session: null, user: null, dataVersion: null, renewed: false } as const;

export async function validateSessionToken(
	db: Executor,
	token: string,
	now: Date = systemClock()
): Promise<SessionValidationResult> {
	// Tokens we issue are 32 base32 characters; anything else is forged and needs no query.
	if (!/^[a-z2-7]{32}$/.test(token)) return NO_SESSION;
	const sessionId = sessionIdFromToken(token);
	const row = await db
		.selectFrom('user_session')
		.innerJoin('app_user', 'app_user.id', 'user_session.user_id')
		.leftJoin('guest_access', 'guest_access.user_id', 'user_session.user_id')
		.select([
			'guest_access.expires_on as guest_expires_on',
			'guest_access.revoked_at as guest_revoked_at',
			'user_session.id',
			'user_session.user_id',
			'user_session.expires_at',
			'user_session.created_at',
			'user_session.last_seen_at',
			'user_session.authenticated_at',
			'app_user.username',
			'app_user.display_name',
			'app_user.role',
			'app_user.active',
			'app_user.totp_enabled_at',
			// Every signed-in page that shows kept figures needs it: one round trip, not two.
			sql<bigint>`(select version from data_version)`.as('data_version')
		])
		.where('user_session.id', '=', sessionId)
		.executeTakeFirst();
	if (!row) return NO_SESSION;
	const absoluteEnd = row.created_at.getTime() + ABSOLUTE_DAYS * DAY_MS;
	// A guest's session ends with their grant: revoked, or past its last day (Prague time).
	const guestOver =
		row.role === 'guest' &&
		(!row.guest_expires_on ||
			row.guest_revoked_at !== null ||
			todayInPrague(now) > row.guest_expires_on);
	if (
		!row.active ||
		guestOver ||
		now.getTime() >= row.expires_at.getTime() ||
		now.getTime() >= absoluteEnd
	) {
		await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
		return NO_SESSION;
	}
	const session: Session = {
		id: row.id,
		userId: row.user_id,
		expiresAt: row.expires_at,
		createdAt: row.created_at,
		authenticatedAt: row.authenticated_at
	};
	const renewed = now.getTime() - row.last_seen_at.getTime() >= SEEN_EVERY_MS;
	if (renewed) {
		session.expiresAt = expiryFrom(now, row.created_at);
		await db
			.updateTable('user_session')
			.set({ expires_at: session.expiresAt, last_seen_at: now })
			.where('id', '=', session.id)
			.execute();
	}
	return {
		session,
		user: {
			id: row.user_id,
			username: row.username,
			displayName: row.display_name,
			role: row.role,
			twoFactor: row.totp_enabled_at !== null
		},
		dataVersion: row.data_version,
		renewed
	};
}

/** True when the password was given within REAUTH_MINUTES (admin actions ask for it again). */
export function recentlyAuthenticated(session: Session, now: Date = systemClock()): boolean {
	return now.getTime() - session.authenticatedAt.getTime() < REAUTH_MINUTES * MINUTE_MS;
}

/** The password was just given again for this session. */
export async function markAuthenticated(
	db: Executor,
	sessionId: string,
	now: Date = systemClock()
): Promise<void> {
	await db
		.updateTable('user_session')
		.set({ authenticated_at: now })
		.where('id', '=', sessionId)
		.execute();
}

/** A user's open sessions, newest use first, for /account. */
export async function listUserSessions(db: Executor, userId: number, now: Date = systemClock()) {
	const rows = await db
		.selectFrom('user_session')
		.select(['id', 'created_at', 'last_seen_at', 'expires_at', 'address', 'user_agent'])
		.where('user_id', '=', userId)
		.where('expires_at', '>', now)
		.orderBy('last_seen_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		createdAt: r.created_at,
		lastSeenAt: r.last_seen_at,
		expiresAt: r.expires_at,
		address: r.address,
		userAgent: r.user_agent
	}));
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
	cookies.set(sessionCookieName(secure), token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.delete(sessionCookieName(secure), { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

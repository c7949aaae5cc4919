import type { Db } from '../db';
import * as users from '../users/users.service';
import { systemClock, type Clock } from '../shared/clock';
import { verifyAgainstDummy, verifyPassword } from './password';
import { createSession, generateSessionToken, markAuthenticated, type Session } from './session';
import * as throttle from './throttle';
import { recordSignIn } from '../guests/guests.service';

export type LoginResult =
	| { ok: true; token: string; session: Session; userId: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfter: number };

export type PasswordCheck =
	| { ok: true }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfter: number };

const MAX_INPUT = 256;

export function normaliseUsername(username: string): string {
	return username.trim().toLowerCase().slice(0, MAX_INPUT);
}

/**
 * Checks a username and password under throttling. The answer for an unknown user, a wrong
 * password and a deactivated account is the same, so it never tells which usernames exist.
 */
export async function login(
	db: Db,
	username: string,
	password: string,
	clientAddress: string,
	clock: Clock = systemClock,
	userAgent: string | null = null
): Promise<LoginResult> {
	const name = normaliseUsername(username);
	const attempt = await throttle.beginAttempt(db, name, clientAddress, clock());
	if (!attempt.allowed) return { ok: false, reason: 'throttled', retryAfter: attempt.retryAfter };

	const user =
		name && password.length <= MAX_INPUT ? await users.findByUsername(db, name) : undefined;
	const valid =
		user && user.active
			? await verifyPassword(user.password_hash, password)
			: await verifyAgainstDummy(password);
	if (!user || !valid || !user.active) return { ok: false, reason: 'invalid' };
	await throttle.succeeded(db, name, clientAddress);
	if (user.role === 'guest') await recordSignIn(db, user.id);
	const token = generateSessionToken();
	const session = await createSession(
		db,
		token,
		user.id,
		{ address: clientAddress, userAgent },
		clock()
	);
	return { ok: true, token, session, userId: user.id };
}

/**
 * A password check on behalf of a signed-in user (changing the password, confirming an admin
 * action), counted like a sign-in attempt, so a stolen session cannot guess the password freely.
 */
export async function checkOwnPassword(
	db: Db,
	userId: number,
	password: string,
	clientAddress: string,
	clock: Clock = systemClock
): Promise<PasswordCheck> {
	const user = await db
		.selectFrom('app_user')
		.select(['username', 'password_hash'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user) return { ok: false, reason: 'invalid' };
	const attempt = await throttle.beginAttempt(db, user.username, clientAddress, clock());
	if (!attempt.allowed) return { ok: false, reason: 'throttled', retryAfter: attempt.retryAfter };
	if (password.length > MAX_INPUT || !(await verifyPassword(user.password_hash, password))) {
		return { ok: false, reason: 'invalid' };
	}
	await throttle.succeeded(db, user.username, clientAddress);
	return { ok: true };
}

/** The password given again for the session in use: admin actions are open for a while. */
export async function confirmPassword(
	db: Db,
	userId: number,
	sessionId: string,
	password: string,
	clientAddress: string,
	clock: Clock = systemClock
): Promise<PasswordCheck> {
	const check = await checkOwnPassword(db, userId, password, clientAddress, clock);
	if (check.ok) await markAuthenticated(db, sessionId, clock());
	return check;
}

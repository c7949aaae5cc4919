import type { Db } from '../db';
import * as users from '../users/users.service';
import { systemClock, type Clock } from '../shared/clock';
import { verifyAgainstDummy, verifyPassword } from './password';
import { createSession, generateSessionToken, markAuthenticated, type Session } from './session';
import * as throttle from './throttle';
import * as twoFactor from './two-factor.service';
import { recordSignIn } from '../guests/guests.service';

export type LoginResult =
	| { ok: true; token: string; session: Session; userId: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfter: number }
	/** the password was right; the second factor's code is asked for with this challenge */
	| { ok: false; reason: 'code'; challenge: string };

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
	if (user.totp_enabled_at) {
		return {
			ok: false,
			reason: 'code',
			challenge: await twoFactor.createChallenge(db, user.id, clock)
		};
	}
	return openSession(db, user.id, user.role, clientAddress, clock, userAgent);
}

async function openSession(
	db: Db,
	userId: number,
	/** known after a password alone; a guest's every request is audited by the hooks anyway */
	role: string | null,
	clientAddress: string,
	clock: Clock,
	userAgent: string | null
): Promise<LoginResult> {
	if (role === 'guest') await recordSignIn(db, userId);
	const token = generateSessionToken();
	const session = await createSession(
		db,
		token,
		userId,
		{ address: clientAddress, userAgent },
		clock()
	);
	return { ok: true, token, session, userId };
}

/**
 * The second step of a sign-in with a second factor: the code (or a recovery code) for the
 * challenge the password gave. Counted by the throttle like the password; a wrong code leaves the
 * challenge open until it expires, a right one takes it, so it opens one session only.
 */
export async function completeLogin(
	db: Db,
	challenge: string,
	code: string,
	clientAddress: string,
	clock: Clock = systemClock,
	userAgent: string | null = null
): Promise<LoginResult> {
	const userId = await twoFactor.challengeUser(db, challenge, clock);
	if (userId === null) return { ok: false, reason: 'invalid' };
	const check = await twoFactor.checkCode(
		db,
		userId,
		code.slice(0, MAX_INPUT),
		clientAddress,
		clock
	);
	if (!check.ok) {
		return check.reason === 'throttled' ? check : { ok: false, reason: 'code', challenge };
	}
	if (!(await twoFactor.takeChallenge(db, challenge))) return { ok: false, reason: 'invalid' };
	return openSession(db, userId, null, clientAddress, clock, userAgent);
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

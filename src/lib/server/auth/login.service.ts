import type { Db } from '../db';
import * as users from '../users/users.service';
import { verifyAgainstDummy, verifyPassword } from './password';
import { createSession, generateSessionToken, type Session } from './session';
import * as throttle from './throttle';

export type LoginResult =
	| { ok: true; token: string; session: Session; userId: number }
	| { ok: false; reason: 'invalid'; delayMs: number }
	| { ok: false; reason: 'throttled'; retryAfter: number };

const MAX_INPUT = 256;

/**
 * Checks a username and password under throttling. The answer for an unknown user, a wrong
 * password and a deactivated account is the same, so it never tells which usernames exist.
 */
export async function login(
	db: Db,
	username: string,
	password: string,
	clientAddress: string
): Promise<LoginResult> {
	const name = username.trim().toLowerCase().slice(0, MAX_INPUT);
	const keys: throttle.ThrottleKey[] = [
		{ kind: 'user', value: name },
		{ kind: 'address', value: clientAddress }
	];
	const retryAfter = await throttle.retryAfterSeconds(db, keys);
	if (retryAfter > 0) return { ok: false, reason: 'throttled', retryAfter };

	const user =
		name && password.length <= MAX_INPUT ? await users.findByUsername(db, name) : undefined;
	const valid =
		user && user.active
			? await verifyPassword(user.password_hash, password)
			: await verifyAgainstDummy(password);
	if (!user || !valid || !user.active) {
		const delayMs = await throttle.recordFailure(db, keys);
		return { ok: false, reason: 'invalid', delayMs };
	}
	await throttle.clearFailures(db, keys[0]);
	const token = generateSessionToken();
	const session = await createSession(db, token, user.id);
	return { ok: true, token, session, userId: user.id };
}

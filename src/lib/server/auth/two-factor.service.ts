import { sql } from 'kysely';
import type { Db } from '../db';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import { systemClock, type Clock } from '../shared/clock';
import { ValidationError } from '../shared/errors';
import { generateSessionToken, sessionIdFromToken } from './session';
import * as throttle from './throttle';
import {
	generateKey,
	generateRecoveryCodes,
	hashRecoveryCode,
	keyUri,
	matchingStep,
	normaliseCode
} from './totp';

/**
 * The second factor (TOTP) of a user: set up on /account/two-factor (the key shown once, confirmed
 * with a code, recovery codes shown once and stored hashed), asked for at sign-in after the
 * password, turned off with the password and a code. Every code is counted by the sign-in throttle
 * like a password; every change and every recovery code used is in the audit log.
 */

/** Minutes between the password and the code at sign-in. */
export const CHALLENGE_MINUTES = 5;

/** Admins must have a second factor unless DILNA_REQUIRE_ADMIN_TOTP is `false` (the demo). */
export function adminTwoFactorRequired(env: Record<string, string | undefined> = process.env) {
	return env.DILNA_REQUIRE_ADMIN_TOTP !== 'false';
}

export type CodeCheck =
	| { ok: true; recoveryCode: boolean }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfter: number };

export interface TwoFactorStatus {
	enabled: boolean;
	enabledAt: Date | null;
	recoveryCodesLeft: number;
}

export async function status(db: Executor, userId: number): Promise<TwoFactorStatus> {
	const user = await db
		.selectFrom('app_user')
		.select(['totp_enabled_at'])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	const left = await db
		.selectFrom('totp_recovery_code')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return {
		enabled: user.totp_enabled_at !== null,
		enabledAt: user.totp_enabled_at,
		recoveryCodesLeft: Number(left.n)
	};
}

/** A new key for the user to add to an authenticator app; not in force until confirmed. */
export async function beginSetup(db: Db, userId: number) {
	const user = await db
		.selectFrom('app_user')
		.select(['username', 'totp_enabled_at'])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	if (user.totp_enabled_at) throw new ValidationError({ code: 'two_factor_already_on' });
	const key = generateKey();
	await db
		.updateTable('app_user')
		.set({ totp_pending_key: key })
		.where('id', '=', userId)
		.execute();
	return { key, uri: keyUri(key, user.username) };
}

/**
 * The first code from the app turns the second factor on and gives the recovery codes (shown once:
 * only their hashes are kept). Counted by the throttle like a password.
 */
export async function confirmSetup(
	db: Db,
	userId: number,
	code: string,
	address: string,
	clock: Clock = systemClock
): Promise<{ ok: true; recoveryCodes: string[] } | Exclude<CodeCheck, { ok: true }>> {
	const now = clock();
	const user = await db
		.selectFrom('app_user')
		.select(['username', 'totp_pending_key', 'totp_enabled_at'])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	if (user.totp_enabled_at || !user.totp_pending_key) return { ok: false, reason: 'invalid' };
	const attempt = await throttle.beginAttempt(db, user.username, address, now);
	if (!attempt.allowed) return { ok: false, reason: 'throttled', retryAfter: attempt.retryAfter };
	const step = matchingStep(user.totp_pending_key, code, now, null);
	if (step === null) return { ok: false, reason: 'invalid' };
	const recoveryCodes = generateRecoveryCodes();
	const turnedOn = await db.transaction().execute(async (trx) => {
		const updated = await trx
			.updateTable('app_user')
			.set({
				totp_key: user.totp_pending_key,
				totp_pending_key: null,
				totp_enabled_at: now,
				totp_last_step: step
			})
			.where('id', '=', userId)
			.where('totp_enabled_at', 'is', null)
			.where('totp_pending_key', '=', user.totp_pending_key)
			.returning('id')
			.executeTakeFirst();
		if (!updated) return false;
		await trx.deleteFrom('totp_recovery_code').where('user_id', '=', userId).execute();
		await trx
			.insertInto('totp_recovery_code')
			.values(
				recoveryCodes.map((c) => ({
					user_id: userId,
					code_hash: hashRecoveryCode(c),
					used_at: null
				}))
			)
			.execute();
		await audit.record(trx, {
			userId,
			action: 'two_factor.enable',
			entity: 'app_user',
			entityId: userId,
			after: { recoveryCodes: recoveryCodes.length }
		});
		return true;
	});
	if (!turnedOn) return { ok: false, reason: 'invalid' };
	await throttle.succeeded(db, user.username, address);
	return { ok: true, recoveryCodes };
}

/**
 * Checks a code (from the app, or a recovery code) of a user whose second factor is on. The time
 * step is taken in one statement that also checks it is newer than the last accepted one, so the
 * same code sent twice, even in parallel, is accepted once. Not throttled here: callers count it.
 */
async function useCode(db: Db, userId: number, code: string, now: Date): Promise<CodeCheck> {
	const user = await db
		.selectFrom('app_user')
		.select(['totp_key', 'totp_last_step'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user?.totp_key) return { ok: false, reason: 'invalid' };
	const step = matchingStep(user.totp_key, code, now, user.totp_last_step);
	if (step !== null) {
		const taken = await db
			.updateTable('app_user')
			.set({ totp_last_step: step })
			.where('id', '=', userId)
			.where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
			.returning('id')
			.executeTakeFirst();
		return taken ? { ok: true, recoveryCode: false } : { ok: false, reason: 'invalid' };
	}
	const typed = normaliseCode(code);
	if (!/^[a-zA-Z2-7]{10}$/.test(typed)) return { ok: false, reason: 'invalid' };
	return db.transaction().execute(async (trx): Promise<CodeCheck> => {
		const used = await trx
			.updateTable('totp_recovery_code')
			.set({ used_at: now })
			.where('user_id', '=', userId)
			.where('code_hash', '=', hashRecoveryCode(typed))
			.where('used_at', 'is', null)
			.returning('id')
			.executeTakeFirst();
		if (!used) return { ok: false, reason: 'invalid' };
		await audit.record(trx, {
			userId,
			action: 'two_factor.recovery_code_used',
			entity: 'app_user',
			entityId: userId
		});
		return { ok: true, recoveryCode: true };
	});
}

/** A user's code, checked at the clock's time under the sign-in throttle. */
type CodeCheckOf = (
	db: Db,
	userId: number,
	code: string,
	address: string,
	clock?: Clock
) => Promise<CodeCheck>;

/** A code checked under the sign-in throttle (counted per username and address). */
export const checkCode: CodeCheckOf = async (db, userId, code, address, clock = systemClock) => {
	const now = clock();
	const user = await db
		.selectFrom('app_user')
		.select('username')
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	const attempt = await throttle.beginAttempt(db, user.username, address, now);
	if (!attempt.allowed) return { ok: false, reason: 'throttled', retryAfter: attempt.retryAfter };
	const result = await useCode(db, userId, code, now);
	if (result.ok) await throttle.succeeded(db, user.username, address);
	return result;
};

/** Turning the second factor off: the password (checked by the caller) and a current code. */
export const disable: CodeCheckOf = async (db, userId, code, address, clock = systemClock) => {
	const check = await checkCode(db, userId, code, address, clock);
	if (!check.ok) return check;
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('app_user')
			.set({ totp_key: null, totp_pending_key: null, totp_enabled_at: null, totp_last_step: null })
			.where('id', '=', userId)
			.execute();
		await trx.deleteFrom('totp_recovery_code').where('user_id', '=', userId).execute();
		await audit.record(trx, {
			userId,
			action: 'two_factor.disable',
			entity: 'app_user',
			entityId: userId
		});
	});
	return check;
};

/** After the right password of a user with a second factor: a token that waits for the code. */
export async function createChallenge(
	db: Executor,
	userId: number,
	clock: Clock = systemClock
): Promise<string> {
	const now = clock();
	const token = generateSessionToken();
	await db.deleteFrom('login_challenge').where('expires_at', '<', now).execute();
	await db
		.insertInto('login_challenge')
		.values({
			id: sessionIdFromToken(token),
			user_id: userId,
			expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000)
		})
		.execute();
	return token;
}

/** The user a challenge token stands for while it lasts, or null. */
export async function challengeUser(
	db: Executor,
	token: string,
	clock: Clock = systemClock
): Promise<number | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const row = await db
		.selectFrom('login_challenge')
		.select('user_id')
		.where('id', '=', sessionIdFromToken(token))
		.where('expires_at', '>', clock())
		.executeTakeFirst();
	return row?.user_id ?? null;
}

/** A challenge answered: it cannot be answered again. Returns false when it was already taken. */
export async function takeChallenge(db: Executor, token: string): Promise<boolean> {
	const taken = await db
		.deleteFrom('login_challenge')
		.where('id', '=', sessionIdFromToken(token))
		.returning(sql<number>`1`.as('one'))
		.executeTakeFirst();
	return taken !== undefined;
}

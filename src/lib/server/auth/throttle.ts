import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import { systemClock } from '../shared/clock';

/**
 * Password throttling, kept in the database because several app instances may share one PostgreSQL.
 *
 * Every password check (sign-in, the current password on /account) is counted **before** the
 * password is verified, in one statement that increments and answers at once, so parallel attempts
 * cannot slip past the count between a read and a write:
 * - per client address: a hard block after LIMITS.address attempts in the window;
 * - per username: no block a stranger could trigger, but a growing pause between attempts (none
 *   for the first SLOW_AFTER, then 1 s, 2 s, 4 s … up to MAX_PAUSE_SECONDS). Parallel attempts
 *   race for one slot: the row lock lets one through, the others are told to wait.
 * A successful check clears the username's count and takes its attempt off the address's.
 *
 * The window is compared with the app's clock, so the time written into it is the app's too, passed
 * in rather than the database's now(): a PostgreSQL server's clock is not the process's (under
 * `faketime`, or on another host), and mixing the two would block too long or not at all.
 */
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const LIMITS = { address: 20 } as const;
/** Attempts per username before each further one must wait. */
export const SLOW_AFTER = 3;
export const MAX_PAUSE_SECONDS = 60;

export type ThrottleKey = { kind: 'user' | 'address'; value: string };

export type Attempt = { allowed: true } | { allowed: false; retryAfter: number };

function keyOf(key: ThrottleKey): string {
	return `${key.kind}:${key.value.toLowerCase()}`;
}

/** The pause a username must keep after `attempts` attempts in the window, in seconds. */
export function pauseSeconds(attempts: number): number {
	if (attempts < SLOW_AFTER) return 0;
	return Math.min(MAX_PAUSE_SECONDS, 2 ** (attempts - SLOW_AFTER));
}

const pauseSql = (failures: unknown) =>
	sql`case when ${failures} < ${SLOW_AFTER} then 0 else least(${MAX_PAUSE_SECONDS}, power(2, ${failures} - ${SLOW_AFTER})) end`;

/**
 * Counts one attempt for the address and the username, or refuses it without counting the
 * username when it must wait. Call before verifying a password; `succeeded` after a right one.
 */
export async function beginAttempt(
	db: Executor,
	username: string,
	address: string,
	now: Date = systemClock()
): Promise<Attempt> {
	const at = sql<Date>`${now.toISOString()}::timestamptz`;
	const expired = sql<boolean>`login_throttle.window_started_at <= ${at} - make_interval(secs => ${THROTTLE_WINDOW_SECONDS})`;
	const counted = await db
		.insertInto('login_throttle')
		.values({
			key: keyOf({ kind: 'address', value: address }),
			failures: 1,
			window_started_at: at,
			last_failure_at: at
		})
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				failures: sql`case when ${expired} then 1 else login_throttle.failures + 1 end`,
				window_started_at: sql`case when ${expired} then ${at} else login_throttle.window_started_at end`,
				last_failure_at: at
			})
		)
		.returning(['failures', 'window_started_at'])
		.executeTakeFirstOrThrow();
	if (counted.failures > LIMITS.address) {
		const windowEnd = counted.window_started_at.getTime() + THROTTLE_WINDOW_SECONDS * 1000;
		return {
			allowed: false,
			retryAfter: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000))
		};
	}

	const userKey = keyOf({ kind: 'user', value: username });
	// One statement: the row lock orders parallel attempts, and the WHERE (re-checked on the row
	// as the previous attempt left it) lets through only an attempt whose pause has passed.
	const reserved = await db
		.insertInto('login_throttle')
		.values({ key: userKey, failures: 1, window_started_at: at, last_failure_at: at })
		.onConflict((oc) =>
			oc
				.column('key')
				.doUpdateSet({
					failures: sql`case when ${expired} then 1 else login_throttle.failures + 1 end`,
					window_started_at: sql`case when ${expired} then ${at} else login_throttle.window_started_at end`,
					last_failure_at: at
				})
				.where(
					sql<boolean>`${expired} or login_throttle.last_failure_at <= ${at} - make_interval(secs => ${pauseSql(sql.ref('login_throttle.failures'))})`
				)
		)
		.returning('failures')
		.executeTakeFirst();
	if (reserved) return { allowed: true };
	const row = await db
		.selectFrom('login_throttle')
		.select(['failures', 'last_failure_at'])
		.where('key', '=', userKey)
		.executeTakeFirst();
	const freeAt = row
		? row.last_failure_at.getTime() + pauseSeconds(row.failures) * 1000
		: now.getTime() + 1000;
	return { allowed: false, retryAfter: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
}

/** A right password: the username starts afresh, and the address's attempt is taken back. */
export async function succeeded(db: Executor, username: string, address: string): Promise<void> {
	await db
		.deleteFrom('login_throttle')
		.where('key', '=', keyOf({ kind: 'user', value: username }))
		.execute();
	await db
		.updateTable('login_throttle')
		.set({ failures: sql`greatest(failures - 1, 0)` })
		.where('key', '=', keyOf({ kind: 'address', value: address }))
		.execute();
}

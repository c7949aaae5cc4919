import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import { systemClock } from '../shared/clock';

/**
 * Login throttling, kept in the database because several app instances may share one PostgreSQL.
 * Failures are counted per username and per client address within a window; a few failures slow
 * the answer down, more block the key until the window ends.
 *
 * The window is compared with the app's clock, so the time written into it is the app's too, passed
 * in rather than the database's now(): a PostgreSQL server's clock is not the process's (under
 * `faketime`, or on another host), and mixing the two would block too long or not at all.
 */
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const LIMITS = { user: 5, address: 20 } as const;
/** Failures after which each further failed attempt is answered more slowly. */
const SLOW_AFTER = 2;
const MAX_DELAY_MS = 3000;

export type ThrottleKey = { kind: 'user' | 'address'; value: string };

function keyOf(key: ThrottleKey): string {
	return `${key.kind}:${key.value.toLowerCase()}`;
}

/** Seconds until the first blocked key frees up, or 0 when the attempt may proceed. */
export async function retryAfterSeconds(
	db: Executor,
	keys: ThrottleKey[],
	now: Date = systemClock()
): Promise<number> {
	let wait = 0;
	for (const key of keys) {
		const row = await db
			.selectFrom('login_throttle')
			.select(['failures', 'window_started_at'])
			.where('key', '=', keyOf(key))
			.executeTakeFirst();
		if (!row) continue;
		const windowEnd = row.window_started_at.getTime() + THROTTLE_WINDOW_SECONDS * 1000;
		const remaining = Math.ceil((windowEnd - now.getTime()) / 1000);
		if (remaining > 0 && row.failures >= LIMITS[key.kind]) wait = Math.max(wait, remaining);
	}
	return wait;
}

/** Counts a failure for every key; returns how long to delay the answer. */
export async function recordFailure(
	db: Executor,
	keys: ThrottleKey[],
	now: Date = systemClock()
): Promise<number> {
	const at = sql<Date>`${now.toISOString()}::timestamptz`;
	let delay = 0;
	for (const key of keys) {
		const row = await db
			.insertInto('login_throttle')
			.values({
				key: keyOf(key),
				failures: 1,
				window_started_at: at,
				last_failure_at: at
			})
			.onConflict((oc) =>
				oc.column('key').doUpdateSet({
					// A failure after the window starts a new window.
					failures: sql`case when login_throttle.window_started_at < ${at} - make_interval(secs => ${THROTTLE_WINDOW_SECONDS}) then 1 else login_throttle.failures + 1 end`,
					window_started_at: sql`case when login_throttle.window_started_at < ${at} - make_interval(secs => ${THROTTLE_WINDOW_SECONDS}) then ${at} else login_throttle.window_started_at end`,
					last_failure_at: at
				})
			)
			.returning('failures')
			.executeTakeFirstOrThrow();
		if (key.kind === 'user' && row.failures > SLOW_AFTER) {
			delay = Math.max(delay, Math.min(MAX_DELAY_MS, (row.failures - SLOW_AFTER) * 500));
		}
	}
	return delay;
}

export async function clearFailures(db: Executor, key: ThrottleKey): Promise<void> {
	await db.deleteFrom('login_throttle').where('key', '=', keyOf(key)).execute();
}

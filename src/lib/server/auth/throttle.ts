import { sql } from 'kysely';
import type { Executor } from '../audit/audit';

/**
 * Login throttling, kept in the database because several app instances may share one PostgreSQL.
 * Failures are counted per username and per client address within a window; a few failures slow
 * the answer down, more block the key until the window ends.
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
export async function retryAfterSeconds(db: Executor, keys: ThrottleKey[]): Promise<number> {
	let wait = 0;
	for (const key of keys) {
		const row = await db
			.selectFrom('login_throttle')
			.select(['failures', 'window_started_at'])
			.where('key', '=', keyOf(key))
			.executeTakeFirst();
		if (!row) continue;
		const windowEnd = row.window_started_at.getTime() + THROTTLE_WINDOW_SECONDS * 1000;
		const remaining = Math.ceil((windowEnd - Date.now()) / 1000);
		if (remaining > 0 && row.failures >= LIMITS[key.kind]) wait = Math.max(wait, remaining);
	}
	return wait;
}

/** Counts a failure for every key; returns how long to delay the answer. */
export async function recordFailure(db: Executor, keys: ThrottleKey[]): Promise<number> {
	let delay = 0;
	for (const key of keys) {
		const row = await db
			.insertInto('login_throttle')
			.values({
				key: keyOf(key),
				failures: 1,
				window_started_at: sql`now()`,
				last_failure_at: sql`now()`
			})
			.onConflict((oc) =>
				oc.column('key').doUpdateSet({
					// A failure after the window starts a new window.
					failures: sql`case when login_throttle.window_started_at < now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS}) then 1 else login_throttle.failures + 1 end`,
					window_started_at: sql`case when login_throttle.window_started_at < now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS}) then now() else login_throttle.window_started_at end`,
					last_failure_at: sql`now()`
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

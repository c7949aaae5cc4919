import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import type { NewJob } from './notifications';

/** Queues jobs; one whose dedupe key is already queued or sent is dropped. Returns how many. */
export async function enqueue(db: Executor, jobs: readonly NewJob[], now: Date): Promise<number> {
	if (!jobs.length) return 0;
	const rows = await db
		.insertInto('notification_job')
		.values(
			jobs.map((j) => ({
				kind: j.kind,
				recipient_user_id: j.recipientUserId,
				address: j.address ?? null,
				payload: JSON.stringify(j.payload),
				dedupe_key: j.dedupeKey,
				next_attempt_at: now,
				created_at: now
			}))
		)
		.onConflict((oc) => oc.column('dedupe_key').doNothing())
		.returning('id')
		.execute();
	return rows.length;
}

export interface ClaimedJob {
	id: string;
	kind: NewJob['kind'];
	recipientUserId: number | null;
	address: string | null;
	payload: unknown;
	attempts: number;
	lockedUntil: Date;
}

/**
 * Claims up to `limit` queued jobs (of `kinds`, or any) whose time has come, for `lockMs`: one atomic UPDATE whose
 * sub-select skips rows another instance has locked, so two workers never get the same job
 * (PostgreSQL and PGlite both run it; PGlite has one connection, so it never has to skip).
 */
export async function claim(
	db: Executor,
	now: Date,
	lockMs: number,
	limit: number,
	kinds: readonly NewJob['kind'][] | null = null
): Promise<ClaimedJob[]> {
	const until = new Date(now.getTime() + lockMs);
	const ofKind = kinds ? sql`and kind in (${sql.join(kinds)})` : sql``;
	const { rows } = await sql<{
		id: string | bigint;
		kind: NewJob['kind'];
		recipient_user_id: number | null;
		address: string | null;
		payload: unknown;
		attempts: number;
	}>`
		update notification_job
		set locked_until = ${until}, attempts = attempts + 1
		where id in (
			select id from notification_job
			where status = 'queued' and next_attempt_at <= ${now}
				and (locked_until is null or locked_until <= ${now})
				${ofKind}
			order by next_attempt_at, id
			limit ${limit}
			for update skip locked
		)
		returning id, kind, recipient_user_id, address, payload, attempts`.execute(db);
	return rows.map((r) => ({
		id: String(r.id),
		kind: r.kind,
		recipientUserId: r.recipient_user_id,
		address: r.address,
		payload: r.payload,
		attempts: r.attempts,
		lockedUntil: until
	}));
}

/**
 * Ends a claimed job; only while its lock is still the claimer's. An invitation's one-time link
 * leaves the table with it: only its hash stays (guest_invitation).
 */
export async function finish(
	db: Executor,
	job: ClaimedJob,
	status: 'sent' | 'skipped' | 'failed',
	now: Date,
	error: string | null = null
): Promise<void> {
	await db
		.updateTable('notification_job')
		.set({
			status,
			sent_at: status === 'sent' ? now : null,
			locked_until: null,
			last_error: error,
			payload: sql`case when kind = 'invitation' then '{}'::jsonb else payload end`
		})
		.where('id', '=', BigInt(job.id))
		.where('locked_until', '=', job.lockedUntil)
		.execute();
}

/** Puts a claimed job back in the queue for a later attempt. */
export async function retryLater(
	db: Executor,
	job: ClaimedJob,
	at: Date,
	error: string
): Promise<void> {
	await db
		.updateTable('notification_job')
		.set({ next_attempt_at: at, locked_until: null, last_error: error })
		.where('id', '=', BigInt(job.id))
		.where('locked_until', '=', job.lockedUntil)
		.execute();
}

/** Counts by status, for the admin. */
export async function counts(db: Executor): Promise<Record<string, number>> {
	const rows = await db
		.selectFrom('notification_job')
		.select(['status', (eb) => eb.fn.countAll<string>().as('n')])
		.groupBy('status')
		.execute();
	return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** The latest failures, for the admin. */
export function recentFailures(db: Executor, limit = 10) {
	return db
		.selectFrom('notification_job')
		.select(['id', 'kind', 'dedupe_key', 'attempts', 'last_error', 'next_attempt_at', 'status'])
		.where('last_error', 'is not', null)
		.where('status', 'in', ['queued', 'failed'])
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
}

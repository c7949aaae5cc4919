// Reminders that reach people: the job queue sends a notice once across two workers, retries
// after an SMTP failure, writes each role's digest with only what is theirs, and sends nothing to
// a user who turned mail off. Mail goes to an smtp-server sink on a loopback port.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import { decoded, startSmtpSink, type Received } from '../smtp-sink';
import * as notifications from '../../src/lib/server/notifications/notifications.service';
import * as prefs from '../../src/lib/server/notifications/preferences.service';
import { smtpMailer, type Mailer } from '../../src/lib/server/notifications/mailer';
import type { Clock } from '../../src/lib/server/shared/clock';

// Monday 7 December 2026, 8:00 in Prague: a digest day.
const MONDAY = '2026-12-07T07:00:00Z';
const at =
	(iso: string): Clock =>
	() =>
		new Date(iso);
const ORIGIN = 'https://dilna.example';

/** An SMTP sink with a mailer sending to it: refuses the first `refuse` messages with 451. */
async function startSink(refuse = 0) {
	const sink = await startSmtpSink({ refuse });
	const mailer: Mailer = smtpMailer({
		url: `smtp://127.0.0.1:${sink.port}`,
		host: null,
		port: sink.port,
		user: null,
		pass: null,
		from: 'Dílna <dilna@test>'
	});
	return { ...sink, mailer };
}

/** The quoted-printable body of a message, decoded enough to search its text. */
const text = (message: Received) => decoded(message.body);

describe.each(engines)('notifications on %s', (engine) => {
	let t: TestDb;
	let ids: Record<'owner' | 'other' | 'boss' | 'viewer' | 'quiet', number>;
	let kpiMine: number;

	beforeAll(async () => {
		t = await createTestDb(engine);
		ids = await build.users(t.db, {
			owner: 'process_owner',
			other: 'process_owner',
			boss: 'manager',
			viewer: 'viewer',
			quiet: 'process_owner'
		});
		const unit = await build.orgUnit(t.db, { code: 'OVV' });
		await build.process(t.db, { code: 'P-1', org_unit_id: unit, owner_user_id: ids.owner });
		await build.process(t.db, { code: 'P-2', org_unit_id: unit, owner_user_id: ids.other });
		await build.process(t.db, { code: 'P-3', org_unit_id: unit, owner_user_id: ids.quiet });
		await t.db
			.insertInto('adoption_member')
			.values({ user_id: ids.boss, org_unit_id: unit })
			.execute();
		// Monthly KPIs: November 2026 is due on 15 December; October was due on 15 November (overdue).
		kpiMine = await build.kpi(t.db, {
			code: 'K-MINE',
			responsible_user_id: ids.owner,
			frequency: 'monthly'
		});
		await build.kpi(t.db, {
			code: 'K-OTHER',
			responsible_user_id: ids.other,
			frequency: 'monthly'
		});
		await build.kpi(t.db, {
			code: 'K-QUIET',
			responsible_user_id: ids.quiet,
			frequency: 'monthly'
		});
		for (const [user, email] of [
			['owner', 'owner@test'],
			['other', 'other@test'],
			['boss', 'boss@test'],
			['viewer', 'viewer@test'],
			['quiet', 'quiet@test']
		] as const) {
			await prefs.save(
				t.db,
				ids[user],
				{ email, mode: user === 'quiet' ? 'none' : 'all' },
				at(MONDAY)
			);
		}
	});
	afterAll(() => t.destroy());
	beforeEach(async () => {
		await t.db.deleteFrom('notification_job').execute();
	});

	it('writes each role a digest of only what is theirs, and none to a user with mail off', async () => {
		const queued = await notifications.enqueueDigests(t.db, at(MONDAY), ORIGIN);
		const jobs = await t.db
			.selectFrom('notification_job')
			.select(['recipient_user_id', 'payload', 'kind'])
			.execute();
		expect(queued).toBe(jobs.length);
		const byUser = new Map(jobs.map((j) => [j.recipient_user_id, j.payload as { text: string }]));
		// The viewer owns nothing, the quiet owner turned mail off.
		expect([...byUser.keys()].sort()).toEqual([ids.owner, ids.other, ids.boss].sort());
		const mine = byUser.get(ids.owner)!.text;
		expect(mine).toContain('K-MINE');
		expect(mine).toContain(`${ORIGIN}/goals/kpi/${kpiMine}?period=2026-11#record`);
		expect(mine).not.toContain('K-OTHER');
		expect(mine).not.toContain('other'); // no colleague's name
		// The manager hears of the overdue actuals of the people in their unit, with whose they are.
		const boss = byUser.get(ids.boss)!.text;
		expect(boss).toContain('other: ');
		expect(boss).toContain('K-OTHER');
		expect(boss).toContain('K-QUIET');
		// Queued again the same week: nothing new.
		expect(await notifications.enqueueDigests(t.db, at(MONDAY), ORIGIN)).toBe(0);
	});

	it('sends a job once when two workers claim at the same time', async () => {
		await notifications.enqueueDigests(t.db, at(MONDAY), ORIGIN);
		const total = Number(
			(
				await t.db
					.selectFrom('notification_job')
					.select((eb) => eb.fn.countAll<string>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
		const sink = await startSink();
		try {
			const [a, b] = await Promise.all([
				notifications.sendDue(t.db, sink.mailer, at(MONDAY), { limit: 2 }),
				notifications.sendDue(t.db, sink.mailer, at(MONDAY), { limit: 2 })
			]);
			const rest = await notifications.sendDue(t.db, sink.mailer, at(MONDAY));
			expect(a.sent + b.sent + rest.sent).toBe(total);
			expect(sink.received).toHaveLength(total);
			const recipients = sink.received.flatMap((r) => r.to).sort();
			expect(new Set(recipients).size).toBe(total);
			expect(recipients).toContain('owner@test');
			expect(recipients).not.toContain('quiet@test');
			// Nothing left to send.
			expect((await notifications.sendDue(t.db, sink.mailer, at(MONDAY))).sent).toBe(0);
			const mail = sink.received.find((r) => r.to.includes('owner@test'))!;
			expect(text(mail)).toContain('K-MINE');
		} finally {
			await sink.close();
		}
	});

	it('retries after the SMTP server refuses, later, and sends once', async () => {
		await notifications.enqueueNudge(
			t.db,
			at(MONDAY),
			ORIGIN,
			{ id: ids.boss, name: 'boss' },
			ids.owner
		);
		const sink = await startSink(1);
		try {
			const first = await notifications.sendDue(t.db, sink.mailer, at(MONDAY));
			expect(first).toMatchObject({ sent: 0, retried: 1 });
			const job = await t.db.selectFrom('notification_job').selectAll().executeTakeFirstOrThrow();
			expect(job).toMatchObject({ status: 'queued', attempts: 1 });
			expect(job.last_error).toContain('try again later');
			// Not before its backoff (one minute).
			expect((await notifications.sendDue(t.db, sink.mailer, at(MONDAY))).sent).toBe(0);
			const later = at('2026-12-07T07:01:30Z');
			expect(await notifications.sendDue(t.db, sink.mailer, later)).toMatchObject({ sent: 1 });
			expect(await notifications.sendDue(t.db, sink.mailer, later)).toMatchObject({ sent: 0 });
			expect(sink.received).toHaveLength(1);
			expect(sink.received[0].to).toEqual(['owner@test']);
		} finally {
			await sink.close();
		}
	});

	it('skips a queued job whose recipient turned mail off since, and sends nothing without SMTP', async () => {
		await notifications.enqueueDigests(t.db, at(MONDAY), ORIGIN);
		expect(await notifications.sendDue(t.db, null, at(MONDAY))).toMatchObject({ sent: 0 });
		await prefs.save(t.db, ids.owner, { email: 'owner@test', mode: 'none' }, at(MONDAY));
		const sink = await startSink();
		try {
			const result = await notifications.sendDue(t.db, sink.mailer, at(MONDAY));
			expect(result.skipped).toBe(1);
			expect(sink.received.flatMap((r) => r.to)).not.toContain('owner@test');
		} finally {
			await sink.close();
			await prefs.save(t.db, ids.owner, { email: 'owner@test', mode: 'all' }, at(MONDAY));
		}
	});

	it('reminds before the due date and escalates past it, once', async () => {
		// 3 days before Tuesday 15 Dec is Saturday the 12th, so the reminder is due Friday the 11th.
		expect(await notifications.enqueueReminders(t.db, at('2026-12-10T08:00:00Z'), ORIGIN)).toBe(0);
		const friday = at('2026-12-11T08:00:00Z');
		await notifications.enqueueReminders(t.db, friday, ORIGIN);
		const rows = await t.db
			.selectFrom('notification_job')
			.select(['kind', 'recipient_user_id', 'dedupe_key'])
			.orderBy('dedupe_key')
			.execute();
		const before = rows.filter((r) => r.dedupe_key.startsWith('before:'));
		expect(before.map((r) => r.recipient_user_id).sort()).toEqual([ids.owner, ids.other].sort());
		expect(await notifications.enqueueReminders(t.db, friday, ORIGIN)).toBe(0);
		// October's actuals were due 15 November: escalated to the boss from the 24th (7 days, working day).
		const escalation = await notifications.enqueueReminders(
			t.db,
			at('2026-11-24T08:00:00Z'),
			ORIGIN
		);
		expect(escalation).toBeGreaterThan(0);
		const toBoss = await t.db
			.selectFrom('notification_job')
			.select('dedupe_key')
			.where('kind', '=', 'escalation')
			.execute();
		expect(toBoss.map((r) => r.dedupe_key)).toEqual(
			expect.arrayContaining([expect.stringMatching(new RegExp(`^escalation:${ids.boss}:kpi:`))])
		);
	});
});

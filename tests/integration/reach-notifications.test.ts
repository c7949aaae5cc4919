// Reminders that reach people, part two: documents due for review and CAF scores a panel member
// owes are reminded before and after their date and escalated to the manager; each mail is in its
// recipient's language; a unit's notices are also posted to its incoming webhook (a local HTTP
// sink here) through the same job queue: once, retried after a failure, skipped once removed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as notifications from '../../src/lib/server/notifications/notifications.service';
import * as prefs from '../../src/lib/server/notifications/preferences.service';
import type { Mailer } from '../../src/lib/server/notifications/mailer';
import type { MailPayload } from '../../src/lib/server/notifications/notifications';
import type { Clock } from '../../src/lib/server/shared/clock';

const at =
	(iso: string): Clock =>
	() =>
		new Date(iso);
const ORIGIN = 'https://dilna.example';
// Review and scoring are due Monday 4 January 2027. Three days before is Friday 1 January, a
// holiday, so the reminder goes out on Thursday 31 December; a day after is Tuesday 5 January;
// the manager hears of it seven days after, on Monday 11 January.
const BEFORE = at('2026-12-31T08:00:00Z');
const AFTER = at('2027-01-05T08:00:00Z');
const ESCALATE = at('2027-01-11T08:00:00Z');

/** A webhook sink: answers 500 to the first `fail` posts, then 200; keeps the JSON bodies. */
async function startHookSink(fail = 0) {
	const received: { path: string; body: unknown }[] = [];
	let failed = 0;
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			if (failed < fail) {
				failed++;
				res.writeHead(500).end('busy');
				return;
			}
			received.push({ path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString()) });
			res.writeHead(200, { 'content-type': 'text/plain' }).end('1');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		received,
		url: `http://127.0.0.1:${port}/hook`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** A mailer that keeps what it is given (the SMTP path itself is tested in adoption-notifications). */
function memoryMailer() {
	const sent: { to: string; message: MailPayload }[] = [];
	const mailer: Mailer = {
		async send(to, message) {
			sent.push({ to, message });
		}
	};
	return { sent, mailer };
}

describe.each(engines)('review, CAF, language and webhook notices on %s', (engine) => {
	let t: TestDb;
	let ids: Record<'owner' | 'english' | 'boss' | 'assessor' | 'quiet' | 'admin', number>;
	let unit: number;
	let doc: number;
	let round: number;

	beforeAll(async () => {
		t = await createTestDb(engine);
		ids = await build.users(t.db, {
			owner: 'process_owner',
			english: 'process_owner',
			boss: 'manager',
			assessor: 'viewer',
			quiet: 'process_owner',
			admin: 'admin'
		});
		unit = await build.orgUnit(t.db, { code: 'OVV' });
		for (const u of ['owner', 'english', 'boss', 'quiet'] as const) {
			await t.db
				.insertInto('adoption_member')
				.values({ user_id: ids[u], org_unit_id: unit })
				.execute();
		}
		doc = await build.document(t.db, {
			title: 'Spisový řád',
			owner_user_id: ids.owner,
			review_date: '2027-01-04'
		});
		await build.document(t.db, {
			title: 'Směrnice o zadávání',
			owner_user_id: ids.quiet,
			review_date: '2027-01-04'
		});
		round = await build.cafRound(t.db, { name: 'CAF 2026', leader_user_id: ids.boss }, [
			{ userId: ids.english },
			{ userId: ids.assessor, guest: true }
		]);
		// The English-speaking member has scored the first subcriterion: the link opens the next.
		await t.db
			.insertInto('caf_score')
			.values({ round_id: round, subcriterion_code: '1.1', user_id: ids.english, score: 50 })
			.execute();
		for (const [u, email] of [
			['owner', 'owner@test'],
			['english', 'english@test'],
			['boss', 'boss@test'],
			['assessor', 'assessor@test'],
			['quiet', 'quiet@test']
		] as const) {
			await prefs.save(t.db, ids[u], { email, mode: u === 'quiet' ? 'none' : 'all' }, BEFORE);
		}
		await prefs.setLanguage(t.db, ids.english, 'en', BEFORE);
	});
	afterAll(() => t.destroy());
	beforeEach(async () => {
		await t.db.deleteFrom('notification_job').execute();
		await t.db.deleteFrom('notification_webhook').execute();
	});

	const jobsOf = () =>
		t.db
			.selectFrom('notification_job')
			.select(['kind', 'recipient_user_id', 'dedupe_key', 'payload', 'address'])
			.orderBy('dedupe_key')
			.execute();

	it('reminds of a review date and of CAF scores before the date, with the exact form, in each one’s language', async () => {
		expect(await notifications.enqueueReminders(t.db, at('2026-12-30T08:00:00Z'), ORIGIN)).toBe(0);
		const { sent, mailer } = memoryMailer();
		await notifications.enqueueReminders(t.db, BEFORE, ORIGIN);
		const result = await notifications.sendDue(t.db, mailer, BEFORE);
		expect(result.sent).toBe(sent.length);
		const to = (who: string) => sent.filter((s) => s.to === who).map((s) => s.message);
		// The document's owner, in Czech, with the link to the document's edit form.
		const [review] = to('owner@test');
		expect(review.subject).toContain('Revize dokumentu Spisový řád');
		expect(review.text).toContain(`${ORIGIN}/knowledge/documents/${doc}#edit-h`);
		expect(review.text).toContain('Otevřít formulář');
		// The panel member who chose English, with the form of the first subcriterion not scored.
		const [caf] = to('english@test');
		expect(caf.subject).toContain('CAF scoring CAF 2026: 27 of 28 subcriteria not scored');
		expect(caf.text).toContain(`${ORIGIN}/caf/${round}/1.2`);
		expect(caf.text).toContain('Open the form');
		expect(caf.text).not.toContain('Otevřít');
		// The guest assessor owes all 28.
		expect(to('assessor@test')[0].text).toContain(`${ORIGIN}/caf/${round}/1.1`);
		// Mail turned off: nothing, though their document is due too.
		expect(to('quiet@test')).toEqual([]);
		expect(sent.map((s) => s.to).sort()).toEqual(
			['owner@test', 'english@test', 'assessor@test'].sort()
		);
		// The same day again: nothing new.
		expect(await notifications.enqueueReminders(t.db, BEFORE, ORIGIN)).toBe(0);
		// The member's own worklist lists the scores they owe, with the same form.
		const mine = await notifications.dueFor(t.db, ids.english, '2026-12-31');
		expect(mine.cafScores).toEqual([
			expect.objectContaining({ roundId: round, missing: 27, first: '1.2', overdue: false })
		]);
		expect((await notifications.dueFor(t.db, ids.owner, '2026-12-31')).cafScores).toEqual([]);
	});

	it('reminds after the date and escalates to the manager, but never an external assessor', async () => {
		await notifications.enqueueReminders(t.db, AFTER, ORIGIN);
		let rows = await jobsOf();
		expect(rows.every((r) => r.kind === 'reminder')).toBe(true);
		expect(rows.map((r) => r.recipient_user_id).sort()).toEqual(
			[ids.owner, ids.english, ids.assessor].sort()
		);
		await t.db.deleteFrom('notification_job').execute();
		await notifications.enqueueReminders(t.db, ESCALATE, ORIGIN);
		rows = await jobsOf();
		const escalations = rows.filter((r) => r.kind === 'escalation');
		expect(escalations.every((r) => r.recipient_user_id === ids.boss)).toBe(true);
		const keys = escalations.map((r) => r.dedupe_key);
		// The owner's review, the quiet owner's review (the manager still hears of it), the member's
		// CAF scores; not the guest's.
		expect(keys).toHaveLength(3);
		expect(keys.some((k) => k.includes(`review:document:${doc}:`))).toBe(true);
		expect(keys.some((k) => k.includes(`caf:${round}:${ids.english}`))).toBe(true);
		expect(keys.some((k) => k.includes(`caf:${round}:${ids.assessor}`))).toBe(false);
		// The boss's weekly digest lists them too, escalated with whose they are.
		await notifications.enqueueDigests(t.db, ESCALATE, ORIGIN);
		const digest = (await jobsOf()).find(
			(r) => r.kind === 'digest' && r.recipient_user_id === ids.boss
		)!;
		const text = (digest.payload as { text: string }).text;
		expect(text).toContain('owner: Revize dokumentu Spisový řád');
		expect(text).not.toContain('assessor');
	});

	it('posts the unit’s notices to its webhook once, retries after a failure, and skips a removed one', async () => {
		const sink = await startHookSink(1);
		try {
			expect(prefs.parseWebhook({ orgUnitId: String(unit), url: 'ftp://x' }).ok).toBe(false);
			const parsed = prefs.parseWebhook({ orgUnitId: String(unit), url: sink.url });
			expect(parsed.ok).toBe(true);
			if (!parsed.ok) return;
			await prefs.saveWebhook(t.db, ids.admin, parsed.value, BEFORE);
			const audit = await t.db
				.selectFrom('audit_event')
				.select(['action', 'after'])
				.where('action', '=', 'notification_webhook.update')
				.execute();
			expect(audit).toHaveLength(1);

			await notifications.enqueueReminders(t.db, BEFORE, ORIGIN);
			const hooks = (await jobsOf()).filter((r) => r.kind === 'webhook');
			// The owner's, the quiet owner's and the English member's notices (the guest is in no unit).
			expect(hooks).toHaveLength(3);
			expect(hooks.every((h) => h.address === sink.url)).toBe(true);

			// No SMTP: mail waits, webhooks are posted. The first post fails and waits a minute.
			const first = await notifications.sendDue(t.db, null, BEFORE);
			expect(first).toMatchObject({ sent: 2, retried: 1 });
			expect(sink.received).toHaveLength(2);
			expect(await notifications.sendDue(t.db, null, BEFORE)).toMatchObject({ sent: 0 });
			// Two workers a minute later: the retried post goes once.
			const later = at('2026-12-31T08:01:30Z');
			const [a, b] = await Promise.all([
				notifications.sendDue(t.db, null, later),
				notifications.sendDue(t.db, null, later)
			]);
			expect(a.sent + b.sent).toBe(1);
			expect(sink.received).toHaveLength(3);
			const texts = sink.received.map((r) => (r.body as { text: string }).text);
			expect(new Set(texts).size).toBe(3);
			expect(texts.some((x) => x.includes('owner: Revize dokumentu Spisový řád'))).toBe(true);
			expect(texts.some((x) => x.includes(`${ORIGIN}/knowledge/documents/${doc}#edit-h`))).toBe(
				true
			);
			expect(sink.received.every((r) => r.path === '/hook')).toBe(true);
			// Mail is still queued, not lost.
			const queuedMail = await t.db
				.selectFrom('notification_job')
				.select('id')
				.where('kind', '=', 'reminder')
				.where('status', '=', 'queued')
				.execute();
			expect(queuedMail.length).toBeGreaterThan(0);

			// Queued again: nothing new. Removed before the next notices are sent: skipped.
			expect(await notifications.enqueueReminders(t.db, BEFORE, ORIGIN)).toBe(0);
			await notifications.enqueueReminders(t.db, AFTER, ORIGIN);
			await prefs.saveWebhook(t.db, ids.admin, { orgUnitId: unit, url: null }, AFTER);
			const afterRemoval = await notifications.sendDue(t.db, null, AFTER);
			expect(afterRemoval.sent).toBe(0);
			expect(afterRemoval.skipped).toBe(3);
			expect(sink.received).toHaveLength(3);
		} finally {
			await sink.close();
		}
	});
});

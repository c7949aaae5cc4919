/**
 * Reminders that reach people: what is due for whom (through the due rule), queued as jobs with a
 * dedupe key, sent over SMTP by whichever app instance claims them first.
 *
 * Why a job table and not pg-boss: pg-boss runs only on a real PostgreSQL (it needs its own schema,
 * LISTEN/NOTIFY and a pool), while Dílna also runs on embedded PGlite; and what we need is small —
 * one table, one atomic claim (`UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`), a unique
 * dedupe key. Both engines run the same SQL, and the tests run it on both.
 */
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import type { Executor } from '../audit/audit';
import * as kpis from '../kpis/kpis.service';
import * as settings from '../settings/settings.service';
import { todayInPrague, type Clock } from '../shared/clock';
import * as repo from './notifications.repository';
import * as jobs from './jobs.repository';
import {
	addDays,
	cafScoresOwed,
	isDigestDay,
	isEscalated,
	isWorkingDay,
	isoWeek,
	managersOf,
	noticesFor,
	savingsOwed,
	type DueItem
} from './due';
import { renderDigest, renderNotice, renderNudge, renderWebhook, type EscalatedItem } from './mail';
import type { Mailer } from './mailer';
import { fetchPoster, type Poster, type WebhookPayload } from './webhook';
import {
	MAX_ATTEMPTS,
	backoffMinutes,
	wants,
	type MailPayload,
	type NewJob
} from './notifications';
import { log } from '../log';

/** How far ahead open items are listed (digest) and looked at (reminders before). */
const HORIZON_DAYS = 31;

/**
 * Every open item of every owner on `today`: KPI actuals, milestones, initiatives' savings,
 * documents due for review and CAF scores a panel member owes in a round being scored.
 */
export async function collectDueItems(db: Executor, today: string): Promise<DueItem[]> {
	const items: DueItem[] = [];
	const until = addDays(today, HORIZON_DAYS);
	for (const userId of await repo.kpiResponsibles(db)) {
		for (const w of await kpis.worklist(db, userId, today)) {
			items.push({
				kind: 'kpi_actual',
				key: `kpi:${w.kpiId}:${w.period}`,
				ownerId: userId,
				title: (locale) =>
					m.adoption_item_kpi({ code: w.code, name: w.name, period: w.period }, { locale }),
				dueDate: w.dueDate,
				path: `/goals/kpi/${w.kpiId}?period=${w.period}#record`
			});
		}
	}
	for (const ms of await repo.openMilestones(db, until)) {
		items.push({
			kind: 'milestone',
			key: `milestone:${ms.id}`,
			ownerId: ms.owner_user_id!,
			title: (locale) =>
				m.adoption_item_milestone({ name: ms.name, activity: ms.activity_code }, { locale }),
			dueDate: ms.current_due,
			path: `/programme/milestones/${ms.id}#edit-h`
		});
	}
	for (const ini of await repo.initiativesExpectingSavings(db)) {
		const owed = savingsOwed(today, ini.last_end);
		if (!owed) continue;
		items.push({
			kind: 'initiative_savings',
			key: `savings:${ini.id}:${owed.quarter}`,
			ownerId: ini.owner_user_id!,
			title: (locale) =>
				m.adoption_item_savings(
					{ code: ini.code, name: ini.name, quarter: owed.quarter },
					{ locale }
				),
			dueDate: owed.dueDate,
			path: `/initiatives/${ini.id}#savings-h`
		});
	}
	for (const d of await repo.documentsToReview(db, until)) {
		items.push({
			kind: 'document_review',
			// The review date is in the key: a document reviewed and given a new date starts afresh.
			key: `review:document:${d.id}:${d.review_date}`,
			ownerId: d.owner_user_id,
			title: (locale) => m.adoption_item_document_review({ title: d.title }, { locale }),
			dueDate: d.review_date!,
			path: `/knowledge/documents/${d.id}#edit-h`
		});
	}
	const codes = await repo.cafCodes(db);
	for (const p of await repo.cafPanelsScoring(db, until)) {
		const owed = cafScoresOwed(codes, p.scored);
		if (!owed) continue;
		items.push({
			kind: 'caf_score',
			key: `caf:${p.round_id}:${p.user_id}`,
			ownerId: p.user_id,
			title: (locale) =>
				m.adoption_item_caf_score(
					{ round: p.round_name, missing: owed.missing, total: codes.length },
					{ locale }
				),
			dueDate: p.scoring_due,
			path: `/caf/${p.round_id}/${owed.first}`,
			escalate: !p.guest
		});
	}
	return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key));
}

/**
 * What one person owns that is due within the horizon or overdue on `today`, besides KPI actuals
 * (kpis.worklist) and documents to review (knowledge): milestones to finish, initiatives' savings
 * to record and CAF scores they owe in a round being scored, for their `/my`.
 */
export async function dueFor(db: Executor, userId: number, today: string) {
	const [milestones, initiatives, panels, codes] = await Promise.all([
		repo.openMilestones(db, addDays(today, HORIZON_DAYS), userId),
		repo.initiativesExpectingSavings(db, userId),
		repo.cafPanelsScoring(db, addDays(today, HORIZON_DAYS), userId),
		repo.cafCodes(db)
	]);
	return {
		cafScores: panels.flatMap((p) => {
			const owed = cafScoresOwed(codes, p.scored);
			return owed
				? [
						{
							roundId: p.round_id,
							roundName: p.round_name,
							dueDate: p.scoring_due,
							overdue: p.scoring_due < today,
							missing: owed.missing,
							total: codes.length,
							first: owed.first
						}
					]
				: [];
		}),
		milestones: milestones.map((ms) => ({
			id: ms.id,
			name: ms.name,
			activityCode: ms.activity_code,
			dueDate: ms.current_due,
			overdue: ms.current_due < today
		})),
		savings: initiatives.flatMap((ini) => {
			const owed = savingsOwed(today, ini.last_end);
			return owed
				? [{ id: ini.id, code: ini.code, name: ini.name, ...owed, overdue: owed.dueDate < today }]
				: [];
		})
	};
}

async function context(db: Executor) {
	const [people, units] = await Promise.all([repo.recipients(db), repo.units(db)]);
	const members = people.map((p) => ({
		userId: p.id,
		unitId: p.unitId,
		isManager: p.role === 'manager'
	}));
	const tree = units.map((u) => ({ id: u.id, parentId: u.parent_id }));
	const byId = new Map(people.map((p) => [p.id, p]));
	return { people, byId, managers: (ownerId: number) => managersOf(ownerId, members, tree) };
}

/**
 * Queues today's reminders and escalations, by mail to whoever wants them and, once per notice,
 * to the webhook of the owner's org unit when it has one. Returns how many new jobs were queued.
 */
export async function enqueueReminders(
	db: Executor,
	clock: Clock,
	origin: string
): Promise<number> {
	const now = clock();
	const today = todayInPrague(now);
	if (!isWorkingDay(today)) return 0;
	const [items, rules, ctx, hooks] = await Promise.all([
		collectDueItems(db, today),
		settings.getReminders(db),
		context(db),
		repo.webhooks(db)
	]);
	const hookOf = new Map(hooks.map((h) => [h.org_unit_id, h.url]));
	const out: NewJob[] = [];
	for (const n of noticesFor(items, today, rules.value, ctx.managers)) {
		const to = ctx.byId.get(n.recipientId);
		const kind = n.stage === 'escalation' ? 'escalation' : 'reminder';
		const owner = ctx.byId.get(n.item.ownerId);
		const unitId = owner?.unitId ?? null;
		const hook = unitId === null ? undefined : hookOf.get(unitId);
		if (hook) {
			// One post per notice whoever it is mailed to (an escalation may reach two managers).
			const payload: WebhookPayload = {
				text: renderWebhook(n.stage, n.item, owner?.name ?? '', origin),
				unitId: unitId!
			};
			out.push({
				kind: 'webhook',
				recipientUserId: null,
				address: hook,
				payload: payload as unknown as Record<string, unknown>,
				dedupeKey: `webhook:${unitId}:${n.stage}:${n.item.key}:${n.stageDate}`
			});
		}
		if (!to?.email || !wants(to.mode, kind)) continue;
		out.push({
			kind,
			recipientUserId: to.id,
			payload: renderNotice(n.stage, n.item, owner?.name ?? '', origin, to.language),
			dedupeKey: n.dedupeKey
		});
	}
	return jobs.enqueue(db, out, now);
}

/**
 * Queues this week's digest for every user who wants it and has something in it; at most one a
 * week each (the dedupe key names the ISO week).
 */
export async function enqueueDigests(db: Executor, clock: Clock, origin: string): Promise<number> {
	const now = clock();
	const today = todayInPrague(now);
	const [items, rules, ctx] = await Promise.all([
		collectDueItems(db, today),
		settings.getReminders(db),
		context(db)
	]);
	const soon = addDays(today, 14);
	const out: NewJob[] = [];
	for (const person of ctx.people) {
		if (!person.email || !wants(person.mode, 'digest')) continue;
		const own = items.filter((i) => i.ownerId === person.id && i.dueDate <= soon);
		const escalated: EscalatedItem[] =
			person.role === 'manager'
				? items
						.filter(
							(i) =>
								i.ownerId !== person.id &&
								isEscalated(i, today, rules.value) &&
								ctx.managers(i.ownerId).includes(person.id)
						)
						.map((item) => ({ item, ownerName: ctx.byId.get(item.ownerId)?.name ?? '' }))
				: [];
		if (!own.length && !escalated.length) continue;
		out.push({
			kind: 'digest',
			recipientUserId: person.id,
			payload: renderDigest(person.name, own, escalated, today, origin, person.language),
			dedupeKey: `digest:${person.id}:${isoWeek(today)}`
		});
	}
	return jobs.enqueue(db, out, now);
}

/** An ambassador's (or admin's) reminder to a colleague: their own open items, once a day. */
export async function enqueueNudge(
	db: Executor,
	clock: Clock,
	origin: string,
	from: { id: number; name: string },
	colleagueId: number
): Promise<{ queued: boolean; items: number }> {
	const now = clock();
	const today = todayInPrague(now);
	const own = (await collectDueItems(db, today)).filter((i) => i.ownerId === colleagueId);
	const contact = await repo.contactOf(db, colleagueId);
	if (!own.length || !contact?.active || !contact.email || !wants(contact.mode ?? 'all', 'nudge')) {
		return { queued: false, items: own.length };
	}
	const queued = await jobs.enqueue(
		db,
		[
			{
				kind: 'nudge',
				recipientUserId: colleagueId,
				payload: renderNudge(from.name, own, origin, contact.language ?? 'cs'),
				dedupeKey: `nudge:${colleagueId}:${today}`
			}
		],
		now
	);
	return { queued: queued > 0, items: own.length };
}

export interface SendResult {
	sent: number;
	skipped: number;
	retried: number;
	failed: number;
}

/**
 * Sends the jobs whose time has come. Each is claimed with a lock first, so another instance
 * never takes it; a failure (SMTP or the webhook) puts it back with a growing wait, and after
 * MAX_ATTEMPTS it is given up. The recipient's address and preference are read now: mail turned
 * off since the job was queued means it is skipped; so is a post to a webhook removed since.
 * Without a mailer, mail waits in the queue (unclaimed) and webhooks are still posted.
 */
export async function sendDue(
	db: Db,
	mailer: Mailer | null,
	clock: Clock,
	options: { limit?: number; lockMs?: number; poster?: Poster } = {}
): Promise<SendResult> {
	const result: SendResult = { sent: 0, skipped: 0, retried: 0, failed: 0 };
	const poster = options.poster ?? fetchPoster;
	const claimed = await jobs.claim(
		db,
		clock(),
		options.lockMs ?? 5 * 60_000,
		options.limit ?? 25,
		mailer ? null : ['webhook']
	);
	for (const job of claimed) {
		let send: () => Promise<void>;
		if (job.kind === 'webhook') {
			const payload = job.payload as WebhookPayload;
			const hook = await repo.webhookOf(db, payload.unitId);
			if (!hook) {
				await jobs.finish(db, job, 'skipped', clock());
				result.skipped++;
				continue;
			}
			send = () => poster.post(hook.url, { text: payload.text });
		} else {
			const contact = job.recipientUserId ? await repo.contactOf(db, job.recipientUserId) : null;
			if (
				!mailer ||
				!contact?.active ||
				!contact.email ||
				!wants(contact.mode ?? 'all', job.kind)
			) {
				await jobs.finish(db, job, 'skipped', clock());
				result.skipped++;
				continue;
			}
			const email = contact.email;
			send = () => mailer.send(email, job.payload as MailPayload);
		}
		try {
			await send();
			await jobs.finish(db, job, 'sent', clock());
			result.sent++;
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			if (job.attempts >= MAX_ATTEMPTS) {
				await jobs.finish(db, job, 'failed', clock(), message);
				result.failed++;
			} else {
				const at = new Date(clock().getTime() + backoffMinutes(job.attempts) * 60_000);
				await jobs.retryLater(db, job, at, message);
				result.retried++;
			}
			log.warn({ job: job.id, attempts: job.attempts, error: message }, 'sending a notice failed');
		}
	}
	return result;
}

/** One run of the scheduler: queue what today brings (reminders, Monday's digest), then send. */
export async function tick(
	db: Db,
	clock: Clock,
	origin: string,
	mailer: Mailer | null,
	poster?: Poster
): Promise<SendResult> {
	const today = todayInPrague(clock());
	await enqueueReminders(db, clock, origin);
	if (isDigestDay(today)) await enqueueDigests(db, clock, origin);
	return sendDue(db, mailer, clock, { poster });
}

export function queueCounts(db: Executor) {
	return jobs.counts(db);
}

export function queueFailures(db: Executor) {
	return jobs.recentFailures(db);
}

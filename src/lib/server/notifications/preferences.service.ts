import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import type { Db } from '../db';
import { FormReader, type Parsed } from '../shared/form';
import type { Clock } from '../shared/clock';
import * as repo from './notifications.repository';
import { MAIL_MODES, type MailMode } from './notifications';
import type { MailLanguage } from '../db/schema';
import { NotFoundError } from '../shared/errors';
import { WEBHOOK_MAX, webhookUrl } from './webhook';

export interface MailPreference {
	email: string | null;
	mode: MailMode;
}

/** A user's address and which mails they want; everyone gets everything until they choose. */
export async function get(db: Executor, userId: number): Promise<MailPreference> {
	const row = await repo.preference(db, userId);
	return { email: row?.email ?? null, mode: row?.mode ?? 'all' };
}

/** The account form: an address (may be empty: then no mail) and one of the modes. */
export function parse(form: Record<string, unknown>): Parsed<MailPreference> {
	const f = new FormReader(form);
	const email = f.text('email', { max: 200 });
	if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
		f.errors.email = 'adoption_error_email';
	}
	const mode = f.choice('mode', MAIL_MODES);
	return f.result({ email, mode: mode ?? 'all' });
}

/** Saves a user's own preference (audited: the address is personal data). */
export async function save(
	db: Db,
	userId: number,
	next: MailPreference,
	clock: Clock
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await get(trx, userId);
		await repo.savePreference(trx, userId, next.email, next.mode, clock());
		await audit.record(trx, {
			userId,
			action: 'notification_preference.update',
			entity: 'app_user',
			entityId: userId,
			before,
			after: next
		});
	});
}

/** Remembers the language a user chose in the app, so their mail is written in it. */
export async function setLanguage(
	db: Executor,
	userId: number,
	language: MailLanguage,
	clock: Clock
): Promise<void> {
	await repo.saveLanguage(db, userId, language, clock());
}

export interface Webhook {
	orgUnitId: number;
	code: string;
	name: string;
	url: string;
	version: number;
}

/** Every org unit's incoming webhook, for the admin. */
export async function webhooks(db: Executor): Promise<Webhook[]> {
	return (await repo.webhooks(db)).map((w) => ({
		orgUnitId: w.org_unit_id,
		code: w.code,
		name: w.name,
		url: w.url,
		version: w.version
	}));
}

/** The webhook form: an org unit and an http(s) URL; an empty URL removes the unit's webhook. */
export function parseWebhook(
	form: Record<string, unknown>
): Parsed<{ orgUnitId: number; url: string | null }> {
	const f = new FormReader(form);
	const orgUnitId = f.id('orgUnitId', { required: true });
	const raw = f.text('url', { max: WEBHOOK_MAX });
	const url = raw === null ? null : webhookUrl(raw);
	if (raw !== null && url === null) f.errors.url = 'adoption_error_webhook_url';
	return f.result({ orgUnitId: orgUnitId!, url });
}

/**
 * Sets or removes an org unit's webhook (audited: where the office's notices are posted). Jobs
 * already queued for a removed webhook are skipped when their time comes.
 */
export async function saveWebhook(
	db: Db,
	actorId: number,
	next: { orgUnitId: number; url: string | null },
	clock: Clock
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const unit = await trx
			.selectFrom('org_unit')
			.select('id')
			.where('id', '=', next.orgUnitId)
			.executeTakeFirst();
		if (!unit) throw new NotFoundError('org_unit');
		const before = await repo.webhookOf(trx, next.orgUnitId);
		if (next.url === null) {
			if (!before) return;
			await repo.deleteWebhook(trx, next.orgUnitId);
		} else {
			await repo.saveWebhook(trx, next.orgUnitId, next.url, clock());
		}
		await audit.record(trx, {
			userId: actorId,
			action: next.url === null ? 'notification_webhook.delete' : 'notification_webhook.update',
			entity: 'org_unit',
			entityId: next.orgUnitId,
			before: before ? { url: before.url } : null,
			after: next.url === null ? null : { url: next.url }
		});
	});
}

import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import type { MailLanguage, MailMode, Role } from '../db/schema';

/** Open milestones with an owner, due by `until`. */
export function openMilestones(db: Executor, until: string, ownerId?: number) {
	let query = db
		.selectFrom('milestone as ms')
		.innerJoin('programme_activity as a', 'a.id', 'ms.activity_id')
		.select(['ms.id', 'ms.name', 'ms.owner_user_id', 'ms.current_due', 'a.code as activity_code'])
		.where('ms.done_date', 'is', null)
		.where('ms.owner_user_id', 'is not', null)
		.where('ms.current_due', '<=', until)
		.orderBy('ms.current_due');
	if (ownerId !== undefined) query = query.where('ms.owner_user_id', '=', ownerId);
	return query.execute();
}

/** Initiatives in progress or done that expect savings, with the end of their last saving. */
export function initiativesExpectingSavings(db: Executor, ownerId?: number) {
	let query = db
		.selectFrom('initiative as i')
		.leftJoin('initiative_saving as s', 's.initiative_id', 'i.id')
		.select([
			'i.id',
			'i.code',
			'i.name',
			'i.owner_user_id',
			(eb) => eb.fn.max<string | null>('s.period_end').as('last_end')
		])
		.where('i.status', 'in', ['in_progress', 'done'])
		.where('i.owner_user_id', 'is not', null)
		.where((eb) =>
			eb.or([eb('i.expected_savings_czk', '>', 0n), eb('i.expected_savings_hours', '>', '0')])
		)
		.groupBy(['i.id', 'i.code', 'i.name', 'i.owner_user_id']);
	if (ownerId !== undefined) query = query.where('i.owner_user_id', '=', ownerId);
	return query.execute();
}

/** Users who answer for a manual KPI. */
export async function kpiResponsibles(db: Executor): Promise<number[]> {
	const rows = await db
		.selectFrom('kpi')
		.select('responsible_user_id')
		.distinct()
		.where('source', '=', 'manual')
		.where('responsible_user_id', 'is not', null)
		.execute();
	return rows.map((r) => r.responsible_user_id!);
}

export interface Recipient {
	id: number;
	name: string;
	role: Role;
	email: string | null;
	mode: MailMode;
	language: MailLanguage;
	unitId: number | null;
}

/**
 * A user's org unit: the one set on /admin/adoption, else the unit of the first process they own.
 * `u` is app_user, `am` their adoption_member row (left-joined).
 */
export const userUnit = sql<number | null>`coalesce(am.org_unit_id, (select pr.org_unit_id
	from process pr where pr.owner_user_id = u.id and pr.org_unit_id is not null
	order by pr.id limit 1))`;

/** Active users with their mail preference and org unit. */
export async function recipients(db: Executor): Promise<Recipient[]> {
	const rows = await db
		.selectFrom('app_user as u')
		.leftJoin('notification_preference as p', 'p.user_id', 'u.id')
		.leftJoin('adoption_member as am', 'am.user_id', 'u.id')
		.select([
			'u.id',
			'u.display_name as name',
			'u.role',
			'p.email',
			'p.mode',
			'p.language',
			userUnit.as('unit_id')
		])
		.where('u.active', '=', true)
		.orderBy('u.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		role: r.role,
		email: r.email ?? null,
		mode: r.mode ?? 'all',
		language: r.language ?? 'cs',
		unitId: r.unit_id
	}));
}

export function units(db: Executor) {
	return db
		.selectFrom('org_unit')
		.select(['id', 'parent_id', 'code', 'name'])
		.orderBy('code')
		.execute();
}

/** One user's address and preference, as the sender reads them at sending. */
export function contactOf(db: Executor, userId: number) {
	return db
		.selectFrom('app_user as u')
		.leftJoin('notification_preference as p', 'p.user_id', 'u.id')
		.select(['u.active', 'p.email', 'p.mode', 'p.language'])
		.where('u.id', '=', userId)
		.executeTakeFirst();
}

export function preference(db: Executor, userId: number) {
	return db
		.selectFrom('notification_preference')
		.select(['email', 'mode', 'version'])
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

export async function savePreference(
	db: Executor,
	userId: number,
	email: string | null,
	mode: MailMode,
	now: Date
): Promise<void> {
	await db
		.insertInto('notification_preference')
		.values({ user_id: userId, email, mode, updated_at: now })
		.onConflict((oc) =>
			oc.column('user_id').doUpdateSet({
				email,
				mode,
				updated_at: now,
				version: sql`notification_preference.version + 1`
			})
		)
		.execute();
}

/** Documents with a review date by `until`, with their owner. */
export function documentsToReview(db: Executor, until: string, ownerId?: number) {
	let query = db
		.selectFrom('document as d')
		.innerJoin('app_user as u', 'u.id', 'd.owner_user_id')
		.select(['d.id', 'd.title', 'd.owner_user_id', 'd.review_date'])
		.where('d.review_date', 'is not', null)
		.where('d.review_date', '<=', until)
		.where('u.active', '=', true)
		.orderBy('d.review_date')
		.orderBy('d.id');
	if (ownerId !== undefined) query = query.where('d.owner_user_id', '=', ownerId);
	return query.execute();
}

/**
 * Panel members of CAF rounds in scoring, due by `until`, with the subcriteria they have scored
 * (codes joined by commas, in the model's order).
 */
export async function cafPanelsScoring(db: Executor, until: string, userId?: number) {
	let query = db
		.selectFrom('caf_panel_member as pm')
		.innerJoin('caf_round as r', 'r.id', 'pm.round_id')
		.select([
			'r.id as round_id',
			'r.name as round_name',
			'r.scoring_due',
			'pm.user_id',
			'pm.guest',
			sql<string | null>`(select string_agg(s.subcriterion_code, ',')
				from caf_score s where s.round_id = r.id and s.user_id = pm.user_id)`.as('scored')
		])
		.where('r.status', '=', 'scoring')
		.where('r.scoring_due', '<=', until)
		.orderBy('r.scoring_due')
		.orderBy('r.id')
		.orderBy('pm.user_id');
	if (userId !== undefined) query = query.where('pm.user_id', '=', userId);
	return query.execute();
}

/** The CAF model's subcriteria codes in order. */
export async function cafCodes(db: Executor): Promise<string[]> {
	const rows = await db.selectFrom('caf_subcriterion').select('code').orderBy('position').execute();
	return rows.map((r) => r.code);
}

/** Each org unit's incoming webhook. */
export function webhooks(db: Executor) {
	return db
		.selectFrom('notification_webhook as w')
		.innerJoin('org_unit as o', 'o.id', 'w.org_unit_id')
		.select(['w.org_unit_id', 'w.url', 'w.version', 'o.code', 'o.name'])
		.orderBy('o.code')
		.execute();
}

export function webhookOf(db: Executor, unitId: number) {
	return db
		.selectFrom('notification_webhook')
		.select(['org_unit_id', 'url', 'version'])
		.where('org_unit_id', '=', unitId)
		.executeTakeFirst();
}

export async function saveWebhook(
	db: Executor,
	unitId: number,
	url: string,
	now: Date
): Promise<void> {
	await db
		.insertInto('notification_webhook')
		.values({ org_unit_id: unitId, url, updated_at: now })
		.onConflict((oc) =>
			oc.column('org_unit_id').doUpdateSet({
				url,
				updated_at: now,
				version: sql`notification_webhook.version + 1`
			})
		)
		.execute();
}

export async function deleteWebhook(db: Executor, unitId: number): Promise<void> {
	await db.deleteFrom('notification_webhook').where('org_unit_id', '=', unitId).execute();
}

/** Stores the language a user chose; their mail is written in it. */
export async function saveLanguage(
	db: Executor,
	userId: number,
	language: MailLanguage,
	now: Date
): Promise<void> {
	await db
		.insertInto('notification_preference')
		.values({ user_id: userId, email: null, language, updated_at: now })
		.onConflict((oc) => oc.column('user_id').doUpdateSet({ language, updated_at: now }))
		.execute();
}

// Adoption area: the notification job queue (one row per notice, a unique dedupe key so nothing
// is sent twice, a lock so several instances never send the same job), each user's mail
// preference, org unit membership and ambassadors, pilot org units, and page views per month.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('notification_job')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('digest', 'reminder', 'escalation', 'nudge', 'webhook')`)
		)
		.addColumn('recipient_user_id', 'integer', (c) =>
			c.references('app_user.id').onDelete('cascade')
		)
		// A webhook's URL; e-mail addresses are read when the job is sent, so a changed address or
		// mail turned off in between is respected.
		.addColumn('address', 'text')
		.addColumn('payload', 'jsonb', (c) => c.notNull())
		.addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('queued')
				.check(sql`status in ('queued', 'sent', 'failed', 'skipped')`)
		)
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
		.addColumn('locked_until', 'timestamptz')
		.addColumn('last_error', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull())
		.addColumn('sent_at', 'timestamptz')
		.addCheckConstraint(
			'notification_job_recipient_check',
			sql`recipient_user_id is not null or address is not null`
		)
		.execute();
	await sql`create index notification_job_queued_idx on notification_job (next_attempt_at)
		where status = 'queued'`.execute(db);

	await db.schema
		.createTable('notification_preference')
		.addColumn('user_id', 'integer', (c) =>
			c.primaryKey().references('app_user.id').onDelete('cascade')
		)
		.addColumn('email', 'text')
		.addColumn('mode', 'text', (c) =>
			c
				.notNull()
				.defaultTo('all')
				.check(sql`mode in ('all', 'digest', 'reminders', 'none')`)
		)
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('adoption_member')
		.addColumn('user_id', 'integer', (c) =>
			c.primaryKey().references('app_user.id').onDelete('cascade')
		)
		.addColumn('org_unit_id', 'integer', (c) => c.references('org_unit.id').onDelete('set null'))
		.addColumn('ambassador', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('guide_dismissed_at', 'timestamptz')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createIndex('adoption_member_unit_idx')
		.on('adoption_member')
		.column('org_unit_id')
		.execute();

	await db.schema
		.createTable('adoption_pilot')
		.addColumn('org_unit_id', 'integer', (c) =>
			c.primaryKey().references('org_unit.id').onDelete('cascade')
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	// One counter per month, route pattern and user, upserted by a hook: a few thousand rows a
	// year in a town office, enough for active users, pages most used and units by membership.
	await db.schema
		.createTable('page_view_month')
		.addColumn('month', 'text', (c) => c.notNull())
		.addColumn('route_id', 'text', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) =>
			c.notNull().references('app_user.id').onDelete('cascade')
		)
		.addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
		.addPrimaryKeyConstraint('page_view_month_pk', ['month', 'route_id', 'user_id'])
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	for (const table of [
		'page_view_month',
		'adoption_pilot',
		'adoption_member',
		'notification_preference',
		'notification_job'
	]) {
		await db.schema.dropTable(table).execute();
	}
}

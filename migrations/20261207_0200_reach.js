// Reminders that reach people, part two: the language each user's mail is written in (the one
// they chose in the app), and an optional Teams/Slack-compatible incoming webhook per org unit,
// to which the same notices are posted through the job queue.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.alterTable('notification_preference')
		.addColumn('language', 'text', (c) =>
			c
				.notNull()
				.defaultTo('cs')
				.check(sql`language in ('cs', 'en')`)
		)
		.execute();

	await db.schema
		.createTable('notification_webhook')
		.addColumn('org_unit_id', 'integer', (c) =>
			c.primaryKey().references('org_unit.id').onDelete('cascade')
		)
		.addColumn('url', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.dropTable('notification_webhook').execute();
	await db.schema.alterTable('notification_preference').dropColumn('language').execute();
}

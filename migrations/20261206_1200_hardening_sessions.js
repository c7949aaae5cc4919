// Sessions a user can see and end (/account), with an absolute lifetime and the time of the last
// password confirmation (admin actions ask again after a while). Times are the app's clock, written
// by the app; existing sessions count as signed in and seen when this runs.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.alterTable('user_session')
		.addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('authenticated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('address', 'text')
		.addColumn('user_agent', 'text')
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema
		.alterTable('user_session')
		.dropColumn('last_seen_at')
		.dropColumn('authenticated_at')
		.dropColumn('address')
		.dropColumn('user_agent')
		.execute();
}

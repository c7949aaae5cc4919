// Guests: time-limited external accounts (an external CAF assessor, a partner town's process
// owner, an auditor). A guest is an app_user with the role `guest`, its grant (expiry, what more
// than reading it may do, revocation), the named objects it may open, and its one-time
// invitations, stored as the SHA-256 of the link's token only.
import { sql } from 'kysely';

const STAFF = `'admin', 'manager', 'finance', 'project_manager', 'process_owner', 'hr', 'viewer'`;
const KINDS = `'digest', 'reminder', 'escalation', 'nudge', 'webhook'`;

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await sql`alter table app_user drop constraint if exists app_user_role_check`.execute(db);
	await sql`alter table app_user add constraint app_user_role_check
		check (role in (${sql.raw(STAFF)}, 'guest'))`.execute(db);
	await sql`alter table notification_job drop constraint if exists notification_job_kind_check`.execute(
		db
	);
	await sql`alter table notification_job add constraint notification_job_kind_check
		check (kind in (${sql.raw(KINDS)}, 'invitation'))`.execute(db);

	await db.schema
		.createTable('guest_access')
		.addColumn('user_id', 'integer', (c) =>
			c.primaryKey().references('app_user.id').onDelete('cascade')
		)
		// The last day the guest may sign in (Prague time); from the next day they are signed out.
		.addColumn('expires_on', 'date', (c) => c.notNull())
		.addColumn('council_report', 'boolean', (c) => c.notNull().defaultTo(false))
		// More than reading: score in the CAF rounds of their scope (a guest seat on the panel).
		.addColumn('may_score', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('invited_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('revoked_at', 'timestamptz')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('guest_scope')
		.addColumn('user_id', 'integer', (c) =>
			c.notNull().references('guest_access.user_id').onDelete('cascade')
		)
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('caf_round', 'process')`))
		.addColumn('object_id', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('guest_scope_pkey', ['user_id', 'kind', 'object_id'])
		.execute();

	await db.schema
		.createTable('guest_invitation')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('user_id', 'integer', (c) =>
			c.notNull().references('app_user.id').onDelete('cascade')
		)
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index guest_invitation_user_idx on guest_invitation (user_id)`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.dropTable('guest_invitation').execute();
	await db.schema.dropTable('guest_scope').execute();
	await db.schema.dropTable('guest_access').execute();
	await sql`delete from notification_job where kind = 'invitation'`.execute(db);
	await sql`alter table notification_job drop constraint if exists notification_job_kind_check`.execute(
		db
	);
	await sql`alter table notification_job add constraint notification_job_kind_check
		check (kind in (${sql.raw(KINDS)}))`.execute(db);
	await sql`delete from app_user where role = 'guest'`.execute(db);
	await sql`alter table app_user drop constraint if exists app_user_role_check`.execute(db);
	await sql`alter table app_user add constraint app_user_role_check
		check (role in (${sql.raw(STAFF)}))`.execute(db);
}

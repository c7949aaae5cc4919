// People, second part: the HR role (reads staff names, edits people; a viewer elsewhere), the
// office's yearly working hours as an edited, versioned record (was a constant), and training
// actions (a gap or a single point of failure turned into a plan: person, competence, target
// level, due date, status).
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await sql`alter table app_user drop constraint if exists app_user_role_check`.execute(db);
	await sql`alter table app_user add constraint app_user_role_check
		check (role in ('admin', 'manager', 'finance', 'project_manager', 'process_owner', 'hr', 'viewer'))`.execute(
		db
	);

	// One row: the office's yearly working hours per full-time job (before absence).
	await db.schema
		.createTable('capacity_setting')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('yearly_hours', 'numeric(6, 1)', (c) =>
			c.notNull().check(sql`yearly_hours > 0 and yearly_hours <= 3000`)
		)
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await sql`insert into capacity_setting (yearly_hours) values (1800)`.execute(db);

	await db.schema
		.createTable('training_action')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
		.addColumn('competence_id', 'integer', (c) => c.notNull().references('competence.id'))
		.addColumn('target_level', 'smallint', (c) =>
			c.notNull().check(sql`target_level between 1 and 4`)
		)
		.addColumn('due_on', 'date', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('planned')
				.check(sql`status in ('planned', 'in_progress', 'done', 'cancelled')`)
		)
		// The process role whose gap it closes, when it came from one.
		.addColumn('process_role_id', 'integer', (c) =>
			c.references('process_role.id').onDelete('set null')
		)
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createIndex('training_action_person_idx')
		.on('training_action')
		.column('person_id')
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.dropTable('training_action').execute();
	await db.schema.dropTable('capacity_setting').execute();
	await sql`update app_user set role = 'viewer' where role = 'hr'`.execute(db);
	await sql`alter table app_user drop constraint if exists app_user_role_check`.execute(db);
	await sql`alter table app_user add constraint app_user_role_check
		check (role in ('admin', 'manager', 'finance', 'project_manager', 'process_owner', 'viewer'))`.execute(
		db
	);
}

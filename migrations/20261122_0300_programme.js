// Programme area: the transformation programme (activities, milestones and their dependencies,
// risks), per-user calendar feeds, and improvement initiatives (budget per year, links to goals,
// processes and KPIs, realized savings, status history) on top of the spine `initiative` table.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('programme')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text')
		.addColumn('start_date', 'date', (c) => c.notNull())
		.addColumn('end_date', 'date', (c) => c.notNull())
		.addColumn('manager_user_id', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('programme_dates_check', sql`end_date >= start_date`)
		.execute();

	await db.schema
		.createTable('programme_activity')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('programme_id', 'integer', (c) =>
			c.notNull().references('programme.id').onDelete('cascade')
		)
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text')
		.addColumn('start_date', 'date', (c) => c.notNull())
		.addColumn('end_date', 'date', (c) => c.notNull())
		.addColumn('owner_user_id', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addUniqueConstraint('programme_activity_code_unique', ['programme_id', 'code'])
		.addCheckConstraint('programme_activity_dates_check', sql`end_date >= start_date`)
		.execute();

	await db.schema
		.createTable('milestone')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('activity_id', 'integer', (c) =>
			c.notNull().references('programme_activity.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('owner_user_id', 'integer', (c) => c.references('app_user.id'))
		.addColumn('deliverable', 'text')
		.addColumn('baseline_due', 'date', (c) => c.notNull())
		.addColumn('current_due', 'date', (c) => c.notNull())
		.addColumn('done_date', 'date')
		.addColumn('notes', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createIndex('milestone_activity_idx')
		.on('milestone')
		.column('activity_id')
		.execute();
	await db.schema
		.createIndex('milestone_owner_idx')
		.on('milestone')
		.column('owner_user_id')
		.execute();

	// Finish-to-start: the successor cannot finish before the predecessor. The service refuses
	// cycles; the database only refuses a milestone depending on itself.
	await db.schema
		.createTable('milestone_dependency')
		.addColumn('predecessor_id', 'integer', (c) =>
			c.notNull().references('milestone.id').onDelete('cascade')
		)
		.addColumn('successor_id', 'integer', (c) =>
			c.notNull().references('milestone.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('milestone_dependency_pk', ['predecessor_id', 'successor_id'])
		.addCheckConstraint('milestone_dependency_self_check', sql`predecessor_id <> successor_id`)
		.execute();
	await db.schema
		.createIndex('milestone_dependency_successor_idx')
		.on('milestone_dependency')
		.column('successor_id')
		.execute();

	await db.schema
		.createTable('programme_risk')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('programme_id', 'integer', (c) =>
			c.notNull().references('programme.id').onDelete('cascade')
		)
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('probability', 'integer', (c) => c.notNull().check(sql`probability between 1 and 5`))
		.addColumn('impact', 'integer', (c) => c.notNull().check(sql`impact between 1 and 5`))
		.addColumn('owner_user_id', 'integer', (c) => c.references('app_user.id'))
		.addColumn('mitigation', 'text')
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open', 'mitigating', 'closed')`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	// One private feed per user; only the SHA-256 of the token is stored, like sessions.
	await db.schema
		.createTable('calendar_token')
		.addColumn('user_id', 'integer', (c) =>
			c.primaryKey().references('app_user.id').onDelete('cascade')
		)
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.alterTable('initiative')
		.addColumn('description', 'text')
		.addColumn('expected_savings_czk', 'bigint', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`expected_savings_czk >= 0`)
		)
		.addColumn('expected_savings_hours', 'numeric(10, 2)', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`expected_savings_hours >= 0`)
		)
		.addColumn('valuation_org_unit_id', 'integer', (c) => c.references('org_unit.id'))
		.addColumn('activity_id', 'integer', (c) =>
			c.references('programme_activity.id').onDelete('set null')
		)
		.execute();

	await db.schema
		.createTable('initiative_budget')
		.addColumn('initiative_id', 'integer', (c) =>
			c.notNull().references('initiative.id').onDelete('cascade')
		)
		.addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
		.addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount >= 0`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addPrimaryKeyConstraint('initiative_budget_pk', ['initiative_id', 'year'])
		.execute();

	for (const [table, column, target] of [
		['initiative_goal', 'goal_id', 'goal.id'],
		['initiative_process', 'process_id', 'process.id'],
		['initiative_kpi', 'kpi_id', 'kpi.id']
	]) {
		await db.schema
			.createTable(table)
			.addColumn('initiative_id', 'integer', (c) =>
				c.notNull().references('initiative.id').onDelete('cascade')
			)
			.addColumn(column, 'integer', (c) => c.notNull().references(target).onDelete('cascade'))
			.addPrimaryKeyConstraint(`${table}_pk`, ['initiative_id', column])
			.execute();
	}

	await db.schema
		.createTable('initiative_saving')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('initiative_id', 'integer', (c) =>
			c.notNull().references('initiative.id').onDelete('cascade')
		)
		.addColumn('period_start', 'date', (c) => c.notNull())
		.addColumn('period_end', 'date', (c) => c.notNull())
		.addColumn('amount', 'bigint', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`amount >= 0`)
		)
		.addColumn('hours', 'numeric(10, 2)', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`hours >= 0`)
		)
		.addColumn('evidence', 'text', (c) => c.notNull())
		.addColumn('recorded_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('initiative_saving_period_check', sql`period_end >= period_start`)
		.execute();
	await db.schema
		.createIndex('initiative_saving_initiative_idx')
		.on('initiative_saving')
		.column('initiative_id')
		.execute();

	await db.schema
		.createTable('initiative_status_change')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('initiative_id', 'integer', (c) =>
			c.notNull().references('initiative.id').onDelete('cascade')
		)
		.addColumn('from_status', 'text')
		.addColumn('to_status', 'text', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.references('app_user.id'))
		.addColumn('note', 'text')
		.addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('initiative_status_change_initiative_idx')
		.on('initiative_status_change')
		.column('initiative_id')
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	for (const table of [
		'initiative_status_change',
		'initiative_saving',
		'initiative_kpi',
		'initiative_process',
		'initiative_goal',
		'initiative_budget'
	]) {
		await db.schema.dropTable(table).execute();
	}
	await db.schema
		.alterTable('initiative')
		.dropColumn('activity_id')
		.dropColumn('valuation_org_unit_id')
		.dropColumn('expected_savings_hours')
		.dropColumn('expected_savings_czk')
		.dropColumn('description')
		.execute();
	for (const table of [
		'calendar_token',
		'programme_risk',
		'milestone_dependency',
		'milestone',
		'programme_activity',
		'programme'
	]) {
		await db.schema.dropTable(table).execute();
	}
}

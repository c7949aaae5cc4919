// Foundation: users, sessions, login throttling, audit log, settings, and the spine tables
// (org units, processes, goals, KPIs, initiatives) that later areas extend with their own migrations.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('app_user')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('username', 'text', (c) => c.notNull().unique())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`role in ('admin', 'manager', 'finance', 'project_manager', 'process_owner', 'viewer')`
				)
		)
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('user_session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) =>
			c.notNull().references('app_user.id').onDelete('cascade')
		)
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('user_session_user_id_idx')
		.on('user_session')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('login_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('window_started_at', 'timestamptz', (c) => c.notNull())
		.addColumn('last_failure_at', 'timestamptz', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('audit_event')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text')
		.addColumn('before', 'jsonb')
		.addColumn('after', 'jsonb')
		.execute();
	await db.schema
		.createIndex('audit_event_entity_idx')
		.on('audit_event')
		.columns(['entity', 'entity_id', 'occurred_at'])
		.execute();
	await db.schema
		.createIndex('audit_event_occurred_at_idx')
		.on('audit_event')
		.column('occurred_at')
		.execute();

	await db.schema
		.createTable('app_setting')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'jsonb', (c) => c.notNull())
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	// Spine tables: the entities every area links to. Areas add their own columns and tables.
	await db.schema
		.createTable('org_unit')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('parent_id', 'integer', (c) => c.references('org_unit.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('process')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('management', 'core', 'support')`)
		)
		.addColumn('org_unit_id', 'integer', (c) => c.references('org_unit.id'))
		.addColumn('owner_user_id', 'integer', (c) => c.references('app_user.id'))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('active')
				.check(sql`status in ('draft', 'active', 'retired')`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('goal')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('level', 'text', (c) =>
			c.notNull().check(sql`level in ('vision', 'strategic', 'objective')`)
		)
		.addColumn('parent_id', 'integer', (c) => c.references('goal.id'))
		.addColumn('owner_user_id', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('kpi')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('goal_id', 'integer', (c) => c.references('goal.id'))
		.addColumn('responsible_user_id', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('initiative')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('proposed')
				.check(sql`status in ('proposed', 'approved', 'in_progress', 'done', 'cancelled')`)
		)
		.addColumn('owner_user_id', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	// Yearly figures the areas share: an org unit's staff and hourly cost (to value saved hours),
	// a process's volume of cases, lead time and effort (the default allocation key).
	await db.schema
		.createTable('org_unit_year')
		.addColumn('org_unit_id', 'integer', (c) =>
			c.notNull().references('org_unit.id').onDelete('cascade')
		)
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('fte', 'numeric(8, 2)', (c) => c.notNull().check(sql`fte >= 0`))
		.addColumn('hourly_cost', 'bigint', (c) => c.check(sql`hourly_cost >= 0`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addPrimaryKeyConstraint('org_unit_year_pk', ['org_unit_id', 'year'])
		.execute();
	await db.schema
		.createTable('process_year')
		.addColumn('process_id', 'integer', (c) =>
			c.notNull().references('process.id').onDelete('cascade')
		)
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('volume', 'integer', (c) => c.check(sql`volume >= 0`))
		.addColumn('lead_time_days', 'numeric(8, 2)', (c) => c.check(sql`lead_time_days >= 0`))
		.addColumn('fte', 'numeric(8, 2)', (c) => c.check(sql`fte >= 0`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addPrimaryKeyConstraint('process_year_pk', ['process_id', 'year'])
		.execute();

	// The cost ledger: one row per amount (haléře, bigint) and month. The costs area adds batches,
	// categories and aggregates; the programme reads initiatives' spending from here.
	await db.schema
		.createTable('cost_entry')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('actual', 'budget')`))
		.addColumn('month', 'date', (c) => c.notNull().check(sql`extract(day from month) = 1`))
		.addColumn('amount', 'bigint', (c) => c.notNull())
		.addColumn('nature', 'text', (c) =>
			c.notNull().check(sql`nature in ('fixed', 'variable', 'investment')`)
		)
		.addColumn('polozka', 'text', (c) => c.notNull())
		.addColumn('paragraf', 'text')
		.addColumn('org_unit_id', 'integer', (c) => c.references('org_unit.id'))
		.addColumn('process_id', 'integer', (c) => c.references('process.id'))
		.addColumn('initiative_id', 'integer', (c) => c.references('initiative.id'))
		.addColumn('text', 'text')
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('cost_entry_month_idx')
		.on('cost_entry')
		.columns(['kind', 'month'])
		.execute();
	await db.schema
		.createIndex('cost_entry_initiative_idx')
		.on('cost_entry')
		.column('initiative_id')
		.where('initiative_id', 'is not', null)
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	for (const table of [
		'cost_entry',
		'process_year',
		'org_unit_year',
		'initiative',
		'kpi',
		'goal',
		'process',
		'org_unit',
		'app_setting',
		'audit_event',
		'login_throttle',
		'user_session',
		'app_user'
	]) {
		await db.schema.dropTable(table).execute();
	}
}

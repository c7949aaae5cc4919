// Process map, goals and KPIs: extends the spine tables (org_unit, process, goal, kpi) and adds
// process roles, information assets, goal ↔ process weights, KPI targets and actuals.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema.alterTable('org_unit').addColumn('description', 'text').execute();

	// Process card. Customers are three flags (a process may serve several kinds).
	// Improvement potential: five scores 1–5 (null = not scored yet); the index is computed in code.
	await db.schema
		.alterTable('process')
		.addColumn('description', 'text')
		.addColumn('inputs', 'text')
		.addColumn('outputs', 'text')
		.addColumn('legal_basis', 'text')
		.addColumn('serves_citizens', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('serves_businesses', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('serves_internal', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('potential_volume', 'smallint', (c) =>
			c.check(sql`potential_volume between 1 and 5`)
		)
		.addColumn('potential_manual', 'smallint', (c) =>
			c.check(sql`potential_manual between 1 and 5`)
		)
		.addColumn('potential_errors', 'smallint', (c) =>
			c.check(sql`potential_errors between 1 and 5`)
		)
		.addColumn('potential_impact', 'smallint', (c) =>
			c.check(sql`potential_impact between 1 and 5`)
		)
		.addColumn('potential_cost', 'smallint', (c) => c.check(sql`potential_cost between 1 and 5`))
		.execute();
	await db.schema.createIndex('process_org_unit_idx').on('process').column('org_unit_id').execute();
	await db.schema.createIndex('process_owner_idx').on('process').column('owner_user_id').execute();

	// RACI per job role, with the competences the role needs in this process.
	await db.schema
		.createTable('process_role')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('process_id', 'integer', (c) =>
			c.notNull().references('process.id').onDelete('cascade')
		)
		.addColumn('job_role', 'text', (c) => c.notNull())
		.addColumn('raci', 'text', (c) => c.notNull().check(sql`raci in ('R', 'A', 'C', 'I')`))
		.addColumn('competences', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('process_role_process_idx')
		.on('process_role')
		.column('process_id')
		.execute();

	await db.schema
		.createTable('info_asset')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('system', 'register', 'spreadsheet', 'paper')`)
		)
		.addColumn('description', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createTable('process_asset')
		.addColumn('process_id', 'integer', (c) =>
			c.notNull().references('process.id').onDelete('cascade')
		)
		.addColumn('asset_id', 'integer', (c) => c.notNull().references('info_asset.id'))
		.addPrimaryKeyConstraint('process_asset_pk', ['process_id', 'asset_id'])
		.execute();

	// Goal card: time frame, lifecycle status and an optional manual override of the rolled-up
	// status, which always carries a comment.
	await db.schema
		.alterTable('goal')
		.addColumn('description', 'text')
		.addColumn('start_year', 'integer')
		.addColumn('end_year', 'integer')
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('active')
				.check(sql`status in ('planned', 'active', 'achieved', 'dropped')`)
		)
		.addColumn('status_override', 'text', (c) =>
			c.check(sql`status_override in ('on_target', 'within_tolerance', 'off_target')`)
		)
		.addColumn('override_comment', 'text')
		.execute();
	await sql`alter table goal add constraint goal_override_comment_chk
		check (status_override is null or coalesce(trim(override_comment), '') <> '')`.execute(db);
	await sql`alter table goal add constraint goal_years_chk
		check (start_year is null or end_year is null or start_year <= end_year)`.execute(db);

	// Contribution weight of a process to a goal, 1–100 (a share in per cent).
	await db.schema
		.createTable('goal_process')
		.addColumn('goal_id', 'integer', (c) => c.notNull().references('goal.id').onDelete('cascade'))
		.addColumn('process_id', 'integer', (c) => c.notNull().references('process.id'))
		.addColumn('weight', 'integer', (c) => c.notNull().check(sql`weight between 1 and 100`))
		.addPrimaryKeyConstraint('goal_process_pk', ['goal_id', 'process_id'])
		.execute();
	await db.schema
		.createIndex('goal_process_process_idx')
		.on('goal_process')
		.column('process_id')
		.execute();

	// KPI definition. `source` is the extension point for computed KPIs (e.g. unit cost from the
	// costs area); `manual` KPIs get their actuals from people and imports.
	await db.schema
		.alterTable('kpi')
		.addColumn('definition', 'text')
		.addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('direction', 'text', (c) =>
			c
				.notNull()
				.defaultTo('higher')
				.check(sql`direction in ('higher', 'lower', 'range')`)
		)
		.addColumn('frequency', 'text', (c) =>
			c
				.notNull()
				.defaultTo('yearly')
				.check(sql`frequency in ('monthly', 'quarterly', 'yearly')`)
		)
		.addColumn('baseline', 'numeric(18, 4)')
		.addColumn('baseline_period', 'text')
		.addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
		.execute();
	await db.schema.createIndex('kpi_goal_idx').on('kpi').column('goal_id').execute();
	await db.schema
		.createIndex('kpi_responsible_idx')
		.on('kpi')
		.column('responsible_user_id')
		.execute();

	// Target per period (`2026`, `2026-Q1`, `2026-03`). A range KPI's band is target..target_max.
	await db.schema
		.createTable('kpi_target')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('kpi_id', 'integer', (c) => c.notNull().references('kpi.id').onDelete('cascade'))
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('target', 'numeric(18, 4)', (c) => c.notNull())
		.addColumn('target_max', 'numeric(18, 4)')
		.addColumn('tolerance', 'numeric(18, 4)', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`tolerance >= 0`)
		)
		.addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addUniqueConstraint('kpi_target_period_uq', ['kpi_id', 'period'])
		.execute();

	await db.schema
		.createTable('kpi_actual')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('kpi_id', 'integer', (c) => c.notNull().references('kpi.id').onDelete('cascade'))
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('value', 'numeric(18, 4)', (c) => c.notNull())
		.addColumn('comment', 'text')
		.addColumn('recorded_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addUniqueConstraint('kpi_actual_period_uq', ['kpi_id', 'period'])
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	for (const table of [
		'kpi_actual',
		'kpi_target',
		'goal_process',
		'process_asset',
		'info_asset',
		'process_role'
	]) {
		await db.schema.dropTable(table).execute();
	}
	await db.schema
		.alterTable('kpi')
		.dropColumn('definition')
		.dropColumn('unit')
		.dropColumn('direction')
		.dropColumn('frequency')
		.dropColumn('baseline')
		.dropColumn('baseline_period')
		.dropColumn('source')
		.execute();
	await sql`alter table goal drop constraint goal_override_comment_chk`.execute(db);
	await sql`alter table goal drop constraint goal_years_chk`.execute(db);
	await db.schema
		.alterTable('goal')
		.dropColumn('description')
		.dropColumn('start_year')
		.dropColumn('end_year')
		.dropColumn('status')
		.dropColumn('status_override')
		.dropColumn('override_comment')
		.execute();
	await db.schema
		.alterTable('process')
		.dropColumn('description')
		.dropColumn('inputs')
		.dropColumn('outputs')
		.dropColumn('legal_basis')
		.dropColumn('serves_citizens')
		.dropColumn('serves_businesses')
		.dropColumn('serves_internal')
		.dropColumn('potential_volume')
		.dropColumn('potential_manual')
		.dropColumn('potential_errors')
		.dropColumn('potential_impact')
		.dropColumn('potential_cost')
		.execute();
	await db.schema.alterTable('org_unit').dropColumn('description').execute();
}

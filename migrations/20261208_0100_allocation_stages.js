// Staged allocation: per year, the support processes passed on to the processes they serve, in
// the clerk's order, each by FTE or a driver (`allocation_stage`, saved as one list per year with
// a version in `allocation_stage_set`). Each computed step keeps its stage (0: a unit's overhead,
// as before) and, from stage 1 on, the support process it came from instead of a unit; a process
// passed on keeps what it passed in `process_cost_year.passed_on` (its full cost is what stays).
// Scenarios: a named what-if's inputs (driver values and stages), to reopen and compare.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('allocation_stage')
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
		.addColumn('source_process_id', 'integer', (c) =>
			c.notNull().references('process.id').onDelete('cascade')
		)
		.addColumn('driver_id', 'integer', (c) => c.references('cost_driver.id').onDelete('restrict'))
		.addPrimaryKeyConstraint('allocation_stage_pk', ['year', 'position'])
		.addUniqueConstraint('allocation_stage_source_uq', ['year', 'source_process_id'])
		.execute();
	await db.schema
		.createTable('allocation_stage_set')
		.addColumn('year', 'integer', (c) => c.primaryKey())
		.addColumn('updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await sql`alter table process_cost_allocation drop constraint process_cost_allocation_pk`.execute(
		db
	);
	await sql`alter table process_cost_allocation alter column org_unit_id drop not null`.execute(db);
	await db.schema
		.alterTable('process_cost_allocation')
		.addColumn('stage', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.alterTable('process_cost_allocation')
		.addColumn('source_process_id', 'integer', (c) =>
			c.references('process.id').onDelete('cascade')
		)
		.execute();
	await sql`alter table process_cost_allocation add constraint process_cost_allocation_source_check
		check ((stage = 0 and org_unit_id is not null and source_process_id is null)
			or (stage > 0 and org_unit_id is null and source_process_id is not null))`.execute(db);
	await db.schema
		.createIndex('process_cost_allocation_year_idx')
		.on('process_cost_allocation')
		.columns(['year', 'kind', 'process_id'])
		.execute();
	await db.schema
		.alterTable('process_cost_year')
		.addColumn('passed_on', 'bigint', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createTable('allocation_scenario')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('inputs', 'jsonb', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.dropTable('allocation_scenario').execute();
	await db.schema.alterTable('process_cost_year').dropColumn('passed_on').execute();
	await db.deleteFrom('process_cost_allocation').where('stage', '>', 0).execute();
	await db.schema.dropIndex('process_cost_allocation_year_idx').execute();
	await sql`alter table process_cost_allocation drop constraint process_cost_allocation_source_check`.execute(
		db
	);
	await db.schema.alterTable('process_cost_allocation').dropColumn('source_process_id').execute();
	await db.schema.alterTable('process_cost_allocation').dropColumn('stage').execute();
	await sql`alter table process_cost_allocation alter column org_unit_id set not null`.execute(db);
	await sql`alter table process_cost_allocation add constraint process_cost_allocation_pk
		primary key (year, kind, org_unit_id, process_id)`.execute(db);
	await db.schema.dropTable('allocation_stage_set').execute();
	await db.schema.dropTable('allocation_stage').execute();
}

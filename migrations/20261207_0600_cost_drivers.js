// Allocation drivers: besides FTE share and manual percentages, a unit's overhead can be spread
// by a measured quantity per process and year (cases, hours, floor area, documents filed, PCs, or
// a driver the office defines). `cost_driver` is the catalogue, `driver_value` the quantities,
// `driver_value_set` the version of one driver's year (the values are saved as one table), and
// `allocation_key_set.driver_id` the driver a unit's overhead follows in a year (none: FTE or the
// manual percentages). Each computed step keeps the driver it followed.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('cost_driver')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('unit', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db
		.insertInto('cost_driver')
		.values([
			{ code: 'CASES', name: 'Počet případů', unit: 'případ' },
			{ code: 'HOURS', name: 'Odpracované hodiny', unit: 'h' },
			{ code: 'AREA', name: 'Podlahová plocha', unit: 'm²' },
			{ code: 'DOCS', name: 'Založené dokumenty', unit: 'dokument' },
			{ code: 'PCS', name: 'Počet počítačů', unit: 'ks' }
		])
		.execute();
	await db.schema
		.createTable('driver_value')
		.addColumn('driver_id', 'integer', (c) =>
			c.notNull().references('cost_driver.id').onDelete('cascade')
		)
		.addColumn('process_id', 'integer', (c) =>
			c.notNull().references('process.id').onDelete('cascade')
		)
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('value', 'numeric(16, 4)', (c) => c.notNull().check(sql`value >= 0`))
		.addPrimaryKeyConstraint('driver_value_pk', ['driver_id', 'year', 'process_id'])
		.execute();
	await db.schema
		.createTable('driver_value_set')
		.addColumn('driver_id', 'integer', (c) =>
			c.notNull().references('cost_driver.id').onDelete('cascade')
		)
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addPrimaryKeyConstraint('driver_value_set_pk', ['driver_id', 'year'])
		.execute();
	await db.schema
		.alterTable('allocation_key_set')
		.addColumn('driver_id', 'integer', (c) => c.references('cost_driver.id').onDelete('restrict'))
		.execute();
	await sql`alter table process_cost_allocation
		drop constraint process_cost_allocation_key_source_check`.execute(db);
	await sql`alter table process_cost_allocation add constraint process_cost_allocation_key_source_check
		check (key_source in ('fte', 'manual', 'equal', 'driver'))`.execute(db);
	await db.schema
		.alterTable('process_cost_allocation')
		.addColumn('driver_id', 'integer', (c) => c.references('cost_driver.id').onDelete('set null'))
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.deleteFrom('process_cost_allocation').where('key_source', '=', 'driver').execute();
	await db.schema.alterTable('process_cost_allocation').dropColumn('driver_id').execute();
	await sql`alter table process_cost_allocation
		drop constraint process_cost_allocation_key_source_check`.execute(db);
	await sql`alter table process_cost_allocation add constraint process_cost_allocation_key_source_check
		check (key_source in ('fte', 'manual', 'equal'))`.execute(db);
	await db.schema.alterTable('allocation_key_set').dropColumn('driver_id').execute();
	await db.schema.dropTable('driver_value_set').execute();
	await db.schema.dropTable('driver_value').execute();
	await db.schema.dropTable('cost_driver').execute();
}

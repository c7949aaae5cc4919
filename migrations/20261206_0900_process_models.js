// Process models (BPMN): one model per process, its saved versions (whole BPMN XML each, never
// edited), and the links of its elements to the office, kept by BPMN element id so they survive
// every new version: a lane or participant → a RACI role of the card and an org unit; a task →
// the information asset it is done in, minutes per case and the share of cases passing through.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	// `version` is the number of the latest saved version: the optimistic lock of a save.
	await db.schema
		.createTable('process_model')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('process_id', 'integer', (c) =>
			c.notNull().unique().references('process.id').onDelete('cascade')
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	// `laid_out`: the file had no diagram (BPMNDI) and Dílna laid it out; `restored_from` names
	// the version a restore copied.
	await db.schema
		.createTable('process_model_version')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('model_id', 'integer', (c) =>
			c.notNull().references('process_model.id').onDelete('cascade')
		)
		.addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
		.addColumn('xml', 'text', (c) => c.notNull())
		.addColumn('note', 'text')
		.addColumn('counts', 'jsonb', (c) => c.notNull())
		// the lanes and tasks read from the XML, so lists and coverage need no parsing
		.addColumn('elements', 'jsonb', (c) => c.notNull())
		.addColumn('laid_out', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('restored_from', 'integer')
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('process_model_version_number_uq', ['model_id', 'number'])
		.execute();

	await db.schema
		.createTable('process_model_link')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('model_id', 'integer', (c) =>
			c.notNull().references('process_model.id').onDelete('cascade')
		)
		.addColumn('element_id', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('lane', 'task')`))
		.addColumn('process_role_id', 'integer', (c) =>
			c.references('process_role.id').onDelete('set null')
		)
		.addColumn('org_unit_id', 'integer', (c) => c.references('org_unit.id').onDelete('set null'))
		.addColumn('asset_id', 'integer', (c) => c.references('info_asset.id').onDelete('set null'))
		.addColumn('minutes', 'numeric(10, 2)', (c) => c.check(sql`minutes >= 0`))
		.addColumn('wait_minutes', 'numeric(10, 2)', (c) => c.check(sql`wait_minutes >= 0`))
		.addColumn('share_percent', 'numeric(5, 2)', (c) =>
			c
				.notNull()
				.defaultTo(100)
				.check(sql`share_percent between 0 and 100`)
		)
		.addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addUniqueConstraint('process_model_link_element_uq', ['model_id', 'element_id'])
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.dropTable('process_model_link').execute();
	await db.schema.dropTable('process_model_version').execute();
	await db.schema.dropTable('process_model').execute();
}

// Import formats: per-month replace. A file from the same source (format and kind) that covers
// months already in the ledger replaces exactly those months; the replaced rows are kept here
// (whole, as jsonb of the cost_entry row) so rolling back the replacing batch restores them.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	// Which batch replaced which months of which earlier batch (rows and total at that moment).
	await db.schema
		.createTable('import_batch_replacement')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('replacing_batch_id', 'integer', (c) =>
			c.notNull().references('import_batch.id').onDelete('cascade')
		)
		.addColumn('replaced_batch_id', 'integer', (c) =>
			c.notNull().references('import_batch.id').onDelete('cascade')
		)
		.addColumn('month', 'date', (c) => c.notNull())
		.addColumn('rows', 'integer', (c) => c.notNull())
		/** haléře */
		.addColumn('total', 'bigint', (c) => c.notNull())
		/** null while the replacement stands; set when the replacing batch was rolled back */
		.addColumn('undone_at', 'timestamptz')
		.execute();
	await db.schema
		.createIndex('import_batch_replacement_replacing_idx')
		.on('import_batch_replacement')
		.column('replacing_batch_id')
		.execute();
	await db.schema
		.createIndex('import_batch_replacement_replaced_idx')
		.on('import_batch_replacement')
		.column('replaced_batch_id')
		.execute();

	// The ledger rows a replacement took out, whole, so an undo puts them back as they were.
	await db.schema
		.createTable('cost_entry_replaced')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('replacing_batch_id', 'integer', (c) =>
			c.notNull().references('import_batch.id').onDelete('cascade')
		)
		.addColumn('batch_id', 'integer', (c) => c.notNull())
		.addColumn('month', 'date', (c) => c.notNull())
		.addColumn('entry', 'jsonb', (c) => c.notNull())
		.addColumn('replaced_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('cost_entry_replaced_replacing_idx')
		.on('cost_entry_replaced')
		.column('replacing_batch_id')
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.dropTable('cost_entry_replaced').execute();
	await db.schema.dropTable('import_batch_replacement').execute();
}

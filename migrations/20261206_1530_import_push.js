// Imports pushed by the accounting system (POST /api/v1/imports): API tokens get a scope (`read`,
// as every token so far, or `costs_import`, which may push files and nothing else), batches a
// source `api`, and a file that met codes nobody has decided on waits whole in import_pending
// until a clerk decides them on /costs/import — never half-imported.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.alterTable('api_token')
		.addColumn('scope', 'text', (c) =>
			c
				.notNull()
				.defaultTo('read')
				.check(sql`scope in ('read', 'costs_import')`)
		)
		.execute();
	await sql`alter table import_batch drop constraint import_batch_source_check`.execute(db);
	await sql`alter table import_batch add constraint import_batch_source_check
		check (source in ('web', 'cli', 'seed', 'api'))`.execute(db);
	await db.schema
		.createTable('import_pending')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('format', 'text', (c) => c.notNull())
		/** the file as pushed; it leaves the table when the import is done or discarded */
		.addColumn('content', 'bytea')
		.addColumn('content_hash', 'text', (c) => c.notNull())
		/** what the push asked for: kind, year, yearly column, format, mode, encoding */
		.addColumn('options', 'jsonb', (c) => c.notNull())
		/** the codes nobody had decided on: field, code, rows, amount (haléře as text) */
		.addColumn('unknown', 'jsonb', (c) => c.notNull())
		.addColumn('rows_read', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('pending')
				.check(sql`status in ('pending', 'imported', 'discarded')`)
		)
		.addColumn('pushed_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('token_id', 'integer', (c) => c.references('api_token.id').onDelete('set null'))
		.addColumn('pushed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('batch_id', 'integer', (c) => c.references('import_batch.id').onDelete('set null'))
		.addColumn('resolved_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('resolved_at', 'timestamptz')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('import_pending_content', sql`(status = 'pending') = (content is not null)`)
		.execute();
	await db.schema
		.createIndex('import_pending_status_idx')
		.on('import_pending')
		.column('status')
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.dropTable('import_pending').execute();
	await sql`alter table import_batch drop constraint import_batch_source_check`.execute(db);
	await sql`alter table import_batch add constraint import_batch_source_check
		check (source in ('web', 'cli', 'seed'))`.execute(db);
	await db.schema.alterTable('api_token').dropColumn('scope').execute();
}

// Aggregates the overview and /goals read, so their cost does not grow with the ledger or with
// the KPIs' history (issue 7, "Performance").
import { sql } from 'kysely';
import { unwatch, watch } from './shared/data-version.js';

/** The tables the overview's figures come from: a change to any of them is a new data version. */
const WATCHED = [
	'cost_nature_month',
	'process_cost_year',
	'process',
	'process_year',
	'goal',
	'kpi',
	'kpi_year_status',
	'milestone',
	'milestone_dependency',
	'initiative',
	'initiative_saving',
	'org_unit_year',
	'app_setting'
];

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	// The ledger per month, kind and nature only: a few rows a month, kept beside
	// cost_month_summary and refreshed with it.
	await db.schema
		.createTable('cost_nature_month')
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('month', 'date', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('nature', 'text', (c) => c.notNull())
		.addColumn('amount', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('cost_nature_month_pk', ['month', 'kind', 'nature'])
		.execute();
	await sql`insert into cost_nature_month (year, month, kind, nature, amount)
		select year, month, kind, nature, sum(amount)::bigint from cost_month_summary
		group by year, month, kind, nature`.execute(db);

	// Each KPI's status as a year shows it (its latest period with an actual in that year or the
	// one before) and the actuals of its recent periods, written whenever a target, an actual or
	// the KPI's rule changes. The application fills it for existing data on start.
	await db.schema
		.createTable('kpi_year_status')
		.addColumn('kpi_id', 'integer', (c) => c.notNull().references('kpi.id').onDelete('cascade'))
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('period', 'text')
		.addColumn('actual', 'numeric(18, 4)')
		.addColumn('target', 'numeric(18, 4)')
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('on_target', 'within_tolerance', 'off_target', 'no_data')`)
		)
		.addColumn('recent', 'jsonb', (c) => c.notNull())
		.addPrimaryKeyConstraint('kpi_year_status_pk', ['kpi_id', 'year'])
		.execute();
	await db.schema
		.createIndex('kpi_year_status_year_idx')
		.on('kpi_year_status')
		.columns(['year', 'status'])
		.execute();

	// A counter that grows with every committed change to the watched tables, so a computed
	// overview can be reused until the data under it changes (on every engine and every app
	// instance). The trigger runs at commit, once per transaction: the counter's row lock is
	// held only while the transaction commits, never while it works.
	await db.schema
		.createTable('data_version')
		.addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
		.addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
		.execute();
	await sql`insert into data_version (id) values (1)`.execute(db);
	await sql`
		create function bump_data_version() returns trigger language plpgsql as $$
		begin
			if current_setting('dilna.data_bumped', true) is distinct from pg_current_xact_id()::text then
				perform set_config('dilna.data_bumped', pg_current_xact_id()::text, true);
				update data_version set version = version + 1 where id = 1;
			end if;
			return null;
		end $$`.execute(db);
	await watch(db, WATCHED);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await unwatch(db, WATCHED);
	await sql`drop function bump_data_version()`.execute(db);
	await db.schema.dropTable('data_version').execute();
	await db.schema.dropTable('kpi_year_status').execute();
	await db.schema.dropTable('cost_nature_month').execute();
}

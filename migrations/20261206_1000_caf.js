// CAF 2020 self-assessment: the 28 subcriteria as a reference table (their texts live in
// src/lib/caf/model.ts), assessment rounds with their panel, individual and consensus scores,
// evidence links to processes, goals, KPIs and initiatives, and improvement actions (each can
// become an initiative of the programme; the initiative points back through caf_action).
import { sql } from 'kysely';

const CODES = [
	'1.1',
	'1.2',
	'1.3',
	'1.4',
	'2.1',
	'2.2',
	'2.3',
	'2.4',
	'3.1',
	'3.2',
	'3.3',
	'4.1',
	'4.2',
	'4.3',
	'4.4',
	'4.5',
	'4.6',
	'5.1',
	'5.2',
	'5.3',
	'6.1',
	'6.2',
	'7.1',
	'7.2',
	'8.1',
	'8.2',
	'9.1',
	'9.2'
];

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('caf_subcriterion')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('criterion', 'smallint', (c) => c.notNull())
		.addColumn('position', 'smallint', (c) => c.notNull())
		.execute();
	await db
		.insertInto('caf_subcriterion')
		.values(
			CODES.map((code, i) => ({ code, criterion: Number(code.split('.')[0]), position: i + 1 }))
		)
		.execute();

	await db.schema
		.createTable('caf_round')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('start_date', 'date', (c) => c.notNull())
		.addColumn('scoring_due', 'date', (c) => c.notNull())
		.addColumn('consensus_due', 'date', (c) => c.notNull())
		.addColumn('end_date', 'date', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('preparation'))
		.addColumn('scoring_mode', 'text', (c) => c.notNull().defaultTo('classic'))
		.addColumn('leader_user_id', 'integer', (c) => c.notNull().references('app_user.id'))
		.addColumn('closed_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint(
			'caf_round_status_check',
			sql`status in ('preparation', 'scoring', 'consensus', 'action_plan', 'closed')`
		)
		.addCheckConstraint('caf_round_mode_check', sql`scoring_mode in ('classic', 'fine_tuned')`)
		.addCheckConstraint(
			'caf_round_dates_check',
			sql`start_date <= scoring_due and scoring_due <= consensus_due and consensus_due <= end_date`
		)
		.execute();

	await db.schema
		.createTable('caf_panel_member')
		.addColumn('round_id', 'integer', (c) =>
			c.notNull().references('caf_round.id').onDelete('cascade')
		)
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
		.addPrimaryKeyConstraint('caf_panel_member_pk', ['round_id', 'user_id'])
		.execute();

	// A member's own score per subcriterion, and the panel's consensus (recorded by the leader).
	await db.schema
		.createTable('caf_score')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('round_id', 'integer', (c) =>
			c.notNull().references('caf_round.id').onDelete('cascade')
		)
		.addColumn('subcriterion_code', 'text', (c) => c.notNull().references('caf_subcriterion.code'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
		.addColumn('score', 'smallint', (c) => c.notNull())
		.addColumn('phase_scores', 'text')
		.addColumn('strengths', 'text')
		.addColumn('improvements', 'text')
		.addColumn('evidence', 'text')
		.addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('caf_score_score_check', sql`score between 0 and 100`)
		.addUniqueConstraint('caf_score_unique', ['round_id', 'subcriterion_code', 'user_id'])
		.execute();

	await db.schema
		.createTable('caf_consensus')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('round_id', 'integer', (c) =>
			c.notNull().references('caf_round.id').onDelete('cascade')
		)
		.addColumn('subcriterion_code', 'text', (c) => c.notNull().references('caf_subcriterion.code'))
		.addColumn('score', 'smallint', (c) => c.notNull())
		.addColumn('phase_scores', 'text')
		.addColumn('strengths', 'text')
		.addColumn('improvements', 'text')
		.addColumn('evidence', 'text')
		.addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('caf_consensus_score_check', sql`score between 0 and 100`)
		.addUniqueConstraint('caf_consensus_unique', ['round_id', 'subcriterion_code'])
		.execute();

	await db.schema
		.createTable('caf_evidence_link')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('round_id', 'integer', (c) =>
			c.notNull().references('caf_round.id').onDelete('cascade')
		)
		.addColumn('subcriterion_code', 'text', (c) => c.notNull().references('caf_subcriterion.code'))
		.addColumn('process_id', 'integer', (c) => c.references('process.id').onDelete('cascade'))
		.addColumn('goal_id', 'integer', (c) => c.references('goal.id').onDelete('cascade'))
		.addColumn('kpi_id', 'integer', (c) => c.references('kpi.id').onDelete('cascade'))
		.addColumn('initiative_id', 'integer', (c) => c.references('initiative.id').onDelete('cascade'))
		.addCheckConstraint(
			'caf_evidence_link_one_check',
			sql`num_nonnulls(process_id, goal_id, kpi_id, initiative_id) = 1`
		)
		.execute();
	await sql`create unique index caf_evidence_link_unique on caf_evidence_link
		(round_id, subcriterion_code, coalesce(process_id, 0), coalesce(goal_id, 0),
		 coalesce(kpi_id, 0), coalesce(initiative_id, 0))`.execute(db);

	await db.schema
		.createTable('caf_action')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('round_id', 'integer', (c) =>
			c.notNull().references('caf_round.id').onDelete('cascade')
		)
		.addColumn('subcriterion_code', 'text', (c) => c.notNull().references('caf_subcriterion.code'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text')
		.addColumn('owner_user_id', 'integer', (c) => c.references('app_user.id'))
		.addColumn('impact', 'smallint', (c) => c.notNull())
		.addColumn('effort', 'smallint', (c) => c.notNull())
		.addColumn('due_date', 'date')
		.addColumn('initiative_id', 'integer', (c) => c.unique().references('initiative.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('caf_action_impact_check', sql`impact between 1 and 3`)
		.addCheckConstraint('caf_action_effort_check', sql`effort between 1 and 3`)
		.execute();
	await db.schema.createIndex('caf_action_round_idx').on('caf_action').column('round_id').execute();
	await db.schema.createIndex('caf_score_round_idx').on('caf_score').column('round_id').execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	for (const t of [
		'caf_action',
		'caf_evidence_link',
		'caf_consensus',
		'caf_score',
		'caf_panel_member',
		'caf_round',
		'caf_subcriterion'
	]) {
		await db.schema.dropTable(t).execute();
	}
}

// People: the office's staff (personal data), who holds or deputises each RACI role of a process,
// the competence catalogue, what each role requires and what each person holds, and the absence
// rate per org unit that capacity planning subtracts. Staff are end-dated, never deleted.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('person')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		// The personnel system's number (osobní číslo); optional, unique when given.
		.addColumn('personal_number', 'text', (c) => c.unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('position', 'text', (c) => c.notNull())
		.addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
		.addColumn('fte', 'numeric(4, 3)', (c) => c.notNull().check(sql`fte > 0 and fte <= 1`))
		.addColumn('valid_from', 'date', (c) => c.notNull())
		.addColumn('valid_to', 'date')
		.addColumn('deputy_person_id', 'integer', (c) => c.references('person.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await sql`alter table person add constraint person_dates_chk
		check (valid_to is null or valid_to >= valid_from)`.execute(db);
	await sql`alter table person add constraint person_deputy_chk
		check (deputy_person_id is null or deputy_person_id <> id)`.execute(db);
	await db.schema.createIndex('person_org_unit_idx').on('person').column('org_unit_id').execute();

	// Who fills a RACI role of a process: its holders and their deputies.
	await db.schema
		.createTable('process_role_holder')
		.addColumn('process_role_id', 'integer', (c) =>
			c.notNull().references('process_role.id').onDelete('cascade')
		)
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('holder', 'deputy')`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('process_role_holder_pk', ['process_role_id', 'person_id'])
		.execute();
	await db.schema
		.createIndex('process_role_holder_person_idx')
		.on('process_role_holder')
		.column('person_id')
		.execute();

	await db.schema
		.createTable('competence')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('professional', 'legal', 'it_system', 'soft')`)
		)
		.addColumn('level_1', 'text', (c) => c.notNull())
		.addColumn('level_2', 'text', (c) => c.notNull())
		.addColumn('level_3', 'text', (c) => c.notNull())
		.addColumn('level_4', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('process_role_competence')
		.addColumn('process_role_id', 'integer', (c) =>
			c.notNull().references('process_role.id').onDelete('cascade')
		)
		.addColumn('competence_id', 'integer', (c) => c.notNull().references('competence.id'))
		.addColumn('min_level', 'smallint', (c) => c.notNull().check(sql`min_level between 1 and 4`))
		.addPrimaryKeyConstraint('process_role_competence_pk', ['process_role_id', 'competence_id'])
		.execute();

	await db.schema
		.createTable('person_competence')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
		.addColumn('competence_id', 'integer', (c) => c.notNull().references('competence.id'))
		.addColumn('level', 'smallint', (c) => c.notNull().check(sql`level between 1 and 4`))
		.addColumn('acquired_on', 'date', (c) => c.notNull())
		.addColumn('evidence_kind', 'text', (c) =>
			c.notNull().check(sql`evidence_kind in ('training', 'exam', 'practice', 'other')`)
		)
		.addColumn('evidence', 'text')
		.addColumn('expires_on', 'date')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addUniqueConstraint('person_competence_uq', ['person_id', 'competence_id'])
		.execute();
	await sql`alter table person_competence add constraint person_competence_dates_chk
		check (expires_on is null or expires_on >= acquired_on)`.execute(db);

	// Share of working time an org unit loses to leave, sickness and training (0.12 = 12 %).
	await db.schema
		.createTable('org_unit_capacity')
		.addColumn('org_unit_id', 'integer', (c) =>
			c.primaryKey().references('org_unit.id').onDelete('cascade')
		)
		.addColumn('absence_rate', 'numeric(5, 4)', (c) =>
			c.notNull().check(sql`absence_rate >= 0 and absence_rate < 1`)
		)
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.dropTable('org_unit_capacity').execute();
	await db.schema.dropTable('person_competence').execute();
	await db.schema.dropTable('process_role_competence').execute();
	await db.schema.dropTable('competence').execute();
	await db.schema.dropTable('process_role_holder').execute();
	await db.schema.dropTable('person').execute();
}

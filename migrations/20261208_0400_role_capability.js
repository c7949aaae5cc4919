// Issue 20, performance: the coverage page reads pre-aggregated data. Each (process role, person
// assigned to it) pair's capable interval — from the day the person can fill the role to the day
// they no longer can (exclusive; null: open) — is kept in role_capability, so a day's coverage is
// a count of the intervals containing the day, not the rule evaluated over holders, staff dates
// and competences on every read. The interval follows from coverage.ts's rule: the person's
// employment [valid_from, valid_to + 1), cut at the earliest expiry (+ 1) of the competences the
// role requires, provided every one is held at the minimum level; no row when none. Held levels do
// not change with the day, so one interval per pair is enough.
//
// It is kept by statement triggers on the four tables it is derived from, in the same transaction
// as the write and for just the roles or people the statement touched — whichever code writes
// (people service, staff import, process edits and deletions cascading to roles and holders, the
// demo seed, tests' builders). Retired processes are left out at read time, as before.
// tests/integration/people-coverage-sql.test.ts checks it against the pure rule after every kind
// of change.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('role_capability')
		// No foreign keys: rows go with their holder rows, which the triggers follow (a cascade
		// would race the refresh of a person's other roles within the deleting statement).
		.addColumn('process_role_id', 'integer', (c) => c.notNull())
		.addColumn('person_id', 'integer', (c) => c.notNull())
		.addColumn('capable_from', 'date', (c) => c.notNull())
		.addColumn('capable_to', 'date')
		.addPrimaryKeyConstraint('role_capability_pk', ['process_role_id', 'person_id'])
		.execute();
	await db.schema
		.createIndex('role_capability_person_idx')
		.on('role_capability')
		.column('person_id')
		.execute();

	// Recomputes the pairs of the roles and of the people named (either list may be empty).
	await sql`
		create function role_capability_refresh(roles integer[], persons integer[]) returns void
		language plpgsql as $$
		begin
			delete from role_capability
			where process_role_id = any(roles) or person_id = any(persons);
			insert into role_capability (process_role_id, person_id, capable_from, capable_to)
			select process_role_id, person_id, capable_from, capable_to
			from (
				select h.process_role_id, h.person_id, x.valid_from as capable_from,
					least(
						x.valid_to + 1,
						(select min(c.expires_on) + 1
							from process_role_competence q
							join person_competence c
								on c.person_id = h.person_id and c.competence_id = q.competence_id
							where q.process_role_id = h.process_role_id)
					) as capable_to
				from process_role_holder h
				join person x on x.id = h.person_id
				where (h.process_role_id = any(roles) or h.person_id = any(persons))
					and not exists (
						select 1 from process_role_competence q
						where q.process_role_id = h.process_role_id
							and not exists (
								select 1 from person_competence c
								where c.person_id = h.person_id
									and c.competence_id = q.competence_id
									and c.level >= q.min_level
							)
					)
			) k
			where capable_to is null or capable_from < capable_to;
		end $$`.execute(db);

	// One trigger function per source table; each runs once per statement over the rows it
	// touched (transition tables old_rows / new_rows, whichever the event has).
	// The table, the column naming what it touched, and whether that is a role (else a person).
	/** @type {{ table: string; key: string; role: boolean }[]} */
	const sources = [
		{ table: 'process_role_holder', key: 'process_role_id', role: true },
		{ table: 'process_role_competence', key: 'process_role_id', role: true },
		{ table: 'person_competence', key: 'person_id', role: false },
		{ table: 'person', key: 'id', role: false }
	];
	for (const { table, key, role } of sources) {
		const column = sql.id(key);
		/** @param {string} rows */
		const ids = (rows) => sql`array(select distinct ${column} from ${sql.id(rows)})`;
		const both = sql`array(select ${column} from old_rows union select ${column} from new_rows)`;
		/** @param {import('kysely').RawBuilder<unknown>} list */
		const call = (list) =>
			role
				? sql`perform role_capability_refresh(${list}, '{}');`
				: sql`perform role_capability_refresh('{}', ${list});`;
		await sql`
			create function ${sql.id(`${table}_capability`)}() returns trigger
			language plpgsql as $$
			begin
				if tg_op = 'INSERT' then ${call(ids('new_rows'))}
				elsif tg_op = 'DELETE' then ${call(ids('old_rows'))}
				else ${call(both)}
				end if;
				return null;
			end $$`.execute(db);
		const fn = sql.id(`${table}_capability`);
		const events = table === 'person' ? ['update'] : ['insert', 'update', 'delete'];
		for (const event of events) {
			const referencing =
				event === 'insert'
					? sql`new table as new_rows`
					: event === 'delete'
						? sql`old table as old_rows`
						: sql`old table as old_rows new table as new_rows`;
			await sql`
				create trigger ${sql.id(`${table}_capability_${event}`)}
				after ${sql.raw(event)} on ${sql.table(table)}
				referencing ${referencing}
				for each statement execute function ${fn}()`.execute(db);
		}
	}

	await sql`select role_capability_refresh(array(select id from process_role), '{}')`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	for (const table of ['process_role_holder', 'process_role_competence', 'person_competence']) {
		for (const event of ['insert', 'update', 'delete']) {
			await sql`drop trigger ${sql.id(`${table}_capability_${event}`)} on ${sql.table(table)}`.execute(
				db
			);
		}
	}
	await sql`drop trigger person_capability_update on person`.execute(db);
	for (const table of [
		'process_role_holder',
		'process_role_competence',
		'person_competence',
		'person'
	]) {
		await sql`drop function ${sql.id(`${table}_capability`)}()`.execute(db);
	}
	await sql`drop function role_capability_refresh(integer[], integer[])`.execute(db);
	await db.schema.dropTable('role_capability').execute();
}

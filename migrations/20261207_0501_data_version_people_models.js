// The overview page also shows the people risk (coverage of process roles), the staff hours
// saved in FTE and the modelled hours of process models; with these tables watched too, the whole
// page's figures can be kept per data version (see overview.service.ts `perDataVersion`). None of
// them is written in bulk, so a trigger per row costs nothing that matters.
import { sql } from 'kysely';

const WATCHED = [
	'org_unit',
	'org_unit_capacity',
	'capacity_setting',
	'person',
	'person_competence',
	'competence',
	'process_role',
	'process_role_competence',
	'process_role_holder',
	'process_model',
	'process_model_link'
];

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	for (const table of WATCHED) {
		await sql`
			create constraint trigger ${sql.id(`${table}_data_version`)}
			after insert or update or delete on ${sql.table(table)}
			deferrable initially deferred for each row execute function bump_data_version()`.execute(db);
	}
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	for (const table of WATCHED) {
		await sql`drop trigger ${sql.id(`${table}_data_version`)} on ${sql.table(table)}`.execute(db);
	}
}

// The overview page also shows the people risk (coverage of process roles), the staff hours
// saved in FTE and the modelled hours of process models; with these tables watched too, the whole
// page's figures can be kept per data version (see overview.service.ts `perDataVersion`). None of
// them is written in bulk, so a trigger per row costs nothing that matters.
import { unwatch, watch } from './shared/data-version.js';

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
	await watch(db, WATCHED);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await unwatch(db, WATCHED);
}

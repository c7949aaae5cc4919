// Adoption: the pilot's scope. Each pilot org unit has the areas of Dílna switched on for its
// people; the admin widens it area by area. Units already in the pilot keep every area, so their
// people see what they saw before.
import { sql } from 'kysely';

const AREAS = ['goals', 'processes', 'costs', 'programme', 'caf', 'people'];

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('adoption_pilot_area')
		.addColumn('org_unit_id', 'integer', (c) =>
			c.notNull().references('adoption_pilot.org_unit_id').onDelete('cascade')
		)
		.addColumn('area', 'text', (c) =>
			c.notNull().check(sql`area in (${sql.join(AREAS.map((a) => sql.lit(a)))})`)
		)
		.addPrimaryKeyConstraint('adoption_pilot_area_pk', ['org_unit_id', 'area'])
		.execute();
	for (const area of AREAS) {
		await sql`insert into adoption_pilot_area (org_unit_id, area)
			select org_unit_id, ${area} from adoption_pilot`.execute(db);
	}
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.dropTable('adoption_pilot_area').execute();
}

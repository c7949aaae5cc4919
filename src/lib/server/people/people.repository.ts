import { sql } from 'kysely';
import type { Executor } from '../audit/audit';

/**
 * Staff rows. Names (and personal numbers) are selected only when `withNames` is true: a caller
 * without `people.read_names` never receives them, not even to hide them later.
 */
export function staffRows(db: Executor, withNames: boolean) {
	return db
		.selectFrom('person as p')
		.innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
		.leftJoin('person as d', 'd.id', 'p.deputy_person_id')
		.select([
			'p.id',
			'p.position',
			'p.org_unit_id',
			'o.name as org_unit_name',
			'o.code as org_unit_code',
			'p.fte',
			'p.valid_from',
			'p.valid_to',
			'p.deputy_person_id',
			'p.version'
		])
		.$if(withNames, (q) => q.select(['p.name', 'p.personal_number', 'd.name as deputy_name']))
		.orderBy('o.code')
		.orderBy(withNames ? 'p.name' : 'p.position')
		.orderBy('p.id')
		.execute();
}

export type StaffRow = Awaited<ReturnType<typeof staffRows>>[number];

export function personById(db: Executor, id: number) {
	return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
}

export function personalNumbers(db: Executor) {
	return db.selectFrom('person').select(['id', 'personal_number', 'name', 'org_unit_id']).execute();
}

/** Every RACI role of every process (optionally one), with its process and unit. */
export function roleRows(db: Executor, processId?: number) {
	let q = db
		.selectFrom('process_role as r')
		.innerJoin('process as p', 'p.id', 'r.process_id')
		.select([
			'r.id',
			'r.process_id',
			'r.job_role',
			'r.raci',
			'p.code as process_code',
			'p.name as process_name',
			'p.kind as process_kind',
			'p.org_unit_id',
			'p.owner_user_id'
		])
		.where('p.status', '!=', 'retired')
		.orderBy('p.code')
		.orderBy('r.id');
	if (processId !== undefined) q = q.where('r.process_id', '=', processId);
	return q.execute();
}

export function holderRows(db: Executor) {
	return db
		.selectFrom('process_role_holder')
		.select(['process_role_id', 'person_id', 'kind'])
		.execute();
}

export function requirementRows(db: Executor) {
	return db
		.selectFrom('process_role_competence')
		.select(['process_role_id', 'competence_id', 'min_level'])
		.orderBy('competence_id')
		.execute();
}

export function heldRows(db: Executor, personId?: number) {
	let q = db
		.selectFrom('person_competence as h')
		.innerJoin('competence as c', 'c.id', 'h.competence_id')
		.selectAll('h')
		.select(['c.code as competence_code', 'c.name as competence_name'])
		.orderBy('c.code');
	if (personId !== undefined) q = q.where('h.person_id', '=', personId);
	return q.execute();
}

export function competenceRows(db: Executor) {
	return db.selectFrom('competence').selectAll().orderBy('code').execute();
}

export function absenceRows(db: Executor) {
	return db.selectFrom('org_unit_capacity').selectAll().execute();
}

/** The process card's yearly figures (volume, FTE) of one year. */
export function processYearRows(db: Executor, year: number) {
	return db
		.selectFrom('process as p')
		.leftJoin('process_year as y', (j) =>
			j.onRef('y.process_id', '=', 'p.id').on('y.year', '=', year)
		)
		.select(['p.id', 'p.code', 'p.name', 'p.org_unit_id', 'y.volume', 'y.fte'])
		.where('p.status', '!=', 'retired')
		.orderBy('p.code')
		.execute();
}

/** Hours saved by initiatives in saving periods ending in the year, per valuation org unit. */
export function savedHoursByUnit(db: Executor, year: number) {
	return db
		.selectFrom('initiative_saving as s')
		.innerJoin('initiative as i', 'i.id', 's.initiative_id')
		.select(['i.valuation_org_unit_id as org_unit_id', sql<string>`sum(s.hours)`.as('hours')])
		.where('i.valuation_org_unit_id', 'is not', null)
		.where(sql<boolean>`extract(year from s.period_end) = ${year}`)
		.groupBy('i.valuation_org_unit_id')
		.execute();
}

export function orgUnitRows(db: Executor) {
	return db.selectFrom('org_unit').select(['id', 'code', 'name']).orderBy('code').execute();
}

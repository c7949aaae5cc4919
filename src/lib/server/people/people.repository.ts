import { sql, type Insertable, type SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor } from '../audit/audit';
import type { Database, HolderKind } from '../db/schema';
import { deleteByKeys } from '../shared/versioned';

/**
 * Staff rows. Names (and personal numbers) are selected only when `withNames` is true: a caller
 * without `people.read_names` never receives them, not even to hide them later.
 */
export function staffRows(
	db: Executor,
	withNames: boolean,
	filter: { ids?: number[]; orgUnitId?: number } = {}
) {
	return staffQuery(db, withNames, filter).execute();
}

/** staffRows' query, to read as it is or inside one JSON row (fte as text either way). */
function staffQuery(
	db: Executor,
	withNames: boolean,
	filter: { ids?: number[]; orgUnitId?: number } = {}
) {
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
			sql<string>`p.fte::text`.as('fte'),
			'p.valid_from',
			'p.valid_to',
			'p.deputy_person_id',
			'p.version'
		])
		.$if(withNames, (q) => q.select(['p.name', 'p.personal_number', 'd.name as deputy_name']))
		.$if(filter.ids !== undefined, (q) => q.where('p.id', 'in', nonEmpty(filter.ids!)))
		.$if(filter.orgUnitId !== undefined, (q) => q.where('p.org_unit_id', '=', filter.orgUnitId!))
		.orderBy('o.code')
		.orderBy(withNames ? 'p.name' : 'p.position')
		.orderBy('p.id');
}

export type StaffRow = Awaited<ReturnType<typeof staffRows>>[number];

export function personById(db: Executor, id: number) {
	return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
}

export function personalNumbers(db: Executor) {
	return db.selectFrom('person').select(['id', 'personal_number', 'name', 'org_unit_id']).execute();
}

/**
 * A query's rows read as one row of JSON. The embedded database hands over each row of a result
 * slowly (some 15 ms a thousand rows), one JSON value in a fraction of that: the coverage reads of
 * a large office (a thousand roles, ten thousand held competences) go this way. Only for integer,
 * text and date columns, which JSON keeps as the driver gives them (a date as 'YYYY-MM-DD'); a
 * numeric would come back a number.
 */
async function inOneRow<O>(
	db: Executor,
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	query: SelectQueryBuilder<Database, any, O>
): Promise<O[]> {
	const row = await db
		.selectNoFrom(() => jsonArrayFrom(query).as('rows'))
		.executeTakeFirstOrThrow();
	return row.rows as O[];
}

/** `in` needs one value at least: an empty list matches no row (ids start at 1). */
function nonEmpty(ids: number[]): number[] {
	return ids.length ? ids : [0];
}

/**
 * Every RACI role of every process not retired (optionally of one process, of one unit's
 * processes, or the roles named), with its process and unit.
 */
export function roleRows(
	db: Executor,
	filter: { processId?: number; orgUnitId?: number; ids?: number[] } = {}
) {
	return inOneRow(db, roleQuery(db, filter));
}

function roleQuery(
	db: Executor,
	filter: { processId?: number; orgUnitId?: number; ids?: number[] } = {}
) {
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
	if (filter.processId !== undefined) q = q.where('r.process_id', '=', filter.processId);
	if (filter.orgUnitId !== undefined) q = q.where('p.org_unit_id', '=', filter.orgUnitId);
	if (filter.ids !== undefined) q = q.where('r.id', 'in', nonEmpty(filter.ids));
	return q;
}

/** The competences' ids, codes and names: what coverage views label requirements with. */
export function competenceLabels(db: Executor) {
	return inOneRow(db, competenceLabelQuery(db));
}

function competenceLabelQuery(db: Executor) {
	return db.selectFrom('competence').select(['id', 'code', 'name']).orderBy('code');
}

/**
 * What the coverage of the roles named needs, in one round trip (one JSON row): the roles, their
 * holders and deputies, their requirements, those people's staff rows and what they hold of the
 * competences required, and the competences' labels.
 */
export async function coverageOfRoles(db: Executor, withNames: boolean, roleIds: number[]) {
	const ids = nonEmpty(roleIds);
	const holderIds = db
		.selectFrom('process_role_holder')
		.select('person_id')
		.where('process_role_id', 'in', ids);
	const required = db
		.selectFrom('process_role_competence')
		.select('competence_id')
		.where('process_role_id', 'in', ids);
	return db
		.selectNoFrom(() => [
			jsonArrayFrom(roleQuery(db, { ids })).as('roles'),
			jsonArrayFrom(holderQuery(db, ids)).as('holders'),
			jsonArrayFrom(requirementQuery(db, ids)).as('requirements'),
			jsonArrayFrom(staffQuery(db, withNames).where('p.id', 'in', holderIds)).as('staff'),
			jsonArrayFrom(
				heldQuery(db).where('person_id', 'in', holderIds).where('competence_id', 'in', required)
			).as('held'),
			jsonArrayFrom(competenceLabelQuery(db)).as('competences')
		])
		.executeTakeFirstOrThrow();
}

/**
 * One page of a unit's roles × matrix in one round trip: a slice of its roles (in roleRows'
 * order) and of its staff employed on `day` (in staffRows' order), how many there are of each,
 * the slice's holders and requirements, what the sliced people hold of the competences required,
 * and the competences' labels.
 */
export async function matrixSlice(
	db: Executor,
	withNames: boolean,
	day: string,
	orgUnitId: number,
	roles: { offset: number; limit: number },
	people: { offset: number; limit: number }
) {
	const unitRoles = roleQuery(db, { orgUnitId });
	const roleSlice = unitRoles.limit(roles.limit).offset(roles.offset);
	const employed = staffQuery(db, withNames, { orgUnitId })
		.where(sql<boolean>`p.valid_from <= ${day}::date`)
		.where(sql<boolean>`(p.valid_to is null or p.valid_to >= ${day}::date)`);
	const staffSlice = employed.limit(people.limit).offset(people.offset);
	const roleIds = db.selectFrom(roleSlice.as('s')).select('s.id');
	const personIds = db.selectFrom(staffSlice.as('s')).select('s.id');
	const required = db
		.selectFrom('process_role_competence')
		.select('competence_id')
		.where('process_role_id', 'in', roleIds);
	return db
		.selectNoFrom(() => [
			db
				.selectFrom(unitRoles.clearSelect().clearOrderBy().select('r.id').as('c'))
				.select(sql<number>`count(*)::int`.as('n'))
				.as('role_total'),
			db
				.selectFrom(employed.clearSelect().clearOrderBy().select('p.id').as('c'))
				.select(sql<number>`count(*)::int`.as('n'))
				.as('staff_total'),
			jsonArrayFrom(roleSlice).as('roles'),
			jsonArrayFrom(staffSlice).as('staff'),
			jsonArrayFrom(
				db
					.selectFrom('process_role_holder')
					.select(['process_role_id', 'person_id', 'kind'])
					.where('process_role_id', 'in', roleIds)
			).as('holders'),
			jsonArrayFrom(
				db
					.selectFrom('process_role_competence')
					.select(['process_role_id', 'competence_id', 'min_level'])
					.where('process_role_id', 'in', roleIds)
					.orderBy('competence_id')
			).as('requirements'),
			jsonArrayFrom(
				heldQuery(db).where('person_id', 'in', personIds).where('competence_id', 'in', required)
			).as('held'),
			jsonArrayFrom(competenceLabelQuery(db)).as('competences')
		])
		.executeTakeFirstOrThrow();
}

/**
 * How many of the people assigned to each process role (of processes not retired; optionally of
 * one unit's) can fill it on `day`: the pairs whose capable interval (role_capability, kept by
 * triggers from holders, staff dates, held and required competences — see its migration) contains
 * the day. coverage.ts's rule, pre-aggregated: the day stays a parameter, since leaving and expiry
 * change the answer at midnight without any write (tests/integration/people-coverage-sql.test.ts
 * checks it against the pure rule on random offices after every kind of change).
 */
export function capableCounts(db: Executor, day: string, filter: { orgUnitId?: number } = {}) {
	const capable = db
		.selectFrom('role_capability')
		.select(['process_role_id', sql<number>`count(*)::int`.as('capable')])
		.where(sql<boolean>`capable_from <= ${day}::date`)
		.where(sql<boolean>`(capable_to is null or capable_to > ${day}::date)`)
		.groupBy('process_role_id');
	let q = db
		.selectFrom('process_role as r')
		.innerJoin('process as p', 'p.id', 'r.process_id')
		.leftJoin(capable.as('k'), 'k.process_role_id', 'r.id')
		.select([
			'r.id',
			'p.code as process_code',
			'p.kind as process_kind',
			'p.org_unit_id',
			sql<number>`coalesce(k.capable, 0)`.as('capable')
		])
		.where('p.status', '!=', 'retired');
	if (filter.orgUnitId !== undefined) q = q.where('p.org_unit_id', '=', filter.orgUnitId);
	return inOneRow(db, q);
}

/** Holders and deputies (optionally of the roles named only). */
export function holderRows(db: Executor, roleIds?: number[]) {
	return inOneRow(db, holderQuery(db, roleIds));
}

function holderQuery(db: Executor, roleIds?: number[]) {
	let q = db.selectFrom('process_role_holder').select(['process_role_id', 'person_id', 'kind']);
	if (roleIds !== undefined) q = q.where('process_role_id', 'in', nonEmpty(roleIds));
	return q;
}

/** Required competences (optionally of the roles named only). */
export function requirementRows(db: Executor, roleIds?: number[]) {
	return inOneRow(db, requirementQuery(db, roleIds));
}

function requirementQuery(db: Executor, roleIds?: number[]) {
	let q = db
		.selectFrom('process_role_competence')
		.select(['process_role_id', 'competence_id', 'min_level'])
		.orderBy('competence_id');
	if (roleIds !== undefined) q = q.where('process_role_id', 'in', nonEmpty(roleIds));
	return q;
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

/** What coverage needs of every held competence: person, competence, level, expiry. */
export function heldLevels(db: Executor, personIds?: number[]) {
	let q = heldQuery(db);
	if (personIds !== undefined) q = q.where('person_id', 'in', nonEmpty(personIds));
	return inOneRow(db, q);
}

function heldQuery(db: Executor) {
	return db
		.selectFrom('person_competence')
		.select(['person_id', 'competence_id', 'level', 'expires_on']);
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

export function personByNumber(db: Executor, personalNumber: string) {
	return db
		.selectFrom('person')
		.select('id')
		.where('personal_number', '=', personalNumber)
		.executeTakeFirst();
}

/** Locks a person's row for the rest of the transaction (their dates, for an assignment). */
export function lockPerson(db: Executor, id: number) {
	return db
		.selectFrom('person')
		.select(['id', 'valid_from', 'valid_to'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

export function roleById(db: Executor, id: number) {
	return db
		.selectFrom('process_role as r')
		.innerJoin('process as p', 'p.id', 'r.process_id')
		.select(['r.id', 'r.process_id', 'r.job_role', 'r.raci', 'p.owner_user_id'])
		.where('r.id', '=', id)
		.executeTakeFirst();
}

export function holderOf(db: Executor, roleId: number, personId: number) {
	return db
		.selectFrom('process_role_holder')
		.select('kind')
		.where('process_role_id', '=', roleId)
		.where('person_id', '=', personId)
		.executeTakeFirst();
}

export function upsertHolder(db: Executor, roleId: number, personId: number, kind: HolderKind) {
	return db
		.insertInto('process_role_holder')
		.values({ process_role_id: roleId, person_id: personId, kind })
		.onConflict((oc) => oc.columns(['process_role_id', 'person_id']).doUpdateSet({ kind }))
		.execute();
}

export function deleteHolder(db: Executor, roleId: number, personId: number) {
	return deleteByKeys(db, 'process_role_holder', { process_role_id: roleId, person_id: personId }, [
		'kind'
	]);
}

export function competenceById(db: Executor, id: number) {
	return db.selectFrom('competence').selectAll().where('id', '=', id).executeTakeFirst();
}

export function competenceByCode(db: Executor, code: string) {
	return db.selectFrom('competence').select('id').where('code', '=', code).executeTakeFirst();
}

export function requirementOf(db: Executor, roleId: number, competenceId: number) {
	return db
		.selectFrom('process_role_competence')
		.select('min_level')
		.where('process_role_id', '=', roleId)
		.where('competence_id', '=', competenceId)
		.executeTakeFirst();
}

export function deleteRequirement(db: Executor, roleId: number, competenceId: number) {
	const keys = { process_role_id: roleId, competence_id: competenceId };
	return deleteByKeys(db, 'process_role_competence', keys);
}

export function upsertRequirement(
	db: Executor,
	roleId: number,
	competenceId: number,
	minLevel: number
) {
	return db
		.insertInto('process_role_competence')
		.values({ process_role_id: roleId, competence_id: competenceId, min_level: minLevel })
		.onConflict((oc) =>
			oc.columns(['process_role_id', 'competence_id']).doUpdateSet({ min_level: minLevel })
		)
		.execute();
}

export function heldOf(db: Executor, personId: number, competenceId: number) {
	return db
		.selectFrom('person_competence')
		.selectAll()
		.where('person_id', '=', personId)
		.where('competence_id', '=', competenceId)
		.executeTakeFirst();
}

export function insertHeld(db: Executor, values: Insertable<Database['person_competence']>) {
	return db.insertInto('person_competence').values(values).execute();
}

export function deleteHeld(db: Executor, personId: number, competenceId: number) {
	const keys = { person_id: personId, competence_id: competenceId };
	return deleteByKeys(db, 'person_competence', keys, ['level', 'expires_on']);
}

/** Serialises staff imports: the check and the write see the same register. */
export async function lockStaffRegister(db: Executor) {
	await sql`lock table person in share row exclusive mode`.execute(db);
}

/** The office's yearly working hours (one row, seeded by its migration). */
export function capacitySetting(db: Executor) {
	return db.selectFrom('capacity_setting').selectAll().orderBy('id').executeTakeFirst();
}

// Training actions -----------------------------------------------------------------------------

export function trainingRows(db: Executor, filter: { personId?: number; ids?: number[] } = {}) {
	let q = db
		.selectFrom('training_action as a')
		.innerJoin('competence as c', 'c.id', 'a.competence_id')
		.leftJoin('process_role as r', 'r.id', 'a.process_role_id')
		.leftJoin('process as p', 'p.id', 'r.process_id')
		.selectAll('a')
		.select([
			'c.code as competence_code',
			'c.name as competence_name',
			'p.id as process_id',
			'p.code as process_code',
			'p.owner_user_id',
			'r.job_role'
		])
		.orderBy('a.due_on')
		.orderBy('a.id');
	if (filter.personId !== undefined) q = q.where('a.person_id', '=', filter.personId);
	return q.execute();
}

/** Open training actions of people who hold a role in a process the user owns (or all). */
export function openTrainingForOwner(db: Executor, ownerUserId: number | null) {
	let q = db
		.selectFrom('training_action as a')
		.innerJoin('competence as c', 'c.id', 'a.competence_id')
		.select([
			'a.id',
			'a.person_id',
			'a.target_level',
			'a.due_on',
			'a.status',
			'c.name as competence_name'
		])
		.where('a.status', 'in', ['planned', 'in_progress'])
		.orderBy('a.due_on')
		.orderBy('a.id');
	if (ownerUserId !== null) {
		q = q.where((eb) =>
			eb.or([
				eb('a.created_by', '=', ownerUserId),
				eb.exists(
					eb
						.selectFrom('process_role_holder as h')
						.innerJoin('process_role as r', 'r.id', 'h.process_role_id')
						.innerJoin('process as p', 'p.id', 'r.process_id')
						.select('h.person_id')
						.whereRef('h.person_id', '=', 'a.person_id')
						.where('p.owner_user_id', '=', ownerUserId)
				)
			])
		);
	}
	return q.execute();
}

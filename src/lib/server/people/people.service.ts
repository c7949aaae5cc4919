// People: staff (personal data), who fills each process role, competences held and required,
// coverage and single points of failure, and capacity. Names leave this module only for actors
// with `people.read_names`: the queries for everyone else do not select them.
import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import type { HolderKind } from '../db/schema';
import * as initiatives from '../initiatives/initiatives.service';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { assertExists } from '../shared/references';
import { expectVersion, lockForUpdate, updateVersioned } from '../shared/versioned';
import { add } from '../../decimal';
import { readStaffTable, validateStaff, type StaffCheck } from './staff-import';
import {
	capacity,
	DEFAULT_YEARLY_HOURS,
	type ProcessLoadInput,
	type UnitCapacity
} from './capacity';
import {
	addDays,
	coverage,
	expiring,
	isEmployed,
	matrix,
	type Assignment,
	type CoveragePerson,
	type CoverageRole,
	type Held,
	type MatrixCell,
	type RoleCoverage
} from './coverage';
import {
	EXPIRY_HORIZON_DAYS,
	type CompetenceInput,
	type HeldInput,
	type PersonInput,
	type PersonSummary,
	type StaffCount
} from './people';
import * as repo from './people.repository';

export function canReadNames(user: Pick<SessionUser, 'role'>): boolean {
	return can(user.role, 'people.read_names');
}

function requireNames(user: Pick<SessionUser, 'role'>) {
	if (!canReadNames(user)) throw new ForbiddenError('people.read_names');
}

function summary(row: repo.StaffRow, today: string): PersonSummary {
	return {
		id: row.id,
		personalNumber: row.personal_number ?? null,
		name: row.name ?? '',
		position: row.position,
		orgUnitId: row.org_unit_id,
		orgUnitName: row.org_unit_name,
		fte: row.fte,
		validFrom: row.valid_from,
		validTo: row.valid_to,
		deputyPersonId: row.deputy_person_id,
		deputyName: row.deputy_name ?? null,
		employed: isEmployed({ validFrom: row.valid_from, validTo: row.valid_to }, today),
		version: row.version
	};
}

export type StaffView =
	{ names: true; people: PersonSummary[] } | { names: false; counts: StaffCount[] };

/** The staff list: names for those allowed, positions and counts per unit (employed) for others. */
export async function staff(db: Executor, user: SessionUser, today: string): Promise<StaffView> {
	const names = canReadNames(user);
	const rows = await repo.staffRows(db, names);
	if (names) return { names, people: rows.map((r) => summary(r, today)) };
	const counts = new Map<string, StaffCount>();
	for (const r of rows) {
		if (!isEmployed({ validFrom: r.valid_from, validTo: r.valid_to }, today)) continue;
		const key = `${r.org_unit_id}\u0000${r.position}`;
		const c = counts.get(key) ?? {
			orgUnitId: r.org_unit_id,
			orgUnitName: r.org_unit_name,
			position: r.position,
			count: 0,
			fte: '0'
		};
		c.count++;
		c.fte = add(c.fte, r.fte);
		counts.set(key, c);
	}
	return { names, counts: [...counts.values()] };
}

/** A person's page: who they are, the roles they hold and their competences. Names only. */
export async function get(db: Executor, user: SessionUser, id: number, today: string) {
	requireNames(user);
	const row = (await repo.staffRows(db, true)).find((r) => r.id === id);
	if (!row) throw new NotFoundError('person');
	const [roles, holders, held, requirements, competences] = await Promise.all([
		repo.roleRows(db),
		repo.holderRows(db),
		repo.heldRows(db, id),
		repo.requirementRows(db),
		repo.competenceRows(db)
	]);
	const mine = holders.filter((h) => h.person_id === id);
	const heldMap = new Map(held.map((h) => [h.competence_id, h]));
	const competenceName = new Map(competences.map((c) => [c.id, c]));
	return {
		person: summary(row, today),
		roles: mine.flatMap((h) => {
			const r = roles.find((x) => x.id === h.process_role_id);
			if (!r) return [];
			const reqs = requirements.filter((q) => q.process_role_id === r.id);
			return [
				{
					roleId: r.id,
					processId: r.process_id,
					processCode: r.process_code,
					processName: r.process_name,
					jobRole: r.job_role,
					raci: r.raci,
					kind: h.kind,
					requirements: reqs.map((q) => {
						const has = heldMap.get(q.competence_id);
						return {
							competenceId: q.competence_id,
							code: competenceName.get(q.competence_id)?.code ?? '',
							name: competenceName.get(q.competence_id)?.name ?? '',
							minLevel: q.min_level,
							level: has && (has.expires_on === null || has.expires_on >= today) ? has.level : null
						};
					})
				}
			];
		}),
		held: held.map((h) => ({
			id: h.id,
			competenceId: h.competence_id,
			code: h.competence_code,
			name: h.competence_name,
			level: h.level,
			levelText: competenceName.get(h.competence_id)?.[levelKey(h.level)] ?? '',
			acquiredOn: h.acquired_on,
			evidenceKind: h.evidence_kind,
			evidence: h.evidence,
			expiresOn: h.expires_on,
			expired: h.expires_on !== null && h.expires_on < today,
			version: h.version
		})),
		deputyOptions: (await repo.staffRows(db, true))
			.filter(
				(p) => p.id !== id && isEmployed({ validFrom: p.valid_from, validTo: p.valid_to }, today)
			)
			.map((p) => ({ id: p.id, name: p.name ?? '', orgUnitName: p.org_unit_name }))
	};
}

function levelKey(level: number) {
	return `level_${Math.min(4, Math.max(1, level))}` as
		'level_1' | 'level_2' | 'level_3' | 'level_4';
}

function personColumns(input: PersonInput) {
	return {
		personal_number: input.personalNumber,
		name: input.name,
		position: input.position,
		org_unit_id: input.orgUnitId,
		fte: input.fte,
		valid_from: input.validFrom,
		valid_to: input.validTo,
		deputy_person_id: input.deputyPersonId
	};
}

function personAudit(row: {
	personal_number: string | null;
	name: string;
	position: string;
	org_unit_id: number;
	fte: string;
	valid_from: string;
	valid_to: string | null;
	deputy_person_id: number | null;
}) {
	return {
		personalNumber: row.personal_number,
		name: row.name,
		position: row.position,
		orgUnitId: row.org_unit_id,
		fte: row.fte,
		validFrom: row.valid_from,
		validTo: row.valid_to,
		deputyPersonId: row.deputy_person_id
	};
}

async function checkPerson(trx: Executor, input: PersonInput, id: number | null, today: string) {
	await assertExists(trx, 'org_unit', input.orgUnitId, 'orgUnitId');
	if (input.personalNumber) {
		const clash = await trx
			.selectFrom('person')
			.select('id')
			.where('personal_number', '=', input.personalNumber)
			.executeTakeFirst();
		if (clash && clash.id !== id) {
			throw new ValidationError({ personalNumber: 'people_error_duplicate' });
		}
	}
	if (input.deputyPersonId !== null) {
		if (input.deputyPersonId === id) {
			throw new ValidationError({ deputyPersonId: 'people_error_self' });
		}
		const deputy = await repo.personById(trx, input.deputyPersonId);
		if (!deputy) throw new ValidationError({ deputyPersonId: 'error_choice' });
		if (!isEmployed({ validFrom: deputy.valid_from, validTo: deputy.valid_to }, today)) {
			throw new ValidationError({ deputyPersonId: 'people_error_left' });
		}
	}
}

export async function create(
	db: Db,
	actor: SessionUser,
	input: PersonInput,
	today: string
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		await checkPerson(trx, input, null, today);
		const row = await trx
			.insertInto('person')
			.values(personColumns(input))
			.returningAll()
			.executeTakeFirstOrThrow();
		await audit.record(trx, {
			userId: actor.id,
			action: 'person.create',
			entity: 'person',
			entityId: row.id,
			after: personAudit(row)
		});
		return row.id;
	});
}

export async function update(
	db: Db,
	actor: SessionUser,
	id: number,
	expectedVersion: number,
	input: PersonInput,
	today: string
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await lockForUpdate(trx, 'person', id);
		expectVersion(before, expectedVersion, personAudit);
		await checkPerson(trx, input, id, today);
		const after = await updateVersioned(trx, 'person', id, {
			...personColumns(input),
			updated_at: sql`now()`
		});
		await audit.record(trx, {
			userId: actor.id,
			action: 'person.update',
			entity: 'person',
			entityId: id,
			before: personAudit(before),
			after: personAudit(after)
		});
	});
}

/** Ends the employment on its last day; the person and their history stay. */
export async function endDate(
	db: Db,
	actor: SessionUser,
	id: number,
	expectedVersion: number,
	validTo: string
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await lockForUpdate(trx, 'person', id);
		expectVersion(before, expectedVersion, personAudit);
		if (validTo < before.valid_from) throw new ValidationError({ validTo: 'people_error_dates' });
		await updateVersioned(trx, 'person', id, { valid_to: validTo, updated_at: sql`now()` });
		await audit.record(trx, {
			userId: actor.id,
			action: 'person.end',
			entity: 'person',
			entityId: id,
			before: { validTo: before.valid_to },
			after: { validTo }
		});
	});
}

/** Names a person as holder or deputy of a process role; someone who has left is refused. */
export async function assign(
	db: Db,
	actor: SessionUser,
	input: { roleId: number; personId: number; kind: HolderKind },
	today: string
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const role = await trx
			.selectFrom('process_role')
			.select(['id', 'process_id'])
			.where('id', '=', input.roleId)
			.executeTakeFirst();
		if (!role) throw new NotFoundError('process_role');
		const person = await trx
			.selectFrom('person')
			.select(['id', 'valid_from', 'valid_to'])
			.where('id', '=', input.personId)
			.forUpdate()
			.executeTakeFirst();
		if (!person) throw new ValidationError({ personId: 'error_choice' });
		if (person.valid_to !== null && person.valid_to < today) {
			throw new ValidationError({ personId: 'people_error_left' });
		}
		const before = await trx
			.selectFrom('process_role_holder')
			.select('kind')
			.where('process_role_id', '=', input.roleId)
			.where('person_id', '=', input.personId)
			.executeTakeFirst();
		await trx
			.insertInto('process_role_holder')
			.values({ process_role_id: input.roleId, person_id: input.personId, kind: input.kind })
			.onConflict((oc) =>
				oc.columns(['process_role_id', 'person_id']).doUpdateSet({ kind: input.kind })
			)
			.execute();
		await audit.record(trx, {
			userId: actor.id,
			action: 'process_role.assign',
			entity: 'process_role',
			entityId: input.roleId,
			before: before ? { personId: input.personId, kind: before.kind } : null,
			after: { personId: input.personId, kind: input.kind, processId: role.process_id }
		});
	});
}

export async function unassign(
	db: Db,
	actor: SessionUser,
	input: { roleId: number; personId: number }
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const removed = await trx
			.deleteFrom('process_role_holder')
			.where('process_role_id', '=', input.roleId)
			.where('person_id', '=', input.personId)
			.returning('kind')
			.executeTakeFirst();
		if (!removed) throw new NotFoundError('process_role_holder');
		await audit.record(trx, {
			userId: actor.id,
			action: 'process_role.unassign',
			entity: 'process_role',
			entityId: input.roleId,
			before: { personId: input.personId, kind: removed.kind }
		});
	});
}

// Competences --------------------------------------------------------------------------------

export const competences = repo.competenceRows;

function competenceColumns(input: CompetenceInput) {
	return {
		code: input.code,
		name: input.name,
		kind: input.kind,
		level_1: input.levels[0],
		level_2: input.levels[1],
		level_3: input.levels[2],
		level_4: input.levels[3]
	};
}

async function assertCompetenceCodeFree(trx: Executor, code: string, id: number | null) {
	const clash = await trx
		.selectFrom('competence')
		.select('id')
		.where('code', '=', code)
		.executeTakeFirst();
	if (clash && clash.id !== id) throw new ValidationError({ code: 'processes_error_code_taken' });
}

export async function createCompetence(db: Db, actor: SessionUser, input: CompetenceInput) {
	return db.transaction().execute(async (trx) => {
		await assertCompetenceCodeFree(trx, input.code, null);
		const row = await trx
			.insertInto('competence')
			.values(competenceColumns(input))
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit.record(trx, {
			userId: actor.id,
			action: 'competence.create',
			entity: 'competence',
			entityId: row.id,
			after: input
		});
		return row.id;
	});
}

export async function updateCompetence(
	db: Db,
	actor: SessionUser,
	id: number,
	expectedVersion: number,
	input: CompetenceInput
) {
	await db.transaction().execute(async (trx) => {
		const before = await lockForUpdate(trx, 'competence', id);
		expectVersion(before, expectedVersion);
		await assertCompetenceCodeFree(trx, input.code, id);
		await updateVersioned(trx, 'competence', id, {
			...competenceColumns(input),
			updated_at: sql`now()`
		});
		await audit.record(trx, {
			userId: actor.id,
			action: 'competence.update',
			entity: 'competence',
			entityId: id,
			before: competenceColumns({
				code: before.code,
				name: before.name,
				kind: before.kind,
				levels: [before.level_1, before.level_2, before.level_3, before.level_4]
			}),
			after: competenceColumns(input)
		});
	});
}

/** Sets (or with null removes) the minimum level a process role requires of a competence. */
export async function setRequirement(
	db: Db,
	actor: SessionUser,
	input: { roleId: number; competenceId: number; minLevel: number | null }
) {
	await db.transaction().execute(async (trx) => {
		const role = await trx
			.selectFrom('process_role')
			.select('id')
			.where('id', '=', input.roleId)
			.executeTakeFirst();
		if (!role) throw new NotFoundError('process_role');
		const comp = await trx
			.selectFrom('competence')
			.select('id')
			.where('id', '=', input.competenceId)
			.executeTakeFirst();
		if (!comp) throw new ValidationError({ competenceId: 'error_choice' });
		const before = await trx
			.selectFrom('process_role_competence')
			.select('min_level')
			.where('process_role_id', '=', input.roleId)
			.where('competence_id', '=', input.competenceId)
			.executeTakeFirst();
		if (input.minLevel === null) {
			await trx
				.deleteFrom('process_role_competence')
				.where('process_role_id', '=', input.roleId)
				.where('competence_id', '=', input.competenceId)
				.execute();
		} else {
			await trx
				.insertInto('process_role_competence')
				.values({
					process_role_id: input.roleId,
					competence_id: input.competenceId,
					min_level: input.minLevel
				})
				.onConflict((oc) =>
					oc
						.columns(['process_role_id', 'competence_id'])
						.doUpdateSet({ min_level: input.minLevel! })
				)
				.execute();
		}
		await audit.record(trx, {
			userId: actor.id,
			action: 'process_role.requirement',
			entity: 'process_role',
			entityId: input.roleId,
			before: before ? { competenceId: input.competenceId, minLevel: before.min_level } : null,
			after: { competenceId: input.competenceId, minLevel: input.minLevel }
		});
	});
}

/** Records (or updates) a competence a person holds. */
export async function setHeld(db: Db, actor: SessionUser, personId: number, input: HeldInput) {
	await db.transaction().execute(async (trx) => {
		await lockForUpdate(trx, 'person', personId);
		const comp = await trx
			.selectFrom('competence')
			.select('id')
			.where('id', '=', input.competenceId)
			.executeTakeFirst();
		if (!comp) throw new ValidationError({ competenceId: 'error_choice' });
		const before = await trx
			.selectFrom('person_competence')
			.selectAll()
			.where('person_id', '=', personId)
			.where('competence_id', '=', input.competenceId)
			.executeTakeFirst();
		const values = {
			level: input.level,
			acquired_on: input.acquiredOn,
			evidence_kind: input.evidenceKind,
			evidence: input.evidence,
			expires_on: input.expiresOn
		};
		if (before) {
			await updateVersioned(trx, 'person_competence', before.id, {
				...values,
				updated_at: sql`now()`
			});
		} else {
			await trx
				.insertInto('person_competence')
				.values({ person_id: personId, competence_id: input.competenceId, ...values })
				.execute();
		}
		await audit.record(trx, {
			userId: actor.id,
			action: 'person.competence',
			entity: 'person',
			entityId: personId,
			before: before
				? {
						competenceId: before.competence_id,
						level: before.level,
						acquiredOn: before.acquired_on,
						expiresOn: before.expires_on
					}
				: null,
			after: input
		});
	});
}

export async function removeHeld(
	db: Db,
	actor: SessionUser,
	personId: number,
	competenceId: number
) {
	await db.transaction().execute(async (trx) => {
		const removed = await trx
			.deleteFrom('person_competence')
			.where('person_id', '=', personId)
			.where('competence_id', '=', competenceId)
			.returning(['level', 'expires_on'])
			.executeTakeFirst();
		if (!removed) throw new NotFoundError('person_competence');
		await audit.record(trx, {
			userId: actor.id,
			action: 'person.competence_remove',
			entity: 'person',
			entityId: personId,
			before: { competenceId, level: removed.level, expiresOn: removed.expires_on }
		});
	});
}

export async function setAbsence(
	db: Db,
	actor: SessionUser,
	input: { orgUnitId: number; absenceRate: string }
) {
	await db.transaction().execute(async (trx) => {
		await assertExists(trx, 'org_unit', input.orgUnitId, 'orgUnitId');
		const before = await trx
			.selectFrom('org_unit_capacity')
			.select('absence_rate')
			.where('org_unit_id', '=', input.orgUnitId)
			.executeTakeFirst();
		await trx
			.insertInto('org_unit_capacity')
			.values({ org_unit_id: input.orgUnitId, absence_rate: input.absenceRate })
			.onConflict((oc) =>
				oc.column('org_unit_id').doUpdateSet({
					absence_rate: input.absenceRate,
					version: sql`org_unit_capacity.version + 1`
				})
			)
			.execute();
		await audit.record(trx, {
			userId: actor.id,
			action: 'org_unit.absence',
			entity: 'org_unit',
			entityId: input.orgUnitId,
			before: before ? { absenceRate: before.absence_rate } : null,
			after: { absenceRate: input.absenceRate }
		});
	});
}

// Coverage -----------------------------------------------------------------------------------

interface CoverageData {
	roles: (CoverageRole & { processKind: string; ownerUserId: number | null })[];
	people: (CoveragePerson & { position: string; name: string | null; orgUnitCode: string })[];
	assignments: Assignment[];
	held: Held[];
	competences: Awaited<ReturnType<typeof repo.competenceRows>>;
}

async function loadCoverage(
	db: Executor,
	withNames: boolean,
	processId?: number
): Promise<CoverageData> {
	const [roles, staffRows, holders, requirements, held, competenceRows] = await Promise.all([
		repo.roleRows(db, processId),
		repo.staffRows(db, withNames),
		repo.holderRows(db),
		repo.requirementRows(db),
		repo.heldRows(db),
		repo.competenceRows(db)
	]);
	const reqByRole = new Map<number, { competenceId: number; minLevel: number }[]>();
	for (const r of requirements) {
		const list = reqByRole.get(r.process_role_id) ?? [];
		list.push({ competenceId: r.competence_id, minLevel: r.min_level });
		reqByRole.set(r.process_role_id, list);
	}
	return {
		roles: roles.map((r) => ({
			roleId: r.id,
			processId: r.process_id,
			processCode: r.process_code,
			processName: r.process_name,
			processKind: r.process_kind,
			ownerUserId: r.owner_user_id,
			orgUnitId: r.org_unit_id,
			jobRole: r.job_role,
			raci: r.raci,
			requirements: reqByRole.get(r.id) ?? []
		})),
		people: staffRows.map((p) => ({
			id: p.id,
			orgUnitId: p.org_unit_id,
			orgUnitCode: p.org_unit_code,
			validFrom: p.valid_from,
			validTo: p.valid_to,
			position: p.position,
			name: withNames ? (p.name ?? '') : null
		})),
		assignments: holders.map((h) => ({
			roleId: h.process_role_id,
			personId: h.person_id,
			kind: h.kind
		})),
		held: held.map((h) => ({
			personId: h.person_id,
			competenceId: h.competence_id,
			level: h.level,
			expiresOn: h.expires_on
		})),
		competences: competenceRows
	};
}

/** How a person appears in a coverage view: by name when allowed, else by position only. */
function personLabel(p: CoverageData['people'][number] | undefined): {
	id: number | null;
	label: string;
} {
	if (!p) return { id: null, label: '' };
	return p.name !== null ? { id: p.id, label: p.name } : { id: null, label: p.position };
}

export interface CoverageRow {
	roleId: number;
	processId: number;
	processCode: string;
	processName: string;
	processKind: string;
	orgUnitId: number | null;
	jobRole: string;
	raci: string;
	requirements: { code: string; name: string; minLevel: number }[];
	assigned: {
		id: number | null;
		label: string;
		kind: HolderKind;
		capable: boolean;
		shortfalls: string[];
	}[];
	capableCount: number;
	spof: boolean;
}

function coverageRows(data: CoverageData, today: string): CoverageRow[] {
	const personById = new Map(data.people.map((p) => [p.id, p]));
	const comp = new Map(data.competences.map((c) => [c.id, c]));
	return coverage(data.roles, data.people, data.assignments, data.held, today).map(
		(c: RoleCoverage) => {
			const role = c.role as CoverageData['roles'][number];
			return {
				roleId: role.roleId,
				processId: role.processId,
				processCode: role.processCode,
				processName: role.processName,
				processKind: role.processKind,
				orgUnitId: role.orgUnitId,
				jobRole: role.jobRole,
				raci: role.raci,
				requirements: role.requirements.map((r) => ({
					code: comp.get(r.competenceId)?.code ?? '',
					name: comp.get(r.competenceId)?.name ?? '',
					minLevel: r.minLevel
				})),
				assigned: c.assigned.map((a) => ({
					...personLabel(personById.get(a.personId)),
					kind: a.kind,
					capable: a.shortfalls.length === 0,
					shortfalls: a.shortfalls.map((s) =>
						'competenceId' in s ? `${s.kind}:${comp.get(s.competenceId)?.code ?? ''}` : s.kind
					)
				})),
				capableCount: c.capable.length,
				spof: c.spof
			};
		}
	);
}

/** Every process role's coverage, SPOFs first; optionally of one org unit or one process. */
export async function coverageReport(
	db: Executor,
	user: SessionUser,
	today: string,
	filter: { orgUnitId?: number | null; processId?: number | null } = {}
): Promise<CoverageRow[]> {
	const data = await loadCoverage(db, canReadNames(user), filter.processId ?? undefined);
	let rows = coverageRows(data, today);
	if (filter.orgUnitId) rows = rows.filter((r) => r.orgUnitId === filter.orgUnitId);
	return rows;
}

export interface CoverageMatrix {
	roles: { roleId: number; label: string; requirements: { code: string; minLevel: number }[] }[];
	people: { id: number | null; label: string; position: string }[];
	cells: MatrixCell[][];
}

/** Roles of a unit's processes × the unit's employed staff (by position when names are hidden). */
export async function unitMatrix(
	db: Executor,
	user: SessionUser,
	today: string,
	orgUnitId: number
): Promise<CoverageMatrix> {
	const data = await loadCoverage(db, canReadNames(user));
	const roles = data.roles.filter((r) => r.orgUnitId === orgUnitId);
	const people = data.people.filter((p) => p.orgUnitId === orgUnitId && isEmployed(p, today));
	const comp = new Map(data.competences.map((c) => [c.id, c]));
	return {
		roles: roles.map((r) => ({
			roleId: r.roleId,
			label: `${r.processCode} · ${r.jobRole} (${r.raci})`,
			requirements: r.requirements.map((q) => ({
				code: comp.get(q.competenceId)?.code ?? '',
				minLevel: q.minLevel
			}))
		})),
		people: people.map((p) => ({ ...personLabel(p), position: p.position })),
		cells: matrix(roles, people, data.assignments, data.held, today)
	};
}

/** Who does what in one process (the process card), with the people who could be assigned. */
export async function processPeople(
	db: Executor,
	user: SessionUser,
	processId: number,
	today: string
) {
	const names = canReadNames(user);
	const data = await loadCoverage(db, names, processId);
	return {
		names,
		rows: coverageRows(data, today).sort((a, b) => a.roleId - b.roleId),
		candidates: names
			? data.people
					.filter((p) => isEmployed(p, today))
					.map((p) => ({ id: p.id, label: `${p.name} (${p.orgUnitCode})` }))
					.sort((a, b) => a.label.localeCompare(b.label, 'cs'))
			: [],
		competences: data.competences.map((c) => ({ id: c.id, code: c.code, name: c.name }))
	};
}

/** The overview's risk tile: SPOFs (all, none at all, in core processes) and expiring qualifications. */
export async function risk(db: Executor, today: string) {
	const data = await loadCoverage(db, false);
	const rows = coverage(data.roles, data.people, data.assignments, data.held, today);
	const spofs = rows.filter((r) => r.spof);
	const kindOf = new Map(data.roles.map((r) => [r.roleId, r.processKind]));
	const employed = new Set(data.people.filter((p) => isEmployed(p, today)).map((p) => p.id));
	return {
		roles: rows.length,
		spofs: spofs.length,
		uncovered: spofs.filter((r) => r.capable.length === 0).length,
		coreSpofs: spofs.filter((r) => kindOf.get(r.role.roleId) === 'core').length,
		expiring: expiring(
			data.held.filter((h) => employed.has(h.personId)),
			today,
			addDays(today, EXPIRY_HORIZON_DAYS)
		).filter((h) => h.expiresOn! >= today).length
	};
}

/**
 * Qualifications expiring within the horizon (or lately expired) of people who hold roles the
 * user answers for: managers and admins all, a process owner those in their processes. Names only
 * to those allowed; others see the position.
 */
export async function expiringFor(db: Executor, user: SessionUser, today: string) {
	const all = can(user.role, 'people.edit');
	if (!all && user.role !== 'process_owner') return [];
	const data = await loadCoverage(db, canReadNames(user));
	const mineRoles = new Set(
		data.roles.filter((r) => all || r.ownerUserId === user.id).map((r) => r.roleId)
	);
	const relevant = new Set(
		data.assignments.filter((a) => mineRoles.has(a.roleId)).map((a) => a.personId)
	);
	const personById = new Map(data.people.map((p) => [p.id, p]));
	const comp = new Map(data.competences.map((c) => [c.id, c]));
	return expiring(
		data.held.filter(
			(h) => relevant.has(h.personId) && isEmployed(personById.get(h.personId)!, today)
		),
		today,
		addDays(today, EXPIRY_HORIZON_DAYS)
	).map((h) => ({
		...personLabel(personById.get(h.personId)),
		competence: comp.get(h.competenceId)?.name ?? '',
		level: h.level,
		expiresOn: h.expiresOn!,
		expired: h.expiresOn! < today
	}));
}

/** A gap becomes an initiative in the programme, linked to the process, in one click. */
export async function gapToInitiative(db: Db, actor: SessionUser, roleId: number): Promise<number> {
	const role = (await repo.roleRows(db)).find((r) => r.id === roleId);
	if (!role) throw new NotFoundError('process_role');
	const id = await initiatives.create(db, actor, {
		code: `KOMP-${roleId}`,
		name: `Zastupitelnost role ${role.job_role} v procesu ${role.process_name}`.slice(0, 200),
		description: `Role ${role.job_role} (${role.raci}) procesu ${role.process_code} zastane jen jeden člověk nebo nikdo: vyškolit nebo určit zástupce.`,
		ownerUserId: actor.id,
		expectedCzk: 0n,
		expectedHours: '0',
		valuationOrgUnitId: role.org_unit_id,
		activityId: null
	});
	await initiatives.setLinks(db, actor, id, 1, {
		goalIds: [],
		processIds: [role.process_id],
		kpiIds: []
	});
	return id;
}

// Capacity -----------------------------------------------------------------------------------

export const YEARLY_HOURS_KEY = 'people_yearly_hours';

export async function yearlyHours(db: Executor): Promise<number> {
	const row = await db
		.selectFrom('app_setting')
		.select('value')
		.where('key', '=', YEARLY_HOURS_KEY)
		.executeTakeFirst();
	const v = Number((row?.value as { hours?: unknown } | undefined)?.hours);
	return Number.isFinite(v) && v > 0 ? v : DEFAULT_YEARLY_HOURS;
}

/**
 * Utilization of every org unit in the year. `minutes` overrides minutes per case of processes
 * (the what-if; and the seam where BPMN task times will come in), `moves` moves a process to
 * another unit.
 */
export async function capacityReport(
	db: Executor,
	year: number,
	today: string,
	whatIf: { minutes?: Map<number, number>; moves?: Map<number, number> } = {}
): Promise<{ units: UnitCapacity[]; yearlyHours: number }> {
	const [units, staffRows, processRows, absence, saved, hours] = await Promise.all([
		repo.orgUnitRows(db),
		repo.staffRows(db, false),
		repo.processYearRows(db, year),
		repo.absenceRows(db),
		repo.savedHoursByUnit(db, year),
		yearlyHours(db)
	]);
	const absenceOf = new Map(absence.map((a) => [a.org_unit_id, Number(a.absence_rate)]));
	// The day staff are counted on: today in the current year, else the year's middle.
	const day = today.startsWith(String(year)) ? today : `${year}-07-01`;
	const processes: ProcessLoadInput[] = processRows.map((p) => {
		const minutes = whatIf.minutes?.get(p.id);
		return {
			processId: p.id,
			code: p.code,
			name: p.name,
			orgUnitId: whatIf.moves?.get(p.id) ?? p.org_unit_id,
			volume: p.volume,
			fte: p.fte === null ? null : Number(p.fte),
			minutesPerCase: minutes !== undefined ? [minutes] : null
		};
	});
	return {
		yearlyHours: hours,
		units: capacity(
			units.map((u) => ({
				id: u.id,
				code: u.code,
				name: u.name,
				absenceRate: absenceOf.get(u.id) ?? 0
			})),
			staffRows.map((s) => ({
				orgUnitId: s.org_unit_id,
				fte: Number(s.fte),
				validFrom: s.valid_from,
				validTo: s.valid_to
			})),
			processes,
			new Map(saved.map((s) => [s.org_unit_id!, Number(s.hours)])),
			hours,
			day
		)
	};
}

// Import ---------------------------------------------------------------------------------------

/** Reads and checks a staff file; writes nothing. */
export async function checkImport(
	db: Executor,
	bytes: Uint8Array,
	fileName: string
): Promise<StaffCheck> {
	const read = await readStaffTable(bytes, fileName);
	if (!read.ok) return { rows: [], errors: [read.error] };
	const [units, numbers] = await Promise.all([repo.orgUnitRows(db), repo.personalNumbers(db)]);
	return validateStaff(read.table, {
		orgUnits: units,
		existing: new Set(numbers.flatMap((n) => (n.personal_number ? [n.personal_number] : [])))
	});
}

/** Imports the staff file in one transaction: every row, or (on any row error) none. */
export async function importStaff(
	db: Db,
	actor: SessionUser,
	bytes: Uint8Array,
	fileName: string
): Promise<StaffCheck> {
	return db.transaction().execute(async (trx) => {
		// Serialises imports: the check and the write see the same register.
		await sql`lock table person in share row exclusive mode`.execute(trx);
		const check = await checkImport(trx, bytes, fileName);
		if (check.errors.length) return check;
		for (const row of check.rows) {
			const created = await trx
				.insertInto('person')
				.values(personColumns(row))
				.returningAll()
				.executeTakeFirstOrThrow();
			await audit.record(trx, {
				userId: actor.id,
				action: 'person.import',
				entity: 'person',
				entityId: created.id,
				after: personAudit(created)
			});
		}
		return check;
	});
}

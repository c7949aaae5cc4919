// People: staff (personal data), who fills each process role, competences held and required,
// coverage and single points of failure, and capacity. Names leave this module only for actors
// with `people.read_names`: the queries for everyone else do not select them.
import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import type { HolderKind, TrainingStatus } from '../db/schema';
import * as initiatives from '../initiatives/initiatives.service';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { assertExists } from '../shared/references';
import {
	auditedAs,
	changeAudited,
	createAudited,
	editAudited,
	saveByKeysAudited,
	updateVersioned,
	type VersionedRow
} from '../shared/versioned';
import { add, fromHundredths, normalise } from '../../decimal';
import { readStaffTable, validateStaff, type StaffCheck } from './staff-import';
import {
	capacity,
	DEFAULT_YEARLY_HOURS,
	fteOf,
	type ModelledShare,
	type ProcessLoadInput,
	type UnitCapacity
} from './capacity';
import { TRAINING_DUE_DAYS, trainingFor, type TrainingInput } from './training';
import { applyWhatIf, type ModelTask, type Scenario } from './whatif';
import * as models from '../models/models.service';
import { perDataVersion } from '../db/data-version';
import {
	addDays,
	byRisk,
	coverage,
	expiring,
	isEmployed,
	isSpof,
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

const byCzech = new Intl.Collator('cs');

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

function personAudit(row: VersionedRow<'person'>) {
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
		const clash = await repo.personByNumber(trx, input.personalNumber);
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

const personChange = auditedAs('person');

export async function create(
	db: Db,
	actor: SessionUser,
	input: PersonInput,
	today: string
): Promise<number> {
	const row = await createAudited(db, 'person', {
		change: personChange(actor, 'create'),
		values: personColumns(input),
		view: personAudit,
		check: (trx) => checkPerson(trx, input, null, today)
	});
	return row.id;
}

export async function update(
	db: Db,
	actor: SessionUser,
	id: number,
	expectedVersion: number,
	input: PersonInput,
	today: string
): Promise<void> {
	await editAudited(db, 'person', id, expectedVersion, {
		change: personChange(actor, 'update'),
		view: personAudit,
		check: (trx) => checkPerson(trx, input, id, today),
		values: () => personColumns(input)
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
	await editAudited(db, 'person', id, expectedVersion, {
		change: personChange(actor, 'end'),
		view: (r) => ({ validTo: r.valid_to }),
		current: personAudit,
		check: (_, before) => {
			if (validTo < before.valid_from) throw new ValidationError({ validTo: 'people_error_dates' });
		},
		values: () => ({ valid_to: validTo })
	});
}

/** The changes of a process role's holders and required competences. */
const roleChange = auditedAs('process_role');

/** Names a person as holder or deputy of a process role; someone who has left is refused. */
export async function assign(
	db: Db,
	actor: SessionUser,
	input: { roleId: number; personId: number; kind: HolderKind },
	today: string
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const role = await repo.roleById(trx, input.roleId);
		if (!role) throw new NotFoundError('process_role');
		const person = await repo.lockPerson(trx, input.personId);
		if (!person) throw new ValidationError({ personId: 'error_choice' });
		if (person.valid_to !== null && person.valid_to < today) {
			throw new ValidationError({ personId: 'people_error_left' });
		}
		const before = await repo.holderOf(trx, input.roleId, input.personId);
		await repo.upsertHolder(trx, input.roleId, input.personId, input.kind);
		await audit.record(trx, {
			...roleChange(actor, 'assign'),
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
		const removed = await repo.deleteHolder(trx, input.roleId, input.personId);
		if (!removed) throw new NotFoundError('process_role_holder');
		await audit.record(trx, {
			...roleChange(actor, 'unassign'),
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

function competenceView(row: {
	code: string;
	name: string;
	kind: CompetenceInput['kind'];
	level_1: string;
	level_2: string;
	level_3: string;
	level_4: string;
}) {
	return competenceColumns({
		code: row.code,
		name: row.name,
		kind: row.kind,
		levels: [row.level_1, row.level_2, row.level_3, row.level_4]
	});
}

async function assertCompetenceCodeFree(trx: Executor, code: string, id: number | null) {
	const clash = await repo.competenceByCode(trx, code);
	if (clash && clash.id !== id) throw new ValidationError({ code: 'processes_error_code_taken' });
}

const competenceChange = auditedAs('competence');

export async function createCompetence(db: Db, actor: SessionUser, input: CompetenceInput) {
	const row = await createAudited(db, 'competence', {
		change: competenceChange(actor, 'create'),
		values: competenceColumns(input),
		view: competenceView,
		check: (trx) => assertCompetenceCodeFree(trx, input.code, null)
	});
	return row.id;
}

export async function updateCompetence(
	db: Db,
	actor: SessionUser,
	id: number,
	expectedVersion: number,
	input: CompetenceInput
) {
	await editAudited(db, 'competence', id, expectedVersion, {
		change: competenceChange(actor, 'update'),
		view: competenceView,
		check: (trx) => assertCompetenceCodeFree(trx, input.code, id),
		values: () => competenceColumns(input)
	});
}

/** Sets (or with null removes) the minimum level a process role requires of a competence. */
export async function setRequirement(
	db: Db,
	actor: SessionUser,
	input: { roleId: number; competenceId: number; minLevel: number | null }
) {
	await db.transaction().execute(async (trx) => {
		if (!(await repo.roleById(trx, input.roleId))) throw new NotFoundError('process_role');
		if (!(await repo.competenceById(trx, input.competenceId))) {
			throw new ValidationError({ competenceId: 'error_choice' });
		}
		const before = await repo.requirementOf(trx, input.roleId, input.competenceId);
		if (input.minLevel === null) {
			await repo.deleteRequirement(trx, input.roleId, input.competenceId);
		} else {
			await repo.upsertRequirement(trx, input.roleId, input.competenceId, input.minLevel);
		}
		await audit.record(trx, {
			...roleChange(actor, 'requirement'),
			entityId: input.roleId,
			before: before ? { competenceId: input.competenceId, minLevel: before.min_level } : null,
			after: { competenceId: input.competenceId, minLevel: input.minLevel }
		});
	});
}

/** Records (or updates) a competence a person holds. */
export async function setHeld(db: Db, actor: SessionUser, personId: number, input: HeldInput) {
	await changeAudited(db, 'person', personId, null, {
		change: personChange(actor, 'competence'),
		work: async (trx) => {
			if (!(await repo.competenceById(trx, input.competenceId))) {
				throw new ValidationError({ competenceId: 'error_choice' });
			}
			const before = await repo.heldOf(trx, personId, input.competenceId);
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
				await repo.insertHeld(trx, {
					person_id: personId,
					competence_id: input.competenceId,
					...values
				});
			}
			return {
				before: before
					? {
							competenceId: before.competence_id,
							level: before.level,
							acquiredOn: before.acquired_on,
							expiresOn: before.expires_on
						}
					: null,
				after: input
			};
		}
	});
}

export async function removeHeld(
	db: Db,
	actor: SessionUser,
	personId: number,
	competenceId: number
) {
	await db.transaction().execute(async (trx) => {
		const removed = await repo.deleteHeld(trx, personId, competenceId);
		if (!removed) throw new NotFoundError('person_competence');
		await audit.record(trx, {
			...personChange(actor, 'competence_remove'),
			entityId: personId,
			before: { competenceId, level: removed.level, expiresOn: removed.expires_on }
		});
	});
}

/**
 * Sets a unit's absence rate. `version` is the one the form showed (null: the unit had none yet);
 * a rate saved since is a conflict.
 */
export async function setAbsence(
	db: Db,
	actor: SessionUser,
	input: { orgUnitId: number; absenceRate: string },
	version: number | null = null
) {
	await db.transaction().execute(async (trx) => {
		await assertExists(trx, 'org_unit', input.orgUnitId, 'orgUnitId');
		await saveByKeysAudited(trx, 'org_unit_capacity', { org_unit_id: input.orgUnitId }, version, {
			change: auditedAs('org_unit')(actor, 'absence'),
			entityId: input.orgUnitId,
			view: (r) => ({ absenceRate: r.absence_rate }),
			values: { absence_rate: input.absenceRate },
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
	competences: { id: number; code: string; name: string }[];
}

/** Which part of the office a coverage view loads: all of it, one process, or the roles named. */
interface CoverageScope {
	processId?: number;
	/** only these roles, their holders and deputies and what those people hold */
	roleIds?: number[];
}

async function loadCoverage(
	db: Executor,
	withNames: boolean,
	scope: CoverageScope = {}
): Promise<CoverageData> {
	if (scope.roleIds !== undefined) {
		return coverageData(withNames, await repo.coverageOfRoles(db, withNames, scope.roleIds));
	}
	const [roles, staff, holders, requirements, held, competences] = await Promise.all([
		repo.roleRows(db, { processId: scope.processId }),
		repo.staffRows(db, withNames),
		repo.holderRows(db),
		repo.requirementRows(db),
		repo.heldLevels(db),
		repo.competenceLabels(db)
	]);
	return coverageData(withNames, { roles, staff, holders, requirements, held, competences });
}

/** What the coverage rule reads: the roles, staff, holders, requirements and held levels. */
interface CoverageRows {
	roles: Awaited<ReturnType<typeof repo.roleRows>>;
	staff: repo.StaffRow[];
	holders: Awaited<ReturnType<typeof repo.holderRows>>;
	requirements: Awaited<ReturnType<typeof repo.requirementRows>>;
	held: Awaited<ReturnType<typeof repo.heldLevels>>;
	competences: CoverageData['competences'];
}

/** The rows read, in the shapes the coverage rule takes. */
function coverageData(
	withNames: boolean,
	{
		roles,
		staff: staffRows,
		holders,
		requirements,
		held,
		competences: competenceRows
	}: CoverageRows
): CoverageData {
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
	requirements: { code: string; minLevel: number }[];
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
	const data = await loadCoverage(db, canReadNames(user), {
		processId: filter.processId ?? undefined
	});
	return coverageRows(ofUnit(data, filter.orgUnitId ?? null), today);
}

/** The coverage data with only the roles of one unit's processes (all when null). */
function ofUnit(data: CoverageData, orgUnitId: number | null): CoverageData {
	return orgUnitId ? { ...data, roles: data.roles.filter((r) => r.orgUnitId === orgUnitId) } : data;
}

/**
 * One cell of the matrix as the page and the export show it: the assignment, whether the person
 * meets the role's requirements, and the levels held per required competence, '/'-joined ('–':
 * none or expired). A tuple, not an object: a page of the matrix has four hundred cells.
 */
export type MatrixCellView = [assignment: HolderKind | null, qualified: boolean, levels: string];

export interface CoverageMatrix {
	roles: { roleId: number; label: string; requirements: { code: string; minLevel: number }[] }[];
	people: { id: number | null; label: string }[];
	cells: MatrixCellView[][];
}

function cellView(c: MatrixCell): MatrixCellView {
	return [c.assignment, c.qualified, c.levels.map((l) => l ?? '–').join('/')];
}

function matrixOf(data: CoverageData, today: string, orgUnitId: number): CoverageMatrix {
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
		people: people.map((p) => personLabel(p)),
		cells: matrix(roles, people, data.assignments, data.held, today).map((row) => row.map(cellView))
	};
}

/** Roles of a unit's processes × the unit's employed staff (by position when names are hidden). */
export async function unitMatrix(
	db: Executor,
	user: SessionUser,
	today: string,
	orgUnitId: number
): Promise<CoverageMatrix> {
	return matrixOf(await loadCoverage(db, canReadNames(user)), today, orgUnitId);
}

/**
 * Roles listed on one page of the coverage list. A page's cost grows with what it shows (the
 * rows' forms, the data sent along for the browser), so it shows a screenful, not a hundred.
 */
export const COVERAGE_PAGE_SIZE = 25;
/** Roles (rows) and people (columns) on one page of a unit's matrix: at most 400 cells. */
export const MATRIX_ROLES_PAGE_SIZE = 20;
export const MATRIX_PEOPLE_PAGE_SIZE = 20;

/** Which slice of a long list a page shows: its number (clamped), from–to (from 1) and total. */
export interface Shown {
	page: number;
	from: number;
	to: number;
	total: number;
}

function pageOf(total: number, requested: number, size: number): Shown {
	const page = Math.min(Math.max(1, requested), Math.max(1, Math.ceil(total / size)));
	const from = (page - 1) * size;
	return { page, from: from + 1, to: Math.min(total, from + size), total };
}

export interface RankedRole {
	roleId: number;
	processCode: string;
	processKind: string;
	orgUnitId: number | null;
	capableCount: number;
	spof: boolean;
}

/**
 * Every process role (of one unit's processes, or all) with how many can fill it on `today`, in
 * the coverage list's order — counted in the database (repo.capableCounts), without loading the
 * office: what the list pages through and the SPOF figures count.
 */
export async function rankedCoverage(
	db: Executor,
	today: string,
	orgUnitId: number | null = null
): Promise<RankedRole[]> {
	const rows = await repo.capableCounts(db, today, orgUnitId ? { orgUnitId } : {});
	return rows
		.map((r) => ({
			roleId: r.id,
			processCode: r.process_code,
			processKind: r.process_kind,
			orgUnitId: r.org_unit_id,
			capableCount: r.capable,
			spof: isSpof(r.capable)
		}))
		.sort(byRisk);
}

export interface CoveragePageQuery {
	orgUnitId: number | null;
	onlySpofs: boolean;
	/** the list's page (from 1) */
	page: number;
	/** the role whose assign form is open: only then are the people to assign read */
	assigning: number | null;
	/** the unit matrix's page of roles and of people (from 1) */
	matrixRoles: number;
	matrixPeople: number;
}

/**
 * The coverage page: one page of the roles (of a unit, or all; SPOFs first), the SPOF count, one
 * page of the unit's matrix, and for editors who read names, with an assign form open, the
 * employed people who could be assigned, with their unit. Only the roles and people shown are
 * loaded; the ranking and the count come from the database.
 */
export async function coveragePage(
	db: Executor,
	user: SessionUser,
	today: string,
	query: CoveragePageQuery
) {
	const names = canReadNames(user);
	const ranked = await rankedCoverage(db, today, query.orgUnitId);
	const listed = query.onlySpofs ? ranked.filter((r) => r.spof) : ranked;
	const shown = pageOf(listed.length, query.page, COVERAGE_PAGE_SIZE);
	const roleIds = listed.slice(shown.from - 1, shown.to).map((r) => r.roleId);
	const data = await loadCoverage(db, names, { roleIds });
	const matrix = query.orgUnitId
		? await matrixPage(db, names, today, query.orgUnitId, query.matrixRoles, query.matrixPeople)
		: null;
	const candidates =
		names && can(user.role, 'people.edit') && query.assigning !== null
			? (await repo.staffRows(db, true))
					.filter((p) => isEmployed({ validFrom: p.valid_from, validTo: p.valid_to }, today))
					.map((p) => ({
						value: String(p.id),
						label: `${p.name} (${p.org_unit_code})`,
						orgUnitId: p.org_unit_id
					}))
					.sort((a, b) => byCzech.compare(a.label, b.label))
			: [];
	return {
		rows: coverageRows(data, today),
		shown,
		spofCount: ranked.filter((r) => r.spof).length,
		matrix,
		candidates
	};
}

/**
 * The coverage page (coveragePage) kept per data version, as the overview is: every table it
 * reads is watched by the data_version triggers (role_capability follows theirs), so the page is
 * read once per change, day, query and what the user may see (names, the assign form's people),
 * then served again for one small query. Ranking a thousand roles and reading a page of them and
 * of the matrix costs more than the rest of the page together.
 */
export function keptCoveragePage(
	db: Executor,
	user: SessionUser,
	today: string,
	query: CoveragePageQuery,
	version?: bigint | null
): ReturnType<typeof coveragePage> {
	const sees = `${canReadNames(user)}|${can(user.role, 'people.edit')}`;
	const q = query;
	const key = `people-coverage|${today}|${sees}|${q.orgUnitId}|${q.onlySpofs}|${q.page}|${q.assigning}|${q.matrixRoles}|${q.matrixPeople}`;
	return perDataVersion(db, key, () => coveragePage(db, user, today, query), version);
}

/** One page of a unit's matrix: a slice of its roles × a slice of its employed people. */
async function matrixPage(
	db: Executor,
	names: boolean,
	today: string,
	orgUnitId: number,
	rolePage: number,
	peoplePage: number
): Promise<CoverageMatrix & { roleShown: Shown; peopleShown: Shown }> {
	const read = (rolePage: number, peoplePage: number) =>
		repo.matrixSlice(
			db,
			names,
			today,
			orgUnitId,
			{ offset: (rolePage - 1) * MATRIX_ROLES_PAGE_SIZE, limit: MATRIX_ROLES_PAGE_SIZE },
			{ offset: (peoplePage - 1) * MATRIX_PEOPLE_PAGE_SIZE, limit: MATRIX_PEOPLE_PAGE_SIZE }
		);
	// One round trip for the pages asked; a second only when one was past the end (or before 1).
	let r = await read(Math.max(1, rolePage), Math.max(1, peoplePage));
	let roleShown = pageOf(r.role_total ?? 0, rolePage, MATRIX_ROLES_PAGE_SIZE);
	let peopleShown = pageOf(r.staff_total ?? 0, peoplePage, MATRIX_PEOPLE_PAGE_SIZE);
	if (roleShown.page !== rolePage || peopleShown.page !== peoplePage) {
		r = await read(roleShown.page, peopleShown.page);
		roleShown = pageOf(r.role_total ?? 0, rolePage, MATRIX_ROLES_PAGE_SIZE);
		peopleShown = pageOf(r.staff_total ?? 0, peoplePage, MATRIX_PEOPLE_PAGE_SIZE);
	}
	const data = coverageData(names, r);
	return { ...matrixOf(data, today, orgUnitId), roleShown, peopleShown };
}

/** Who does what in one process (the process card), with the people who could be assigned. */
export async function processPeople(
	db: Executor,
	user: SessionUser,
	processId: number,
	today: string
) {
	const names = canReadNames(user);
	const data = await loadCoverage(db, names, { processId });
	return {
		names,
		rows: coverageRows(data, today).sort((a, b) => a.roleId - b.roleId),
		candidates: names
			? data.people
					.filter((p) => isEmployed(p, today))
					.map((p) => ({ id: p.id, label: `${p.name} (${p.orgUnitCode})` }))
					.sort((a, b) => byCzech.compare(a.label, b.label))
			: [],
		competences: data.competences.map((c) => ({ id: c.id, code: c.code, name: c.name }))
	};
}

/** The overview's risk tile: SPOFs (all, none at all, in core processes) and expiring qualifications. */
export async function risk(db: Executor, today: string) {
	const [ranked, staffRows, held] = await Promise.all([
		rankedCoverage(db, today),
		repo.staffRows(db, false),
		repo.heldLevels(db)
	]);
	const spofs = ranked.filter((r) => r.spof);
	const employed = new Set(
		staffRows
			.filter((p) => isEmployed({ validFrom: p.valid_from, validTo: p.valid_to }, today))
			.map((p) => p.id)
	);
	return {
		roles: ranked.length,
		spofs: spofs.length,
		uncovered: spofs.filter((r) => r.capableCount === 0).length,
		coreSpofs: spofs.filter((r) => r.processKind === 'core').length,
		expiring: expiring(
			held
				.map((h) => ({
					personId: h.person_id,
					competenceId: h.competence_id,
					level: h.level,
					expiresOn: h.expires_on
				}))
				.filter((h) => employed.has(h.personId)),
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
	const [role] = await repo.roleRows(db, { ids: [roleId] });
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

/** The office's yearly working hours per full-time job, as edited (with the version shown). */
export async function yearlyHoursSetting(
	db: Executor
): Promise<{ hours: string; version: number }> {
	const row = await repo.capacitySetting(db);
	return row
		? { hours: normalise(row.yearly_hours), version: row.version }
		: { hours: String(DEFAULT_YEARLY_HOURS), version: 0 };
}

export async function yearlyHours(db: Executor): Promise<number> {
	return Number((await yearlyHoursSetting(db)).hours);
}

/** Sets the office's yearly working hours (audited, refused when edited since the form loaded). */
export async function setYearlyHours(db: Db, actor: SessionUser, version: number, hours: string) {
	await db.transaction().execute(async (trx) => {
		const row = await repo.capacitySetting(trx);
		if (!row) throw new NotFoundError('capacity_setting');
		await editAudited(trx, 'capacity_setting', row.id, version, {
			change: auditedAs('capacity_setting')(actor, 'update'),
			view: (r) => ({ yearlyHours: normalise(r.yearly_hours) }),
			values: () => ({ yearly_hours: hours })
		});
	});
}

/**
 * The modelled hours of every process with a model and task times, per RACI role, from the models
 * area (which does the arithmetic); a model without any task time counts as none.
 */
async function modelledShares(
	db: Executor,
	year: number,
	roles: Awaited<ReturnType<typeof repo.roleRows>>
): Promise<Map<number, ModelledShare[]>> {
	const modelledIds = [...(await models.coverage(db)).keys()];
	const roleById = new Map(roles.map((r) => [r.id, r]));
	const out = new Map<number, ModelledShare[]>();
	for (const processId of modelledIds) {
		const m = await models.modelledHours(db, processId, year);
		if (!m || m.hours <= 0n) continue;
		const unit = roles.find((r) => r.process_id === processId)?.org_unit_id ?? null;
		out.set(
			processId,
			m.byRole
				.filter((r) => r.hours > 0n)
				.map((r) => {
					const role = r.roleId === null ? undefined : roleById.get(r.roleId);
					return {
						roleId: r.roleId,
						label: role ? `${role.job_role} (${role.raci})` : '',
						orgUnitId: role?.org_unit_id ?? unit,
						hours: Number(fromHundredths(r.hours))
					};
				})
		);
	}
	return out;
}

/** A modelled process's tasks as the what-if changes them (its lanes' roles, minutes, hours). */
export async function modelTasks(db: Executor, processId: number, year: number) {
	const p = await models.page(db, processId, year);
	if (!p.costing) return [];
	const laneRole = new Map(p.costing.lanes.map((l) => [l.id, l.roleId]));
	const minutesOf = new Map(p.links.map((l) => [l.elementId, l.minutes]));
	return p.costing.tasks.map((t): ModelTask => ({
		processId,
		taskId: t.id,
		name: t.name,
		roleId: t.laneId ? (laneRole.get(t.laneId) ?? null) : null,
		minutes: minutesOf.get(t.id) ? Number(minutesOf.get(t.id)) : null,
		hours: t.hours === null ? null : Number(fromHundredths(t.hours))
	}));
}

export interface CapacityReport {
	units: UnitCapacity[];
	yearlyHours: number;
	yearlyHoursVersion: number;
	/** each unit's absence rate row version (null: none set yet), for the form */
	absenceVersions: Record<number, number | null>;
	/** the roles with modelled hours, for the what-if */
	roles: { roleId: number; label: string; processCode: string; orgUnitId: number | null }[];
	/** modelled processes (their tasks are what-if choices) */
	modelled: number[];
	/** the what-if's tasks of the chosen process, and whether every change could be applied */
	tasks: ModelTask[];
	applied: boolean;
}

/**
 * Utilization of every org unit in the year: hours needed from the models' task times where a
 * model exists, else from the process card; the scenario (unsaved) moves roles or processes and
 * changes a task's minutes.
 */
export async function capacityReport(
	db: Executor,
	year: number,
	today: string,
	scenario: Scenario = {}
): Promise<CapacityReport> {
	const [units, staffRows, processRows, absence, saved, setting, roles] = await Promise.all([
		repo.orgUnitRows(db),
		repo.staffRows(db, false),
		repo.processYearRows(db, year),
		repo.absenceRows(db),
		repo.savedHoursByUnit(db, year),
		yearlyHoursSetting(db),
		repo.roleRows(db)
	]);
	const hours = Number(setting.hours);
	const shares = await modelledShares(db, year, roles);
	const absenceOf = new Map(absence.map((a) => [a.org_unit_id, a]));
	// The day staff are counted on: today in the current year, else the year's middle.
	const day = today.startsWith(String(year)) ? today : `${year}-07-01`;
	const base: ProcessLoadInput[] = processRows.map((p) => ({
		processId: p.id,
		code: p.code,
		name: p.name,
		orgUnitId: p.org_unit_id,
		volume: p.volume,
		fte: p.fte === null ? null : Number(p.fte),
		minutesPerCase: null,
		modelled: shares.get(p.id) ?? null
	}));
	const taskProcess = scenario.minutes?.taskId ? scenario.minutes.processId : null;
	const tasks = taskProcess !== null ? await modelTasks(db, taskProcess, year) : [];
	const w = applyWhatIf(base, tasks, scenario);
	const roleById = new Map(roles.map((r) => [r.id, r]));
	return {
		yearlyHours: hours,
		yearlyHoursVersion: setting.version,
		absenceVersions: Object.fromEntries(
			units.map((u) => [u.id, absenceOf.get(u.id)?.version ?? null])
		),
		roles: [...shares.values()].flatMap((list) =>
			list.flatMap((s) => {
				const r = s.roleId === null ? undefined : roleById.get(s.roleId);
				return r
					? [
							{
								roleId: r.id,
								label: s.label,
								processCode: r.process_code,
								orgUnitId: r.org_unit_id
							}
						]
					: [];
			})
		),
		modelled: [...shares.keys()],
		tasks,
		applied: w.applied,
		units: capacity(
			units.map((u) => ({
				id: u.id,
				code: u.code,
				name: u.name,
				absenceRate: Number(absenceOf.get(u.id)?.absence_rate ?? 0)
			})),
			staffRows.map((s) => ({
				orgUnitId: s.org_unit_id,
				fte: Number(s.fte),
				validFrom: s.valid_from,
				validTo: s.valid_to
			})),
			w.processes,
			new Map(saved.map((s) => [s.org_unit_id!, Number(s.hours)])),
			hours,
			day
		)
	};
}

/**
 * Saved hours (the initiatives' figure for a year: one source, `initiatives.overview`) as FTE of
 * the office's yearly working hours, exact.
 */
export async function savedFte(db: Executor, hours: string) {
	const setting = await yearlyHoursSetting(db);
	return { hours: normalise(hours), fte: fteOf(hours, setting.hours) };
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
		await repo.lockStaffRegister(trx);
		const check = await checkImport(trx, bytes, fileName);
		if (check.errors.length) return check;
		for (const row of check.rows) {
			await createAudited(trx, 'person', {
				change: personChange(actor, 'import'),
				values: personColumns(row),
				view: personAudit
			});
		}
		return check;
	});
}

// Training actions -----------------------------------------------------------------------------

const trainingChange = auditedAs('training_action');

function trainingView(r: {
	person_id: number;
	competence_id: number;
	target_level: number;
	due_on: string;
	status: string;
	process_role_id: number | null;
}) {
	return {
		personId: r.person_id,
		competenceId: r.competence_id,
		targetLevel: r.target_level,
		dueOn: r.due_on,
		status: r.status,
		processRoleId: r.process_role_id
	};
}

/** Plans a training: the person must still be employed, the competence must exist. */
export async function createTraining(
	db: Db,
	actor: SessionUser,
	input: TrainingInput,
	today: string
): Promise<number> {
	const row = await createAudited(db, 'training_action', {
		change: trainingChange(actor, 'create'),
		values: {
			person_id: input.personId,
			competence_id: input.competenceId,
			target_level: input.targetLevel,
			due_on: input.dueOn,
			process_role_id: input.processRoleId,
			created_by: actor.id
		},
		view: trainingView,
		check: async (trx) => {
			const person = await repo.lockPerson(trx, input.personId);
			if (!person) throw new ValidationError({ personId: 'error_choice' });
			if (person.valid_to !== null && person.valid_to < today) {
				throw new ValidationError({ personId: 'people_error_left' });
			}
			if (!(await repo.competenceById(trx, input.competenceId))) {
				throw new ValidationError({ competenceId: 'error_choice' });
			}
			if (input.dueOn < today) throw new ValidationError({ dueOn: 'people_error_due_past' });
		}
	});
	return row.id;
}

/** Moves a training action along its statuses (audited, refused when changed since). */
export async function setTrainingStatus(
	db: Db,
	actor: SessionUser,
	id: number,
	version: number,
	status: TrainingStatus
) {
	await editAudited(db, 'training_action', id, version, {
		change: trainingChange(actor, 'status'),
		view: trainingView,
		values: () => ({ status })
	});
}

/**
 * A gap becomes a training action in one click: the assigned person the gap calls for (or the one
 * chosen) trains for the competence they lack, at the role's level, due in TRAINING_DUE_DAYS.
 */
export async function gapToTraining(
	db: Db,
	actor: SessionUser,
	roleId: number,
	personId: number | null,
	today: string
): Promise<{ id: number; personId: number }> {
	const data = await loadCoverage(db, false, { roleIds: [roleId] });
	const row = coverage(data.roles, data.people, data.assignments, data.held, today).find(
		(c) => c.role.roleId === roleId
	);
	if (!row) throw new NotFoundError('process_role');
	const plan = trainingFor(row, personId);
	if (!plan) throw new ValidationError({ roleId: 'people_error_no_trainee' });
	const id = await createTraining(
		db,
		actor,
		{ ...plan, dueOn: addDays(today, TRAINING_DUE_DAYS), processRoleId: roleId },
		today
	);
	return { id, personId: plan.personId };
}

export interface TrainingItem {
	id: number;
	personId: number;
	competence: string;
	competenceCode: string;
	targetLevel: number;
	dueOn: string;
	status: TrainingStatus;
	overdue: boolean;
	processCode: string | null;
	jobRole: string | null;
	version: number;
}

/** A person's training actions (their page; names only). */
export async function trainingOf(
	db: Executor,
	user: SessionUser,
	personId: number,
	today: string
): Promise<TrainingItem[]> {
	requireNames(user);
	return (await repo.trainingRows(db, { personId })).map((r) => ({
		id: r.id,
		personId: r.person_id,
		competence: r.competence_name,
		competenceCode: r.competence_code,
		targetLevel: r.target_level,
		dueOn: r.due_on,
		status: r.status,
		overdue: r.due_on < today && (r.status === 'planned' || r.status === 'in_progress'),
		processCode: r.process_code,
		jobRole: r.job_role,
		version: r.version
	}));
}

/**
 * Open training actions in the user's worklist (`/my`): all for those who edit people, those of
 * people holding roles in a process the user owns (or planned by them) for a process owner.
 * Names only to those allowed; others see the position.
 */
export async function trainingWorklist(db: Executor, user: SessionUser, today: string) {
	const all = can(user.role, 'people.edit');
	if (!all && user.role !== 'process_owner') return [];
	const names = canReadNames(user);
	const [rows, staffRows] = await Promise.all([
		repo.openTrainingForOwner(db, all ? null : user.id),
		repo.staffRows(db, names)
	]);
	const personById = new Map(staffRows.map((p) => [p.id, p]));
	return rows.map((r) => {
		const p = personById.get(r.person_id);
		return {
			id: names ? r.person_id : null,
			label: names ? (p?.name ?? '') : (p?.position ?? ''),
			competence: r.competence_name,
			targetLevel: r.target_level,
			dueOn: r.due_on,
			overdue: r.due_on < today
		};
	});
}

import * as audit from '../audit/audit';
import { assertActiveUser, assertCodeFree, assertExists } from '../shared/references';
import type { Executor } from '../audit/audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { normalise } from '../../decimal';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import {
	auditedAs,
	changeAudited,
	createAudited,
	editAudited,
	removeAudited,
	saveByKeysAudited,
	type Logged
} from '../shared/versioned';
import type { EditRecord } from '../shared/versioned';
import { potentialIndex, type Scores } from './potential';
import type {
	InfoAsset,
	ProcessCard,
	ProcessFilters,
	ProcessCardText,
	ProcessInput,
	ProcessRole,
	ProcessSummary
} from './processes';
import type { ProcessYearInput } from './processes.validation';
import * as repo from './processes.repository';
import * as users from '../users/users.service';
import type { Role } from '../db/schema';

/** The roles that may own a process or answer for a KPI. */
export const OWNER_ROLES: readonly Role[] = ['admin', 'manager', 'process_owner'];
import type { InfoAssetKind, Raci } from '../db/schema';

type ProcessRow = NonNullable<Awaited<ReturnType<typeof repo.byId>>>;

function scoresOf(row: ProcessRow): Scores {
	return {
		volume: row.potential_volume,
		manual: row.potential_manual,
		errors: row.potential_errors,
		impact: row.potential_impact,
		cost: row.potential_cost
	};
}

/** The card's texts and whom the process serves, as the card and the audit log show them. */
function cardText(row: ProcessRow): ProcessCardText {
	return {
		description: row.description,
		inputs: row.inputs,
		outputs: row.outputs,
		legalBasis: row.legal_basis,
		servesCitizens: row.serves_citizens,
		servesBusinesses: row.serves_businesses,
		servesInternal: row.serves_internal
	};
}

/** What the audit log and the card history keep of a process card. */
function cardView(row: ProcessRow) {
	return {
		code: row.code,
		name: row.name,
		kind: row.kind,
		status: row.status,
		orgUnitId: row.org_unit_id,
		ownerId: row.owner_user_id,
		...cardText(row),
		scores: scoresOf(row)
	};
}

const dec = (v: string | null) => (v === null ? null : normalise(v));

/** The process catalogue for a year, filtered and sorted (used by /processes and the overview). */
export async function list(db: Executor, filters: ProcessFilters): Promise<ProcessSummary[]> {
	const rows = await repo.summaries(db, filters);
	let items = rows.map((r): ProcessSummary => {
		const scores = scoresOf(r);
		return {
			id: r.id,
			code: r.code,
			name: r.name,
			kind: r.kind,
			status: r.status,
			orgUnitId: r.org_unit_id,
			orgUnitCode: r.unit_code,
			orgUnitName: r.unit_name,
			ownerId: r.owner_user_id,
			ownerName: r.owner_name,
			volume: r.volume,
			leadTimeDays: dec(r.lead_time_days),
			fte: dec(r.fte),
			scores,
			potential: potentialIndex(scores),
			goalCount: r.goal_count,
			version: r.version
		};
	});
	if (filters.minPotential !== null && filters.minPotential !== undefined) {
		const min = filters.minPotential;
		items = items.filter((p) => p.potential !== null && p.potential >= min);
	}
	if (filters.sort === 'potential') {
		items.sort((a, b) => (b.potential ?? -1) - (a.potential ?? -1) || a.code.localeCompare(b.code));
	} else if (filters.sort === 'volume') {
		items.sort((a, b) => (b.volume ?? -1) - (a.volume ?? -1) || a.code.localeCompare(b.code));
	} else if (filters.sort === 'name') {
		items.sort((a, b) => a.name.localeCompare(b.name, 'cs'));
	}
	return items;
}

export async function get(db: Executor, id: number, year: number): Promise<ProcessCard> {
	const row = await repo.byId(db, id);
	if (!row) throw new NotFoundError('process');
	const [summary] = await list(db, { year, id });
	const [years, roles, assets, goals] = await Promise.all([
		repo.years(db, id),
		repo.roles(db, id),
		repo.assetsOf(db, id),
		repo.goalsOf(db, id)
	]);
	return {
		...summary,
		...cardText(row),
		years: years.map((y) => ({
			year: y.year,
			volume: y.volume,
			leadTimeDays: dec(y.lead_time_days),
			fte: dec(y.fte),
			version: y.version
		})),
		roles: roles.map((r): ProcessRole => ({
			id: r.id,
			jobRole: r.job_role,
			raci: r.raci,
			competences: r.competences
		})),
		assets: assets.map(assetRowToAsset),
		goals
	};
}

/** An asset row as the card shows it: the columns of InfoAsset, no more. */
function assetRowToAsset(a: InfoAsset): InfoAsset {
	return {
		id: a.id,
		code: a.code,
		name: a.name,
		kind: a.kind,
		description: a.description,
		version: a.version
	};
}

/** May this user change this process's card (any card, or their own)? */
export function canEdit(actor: SessionUser, ownerId: number | null): boolean {
	return (
		can(actor.role, 'processes.edit') ||
		(can(actor.role, 'processes.edit_own') && ownerId !== null && ownerId === actor.id)
	);
}

function mayEdit(actor: SessionUser, row: ProcessRow): void {
	if (!canEdit(actor, row.owner_user_id)) throw new ForbiddenError();
}

async function lockForEdit(trx: Executor, actor: SessionUser, id: number): Promise<ProcessRow> {
	const row = await repo.lockById(trx, id);
	mayEdit(actor, row);
	return row;
}

/** The audit record of a change to a process card. */
const change = auditedAs('process');

/** A change to what belongs to a card (its roles, its assets), by someone who may edit it. */
function changeCard(
	db: Db,
	actor: SessionUser,
	id: number,
	what: string,
	work: (trx: Executor) => Promise<Logged | null>
) {
	return changeAudited(db, 'process', id, null, {
		change: change(actor, what),
		guard: (row) => mayEdit(actor, row),
		work
	});
}

async function checkReferences(trx: Executor, id: number | null, input: ProcessInput) {
	await assertCodeFree(trx, 'process', input.code, id);
	await assertExists(trx, 'org_unit', input.orgUnitId, 'orgUnitId');
	await assertActiveUser(trx, input.ownerId, 'ownerId');
}

function columns(input: ProcessInput) {
	return {
		code: input.code,
		name: input.name,
		kind: input.kind,
		status: input.status,
		org_unit_id: input.orgUnitId,
		owner_user_id: input.ownerId,
		description: input.description,
		inputs: input.inputs,
		outputs: input.outputs,
		legal_basis: input.legalBasis,
		serves_citizens: input.servesCitizens,
		serves_businesses: input.servesBusinesses,
		serves_internal: input.servesInternal,
		potential_volume: input.scores.volume,
		potential_manual: input.scores.manual,
		potential_errors: input.scores.errors,
		potential_impact: input.scores.impact,
		potential_cost: input.scores.cost
	};
}

/** Only managers and the admin create processes. */
export async function create(db: Db, actor: SessionUser, input: ProcessInput): Promise<number> {
	if (!can(actor.role, 'processes.edit')) throw new ForbiddenError();
	const row = await createAudited(db, 'process', {
		change: change(actor, 'create'),
		values: columns(input),
		view: cardView,
		check: (trx) => checkReferences(trx, null, input)
	});
	return row.id;
}

/**
 * Saves a process card. A process owner edits only their own card and cannot hand it to someone
 * else (the owner field keeps its value); a stale version is refused with the current card.
 */
export const update: EditRecord<ProcessInput> = async (db, actor, id, version, input) => {
	const saved = (before: ProcessRow) =>
		can(actor.role, 'processes.edit') ? input : { ...input, ownerId: before.owner_user_id };
	await editAudited(db, 'process', id, version, {
		change: change(actor, 'update'),
		view: cardView,
		guard: (before) => mayEdit(actor, before),
		check: (trx, before) => checkReferences(trx, id, saved(before)),
		values: (before) => columns(saved(before))
	});
};

/** Deletes a process nobody depends on; otherwise explains what depends on it. */
export async function remove(db: Db, actor: SessionUser, id: number): Promise<void> {
	if (!can(actor.role, 'processes.edit')) throw new ForbiddenError();
	await removeAudited(db, 'process', id, {
		change: change(actor, 'delete'),
		view: cardView,
		dependants: (trx) => repo.dependants(trx, id)
	});
}

/** Volume, lead time and effort of one year; `version` as for org unit years. */
export async function saveYear(
	db: Db,
	actor: SessionUser,
	id: number,
	version: number | null,
	input: ProcessYearInput
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await lockForEdit(trx, actor, id);
		await saveByKeysAudited(trx, 'process_year', { process_id: id, year: input.year }, version, {
			change: change(actor, 'year'),
			entityId: id,
			view: (before) => ({
				year: before.year,
				volume: before.volume,
				leadTimeDays: before.lead_time_days,
				fte: before.fte
			}),
			current: (row) => row,
			values: { volume: input.volume, lead_time_days: input.leadTimeDays, fte: input.fte },
			after: input
		});
	});
}

export async function addRole(
	db: Db,
	actor: SessionUser,
	id: number,
	input: { jobRole: string; raci: Raci; competences: string | null }
): Promise<void> {
	await changeCard(db, actor, id, 'role_add', async (trx) => {
		await repo.insertRole(trx, id, input);
		return { after: input };
	});
}

export async function removeRole(
	db: Db,
	actor: SessionUser,
	id: number,
	roleId: number
): Promise<void> {
	await changeCard(db, actor, id, 'role_remove', async (trx) => {
		const role = await repo.deleteRole(trx, id, roleId);
		if (!role) throw new NotFoundError('process_role');
		return { before: { jobRole: role.job_role, raci: role.raci, competences: role.competences } };
	});
}

export async function linkAsset(db: Db, actor: SessionUser, id: number, assetId: number) {
	await changeCard(db, actor, id, 'asset_link', async (trx) => {
		const asset = await repo.findAsset(trx, assetId);
		if (!asset) throw new ValidationError({ assetId: 'error_choice' });
		const inserted = await repo.insertAssetLink(trx, id, assetId);
		return inserted ? { after: { asset: asset.code } } : null;
	});
}

export async function unlinkAsset(db: Db, actor: SessionUser, id: number, assetId: number) {
	await changeCard(db, actor, id, 'asset_unlink', async (trx) => {
		const removed = await repo.deleteAssetLink(trx, id, assetId);
		if (!removed) throw new NotFoundError('process_asset');
		return { before: { assetId } };
	});
}

/** The card's history: its audit events, newest first. */
export function history(db: Executor, id: number) {
	return audit.list(db, { entity: 'process', entityId: String(id), limit: 50 });
}

const assetChange = auditedAs('info_asset');

export async function listAssets(db: Executor) {
	const rows = await repo.allAssets(db);
	return rows.map((r) => ({ ...assetRowToAsset(r), processCount: r.process_count }));
}

export async function createAsset(
	db: Db,
	actor: SessionUser,
	input: { code: string; name: string; kind: InfoAssetKind; description: string | null }
): Promise<number> {
	const row = await createAudited(db, 'info_asset', {
		change: assetChange(actor, 'create'),
		values: input,
		view: () => input,
		check: async (trx) => {
			const clash = await repo.findAssetByCode(trx, input.code);
			if (clash) throw new ValidationError({ code: 'processes_error_code_taken' });
		}
	});
	return row.id;
}

export async function removeAsset(db: Db, actor: SessionUser, assetId: number): Promise<void> {
	await removeAudited(db, 'info_asset', assetId, {
		change: assetChange(actor, 'delete'),
		view: (before) => ({ code: before.code, name: before.name, kind: before.kind }),
		dependants: (trx) => repo.assetDependants(trx, assetId)
	});
}

/** Users who can own a process (for the owner select). */
export function owners(db: Executor) {
	return users.active(db, OWNER_ROLES);
}

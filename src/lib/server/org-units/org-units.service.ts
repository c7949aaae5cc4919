import { assertCodeFree } from '../shared/references';
import type { Executor } from '../audit/audit';
import type { Db } from '../db';
import { createsCycle } from '../goals/rollup';
import { ValidationError } from '../shared/errors';
import {
	auditedAs,
	createAudited,
	editAudited,
	removeAudited,
	saveByKeysAudited
} from '../shared/versioned';
import type { EditRecord } from '../shared/versioned';
import type { SessionUser } from '../auth/session';
import type { OrgUnit, OrgUnitInput, OrgUnitYear, OrgUnitYearInput } from './org-units';
import * as repo from './org-units.repository';

/** Depth-first order (children under their parent, by code), with each unit's depth. */
export function treeOrder<T extends { id: number; parentId: number | null }>(
	items: readonly T[]
): (T & { depth: number })[] {
	const byParent = new Map<number | null, T[]>();
	const ids = new Set(items.map((i) => i.id));
	for (const item of items) {
		const parent = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
		const list = byParent.get(parent) ?? [];
		list.push(item);
		byParent.set(parent, list);
	}
	const out: (T & { depth: number })[] = [];
	const seen = new Set<number>();
	const walk = (parent: number | null, depth: number) => {
		for (const item of byParent.get(parent) ?? []) {
			if (seen.has(item.id)) continue;
			seen.add(item.id);
			out.push({ ...item, depth });
			walk(item.id, depth + 1);
		}
	};
	walk(null, 0);
	return out;
}

export async function list(db: Executor): Promise<OrgUnit[]> {
	const rows = await repo.all(db);
	return treeOrder(
		rows.map((r) => ({
			id: r.id,
			code: r.code,
			name: r.name,
			parentId: r.parent_id,
			description: r.description,
			version: r.version
		}))
	);
}

export async function listYears(db: Executor, from: number, to: number): Promise<OrgUnitYear[]> {
	const rows = await repo.years(db, from, to);
	return rows.map((r) => ({
		orgUnitId: r.org_unit_id,
		year: r.year,
		fte: r.fte,
		hourlyCost: r.hourly_cost,
		version: r.version
	}));
}

async function checkInput(trx: Executor, id: number | null, input: OrgUnitInput) {
	await assertCodeFree(trx, 'org_unit', input.code, id);
	if (input.parentId !== null) {
		const rows = await repo.parents(trx);
		const parents = new Map(rows.map((r) => [r.id, r.parent_id]));
		if (!parents.has(input.parentId)) throw new ValidationError({ parentId: 'error_not_found' });
		if (id !== null && createsCycle(id, input.parentId, parents)) {
			throw new ValidationError({ parentId: 'processes_error_unit_cycle' });
		}
	}
}

function columns(input: OrgUnitInput) {
	return {
		code: input.code,
		name: input.name,
		parent_id: input.parentId,
		description: input.description
	};
}

/** The audit record of a change to a org unit. */
const change = auditedAs('org_unit');

export async function create(db: Db, actor: SessionUser, input: OrgUnitInput): Promise<number> {
	const row = await createAudited(db, 'org_unit', {
		change: change(actor, 'create'),
		values: columns(input),
		view: () => input,
		check: (trx) => checkInput(trx, null, input)
	});
	return row.id;
}

export const update: EditRecord<OrgUnitInput> = async (db, actor, id, version, input) => {
	await editAudited(db, 'org_unit', id, version, {
		change: change(actor, 'update'),
		view: (r) => ({
			code: r.code,
			name: r.name,
			parentId: r.parent_id,
			description: r.description
		}),
		current: (row) => row,
		check: (trx) => checkInput(trx, id, input),
		values: () => columns(input),
		after: () => input
	});
};

export async function remove(db: Db, actor: SessionUser, id: number): Promise<void> {
	await removeAudited(db, 'org_unit', id, {
		change: change(actor, 'delete'),
		view: (before) => ({ code: before.code, name: before.name }),
		dependants: (trx) => repo.dependants(trx, id),
		owned: (trx) => repo.deleteYears(trx, id)
	});
}

/**
 * Sets an org unit's staff and hourly cost for a year. `version` is the version of the year row
 * the form showed, or null when it showed none; either way a mismatch is a conflict.
 */
export async function saveYear(
	db: Db,
	actor: SessionUser,
	orgUnitId: number,
	version: number | null,
	input: OrgUnitYearInput
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await repo.lockById(trx, orgUnitId);
		const keys = { org_unit_id: orgUnitId, year: input.year };
		await saveByKeysAudited(trx, 'org_unit_year', keys, version, {
			change: change(actor, 'year'),
			entityId: orgUnitId,
			view: (before) => ({ fte: before.fte, hourlyCost: before.hourly_cost }),
			current: (row) => row,
			values: { fte: input.fte, hourly_cost: input.hourlyCost },
			after: input
		});
	});
}

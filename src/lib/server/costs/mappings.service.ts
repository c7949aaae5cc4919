// The code tables finance keeps: ORJ → org unit, ORG → initiative, each položka's nature.
import { sql } from 'kysely';
import { reclassify } from './entries.service';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import type { Db } from '../db';
import type { CostNature } from '../db/schema';
import { NotFoundError, ValidationError } from '../shared/errors';
import { expectVersion, lockByKeys, saveByKeys } from '../shared/versioned';
import * as codeMappings from '../imports/code-mappings';
import { NATURES } from './costs';
import * as repo from './costs.repository';

export async function lists(db: Executor) {
	const [orj, org, categories] = await Promise.all([
		repo.orjMappings(db),
		repo.orgMappings(db),
		repo.categories(db)
	]);
	return { orj, org, categories };
}

/** The same save as the import preview's (imports/code-mappings.ts), in a transaction of its own. */
export async function saveOrj(db: Db, actorId: number, orjText: string, orgUnitId: number) {
	await db.transaction().execute((trx) => codeMappings.saveOrj(trx, actorId, orjText, orgUnitId));
}

export async function deleteOrj(db: Db, actorId: number, orj: string) {
	await db.transaction().execute(async (trx) => {
		const before = await repo.deleteOrjMapping(trx, orj);
		if (!before) throw new NotFoundError('orj_mapping');
		await audit.record(trx, {
			userId: actorId,
			action: 'costs.orj_delete',
			entity: 'orj_mapping',
			entityId: orj,
			before
		});
	});
}

export async function saveOrg(db: Db, actorId: number, orgText: string, initiativeId: number) {
	await db
		.transaction()
		.execute((trx) => codeMappings.saveOrg(trx, actorId, orgText, initiativeId));
}

export async function deleteOrg(db: Db, actorId: number, org: string) {
	await db.transaction().execute(async (trx) => {
		const before = await repo.deleteOrgMapping(trx, org);
		if (!before) throw new NotFoundError('org_mapping');
		await audit.record(trx, {
			userId: actorId,
			action: 'costs.org_delete',
			entity: 'org_mapping',
			entityId: org,
			before
		});
	});
}

/**
 * A položka's nature: `investment` puts it on the list of improvement items. Its ledger lines are
 * reclassified by the rule at once, so every figure follows the list.
 */
export async function setNature(
	db: Db,
	actorId: number,
	polozka: string,
	expectedVersion: number,
	nature: string
) {
	if (!(NATURES as string[]).includes(nature)) {
		throw new ValidationError({ nature: 'error_choice' });
	}
	await db.transaction().execute(async (trx) => {
		const before = await lockByKeys(trx, 'cost_category', { polozka });
		if (!before) throw new NotFoundError('cost_category');
		expectVersion(before, expectedVersion);
		await saveByKeys(trx, 'cost_category', { polozka }, true, {
			nature: nature as CostNature,
			updated_at: sql`now()`
		});
		const years = await reclassify(trx, sql`l.polozka = ${polozka}`);
		await audit.record(trx, {
			userId: actorId,
			action: 'costs.category_nature',
			entity: 'cost_category',
			entityId: polozka,
			before: { nature: before.nature },
			after: { nature, reclassifiedYears: years }
		});
	});
}

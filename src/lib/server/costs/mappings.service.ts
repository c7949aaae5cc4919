// The code tables finance keeps: ORJ → org unit, ORG → initiative, each položka's nature.
import { sql } from 'kysely';
import { rebuildYears } from './entries.service';
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

/** One row of the natures table as the user changed it, with the version the page showed. */
export interface NatureChange {
	polozka: string;
	version: number;
	nature: string;
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
	await saveNatures(db, actorId, [{ polozka, version: expectedVersion, nature }]);
}

/**
 * The natures table saved at once: every changed row or none. A nature outside the list is
 * refused at its row (`nature.<polozka>`) before anything is read; a row saved by someone else
 * since the page was loaded (its version moved) refuses the whole save with a ConflictError
 * naming that row. A row sent unchanged is left alone (no write, no audit); each changed row is
 * written with version + 1, its ledger lines reclassified and audited as setNature always did;
 * the aggregates of the years touched are rebuilt once at the end.
 */
export async function saveNatures(db: Db, actorId: number, changes: NatureChange[]) {
	const errors: Record<string, string> = {};
	for (const c of changes) {
		if (!(NATURES as string[]).includes(c.nature)) errors[`nature.${c.polozka}`] = 'error_choice';
	}
	if (Object.keys(errors).length) throw new ValidationError(errors);
	// One lock order for every save, so two batch saves queue up instead of deadlocking.
	const sorted = [...changes].sort((a, b) => a.polozka.localeCompare(b.polozka));
	return db.transaction().execute(async (trx) => {
		let saved = 0;
		const touched = new Set<number>();
		for (const c of sorted) {
			const before = await lockByKeys(trx, 'cost_category', { polozka: c.polozka });
			if (!before) throw new NotFoundError('cost_category');
			expectVersion(before, c.version, (r) => ({
				polozka: r.polozka,
				nature: r.nature,
				version: r.version
			}));
			if (before.nature === c.nature) continue;
			await saveByKeys(trx, 'cost_category', { polozka: c.polozka }, true, {
				nature: c.nature as CostNature,
				updated_at: sql`now()`
			});
			const years = await repo.reclassify(trx, sql`l.polozka = ${c.polozka}`);
			for (const y of years) touched.add(y);
			await audit.record(trx, {
				userId: actorId,
				action: 'costs.category_nature',
				entity: 'cost_category',
				entityId: c.polozka,
				before: { nature: before.nature },
				after: { nature: c.nature, reclassifiedYears: years }
			});
			saved += 1;
		}
		// The aggregates once for all the rows' years, not once a row.
		await rebuildYears(
			trx,
			[...touched].sort((a, b) => a - b)
		);
		return { saved };
	});
}

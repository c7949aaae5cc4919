// Code lookups of the import: ORJ and ORG codes compare case-insensitively and, when numeric,
// ignoring leading zeros (KXX pads ORJ `110` to `0000000110`; the office's list may say `0110`).
// Codes the office has not mapped can go to one "unmapped" org unit, created on demand.
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';

/** The key a code is looked up by: upper case, and a numeric code without its leading zeros. */
export function codeKey(code: string): string {
	const s = code.trim().toUpperCase();
	return /^\d+$/.test(s) ? s.replace(/^0+(?=\d)/, '') : s;
}

import type { CostNature } from '../db/schema';
import { UNMAPPED_ORG_UNIT_CODE } from '../../import-codes';

/**
 * The nature of a položka the code lists do not name, by its class: capital spending (class 6) is
 * capital, not improvement, current spending (class 5) fixed, as for the listed položky not named
 * variable. A line booked to an approved initiative becomes improvement investment when written
 * (costs.repository `reclassify`).
 */
export function natureOfClass(polozka: string): CostNature {
	return polozka.startsWith('6') ? 'capital' : 'fixed';
}

export { UNMAPPED_ORG_UNIT_CODE };

/** The "unmapped" org unit's id, creating it (audited) inside the caller's transaction. */
export async function ensureUnmappedOrgUnit(
	trx: Executor,
	actorId: number | null,
	name: string
): Promise<number> {
	const existing = await trx
		.selectFrom('org_unit')
		.select('id')
		.where('code', '=', UNMAPPED_ORG_UNIT_CODE)
		.executeTakeFirst();
	if (existing) return existing.id;
	const created = await trx
		.insertInto('org_unit')
		.values({ code: UNMAPPED_ORG_UNIT_CODE, name })
		.onConflict((oc) => oc.column('code').doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!created) {
		const again = await trx
			.selectFrom('org_unit')
			.select('id')
			.where('code', '=', UNMAPPED_ORG_UNIT_CODE)
			.executeTakeFirstOrThrow();
		return again.id;
	}
	await audit.record(trx, {
		userId: actorId,
		action: 'costs.unmapped_unit_create',
		entity: 'org_unit',
		entityId: created.id,
		after: { code: UNMAPPED_ORG_UNIT_CODE, name }
	});
	return created.id;
}

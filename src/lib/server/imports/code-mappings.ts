// ORJ → org unit and ORG → initiative mappings chosen in the import preview, saved (and audited)
// in the import's own transaction: the import and its mappings land together or not at all.
import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';

export interface CodeMappings {
	/** ORJ code as in the file → org unit id */
	orj?: Record<string, number>;
	/** ORG code as in the file → initiative id */
	org?: Record<string, number>;
}

const CODE = /^[\p{L}\p{N}._/-]{1,40}$/u;

/** Keeps well-formed codes with positive integer targets; reads `map_orj:<code>` form fields. */
export function mappingsFromForm(form: FormData): CodeMappings {
	const result: Required<CodeMappings> = { orj: {}, org: {} };
	for (const [name, value] of form) {
		const m = /^map_(orj|org):(.+)$/.exec(name);
		if (!m || typeof value !== 'string' || !/^\d+$/.test(value)) continue;
		const code = m[2].trim();
		if (CODE.test(code)) result[m[1] as 'orj' | 'org'][code] = Number(value);
	}
	return result;
}

export async function saveCodeMappings(
	trx: Executor,
	actorId: number | null,
	mappings: CodeMappings
): Promise<void> {
	for (const [orj, unitId] of Object.entries(mappings.orj ?? {})) {
		if (!CODE.test(orj)) continue;
		const unit = await trx
			.selectFrom('org_unit')
			.select('id')
			.where('id', '=', unitId)
			.executeTakeFirst();
		if (!unit) continue;
		const before = await trx
			.selectFrom('orj_mapping')
			.selectAll()
			.where('orj', '=', orj)
			.forUpdate()
			.executeTakeFirst();
		await sql`insert into orj_mapping (orj, org_unit_id) values (${orj}, ${unitId})
			on conflict (orj) do update set org_unit_id = excluded.org_unit_id, updated_at = now(),
			version = orj_mapping.version + 1`.execute(trx);
		await audit.record(trx, {
			userId: actorId,
			action: 'costs.orj_save',
			entity: 'orj_mapping',
			entityId: orj,
			before: before ?? null,
			after: { orj, org_unit_id: unitId, via: 'import' }
		});
	}
	for (const [org, initiativeId] of Object.entries(mappings.org ?? {})) {
		if (!CODE.test(org)) continue;
		const initiative = await trx
			.selectFrom('initiative')
			.select('id')
			.where('id', '=', initiativeId)
			.executeTakeFirst();
		if (!initiative) continue;
		const before = await trx
			.selectFrom('org_mapping')
			.selectAll()
			.where('org', '=', org)
			.forUpdate()
			.executeTakeFirst();
		await sql`insert into org_mapping (org, initiative_id) values (${org}, ${initiativeId})
			on conflict (org) do update set initiative_id = excluded.initiative_id, updated_at = now(),
			version = org_mapping.version + 1`.execute(trx);
		await audit.record(trx, {
			userId: actorId,
			action: 'costs.org_save',
			entity: 'org_mapping',
			entityId: org,
			before: before ?? null,
			after: { org, initiative_id: initiativeId, via: 'import' }
		});
	}
}

// ORJ → org unit and ORG → initiative: the one way to save a code mapping, for the costs mappings
// page and for the mappings chosen in the import preview (saved in the import's own transaction,
// so the import and its mappings land together or not at all). A bad code or a target that does
// not exist is refused (ValidationError), never skipped.
import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import { ValidationError } from '../shared/errors';

export interface CodeMappings {
	/** ORJ code as in the file → org unit id */
	orj?: Record<string, number>;
	/** ORG code as in the file → initiative id */
	org?: Record<string, number>;
}

/** Letters, digits and `. _ / -`, 1–40 of them: what accounting systems write as ORJ and ORG. */
const CODE = /^[\p{L}\p{N}._/-]{1,40}$/u;

/** The code trimmed; a ValidationError on `field` when it is not a code. */
export function cleanCode(text: string, field: string): string {
	const code = text.trim();
	if (!CODE.test(code)) throw new ValidationError({ [field]: 'costs_err_code' });
	return code;
}

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

/** `via: 'import'` marks, in the audit, a mapping chosen in the import preview. */
type Via = { via?: 'import' };

export async function saveOrj(
	trx: Executor,
	actorId: number | null,
	orjText: string,
	orgUnitId: number,
	{ via }: Via = {}
): Promise<void> {
	const orj = cleanCode(orjText, 'orj');
	const unit = await trx
		.selectFrom('org_unit')
		.select('id')
		.where('id', '=', orgUnitId)
		.executeTakeFirst();
	if (!unit) throw new ValidationError({ orgUnitId: 'error_choice' });
	const before = await trx
		.selectFrom('orj_mapping')
		.selectAll()
		.where('orj', '=', orj)
		.forUpdate()
		.executeTakeFirst();
	await sql`insert into orj_mapping (orj, org_unit_id) values (${orj}, ${orgUnitId})
		on conflict (orj) do update set org_unit_id = excluded.org_unit_id, updated_at = now(),
		version = orj_mapping.version + 1`.execute(trx);
	await audit.record(trx, {
		userId: actorId,
		action: 'costs.orj_save',
		entity: 'orj_mapping',
		entityId: orj,
		before: before ?? null,
		after: { orj, org_unit_id: orgUnitId, ...(via ? { via } : {}) }
	});
}

export async function saveOrg(
	trx: Executor,
	actorId: number | null,
	orgText: string,
	initiativeId: number,
	{ via }: Via = {}
): Promise<void> {
	const org = cleanCode(orgText, 'org');
	const initiative = await trx
		.selectFrom('initiative')
		.select('id')
		.where('id', '=', initiativeId)
		.executeTakeFirst();
	if (!initiative) throw new ValidationError({ initiativeId: 'error_choice' });
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
		after: { org, initiative_id: initiativeId, ...(via ? { via } : {}) }
	});
}

/** The mappings chosen in the import preview, inside the import's transaction. */
export async function saveCodeMappings(
	trx: Executor,
	actorId: number | null,
	mappings: CodeMappings
): Promise<void> {
	for (const [orj, unitId] of Object.entries(mappings.orj ?? {})) {
		await saveOrj(trx, actorId, orj, unitId, { via: 'import' });
	}
	for (const [org, initiativeId] of Object.entries(mappings.org ?? {})) {
		await saveOrg(trx, actorId, org, initiativeId, { via: 'import' });
	}
}

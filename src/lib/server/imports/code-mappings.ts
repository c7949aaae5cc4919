// The one store of code mappings: ORJ → org unit and ORG → initiative (orj_mapping, org_mapping:
// the costs mappings page and the import preview), and what the clerk chose in the preview for any
// other unknown code, per source (import_code_choice): a položka or paragraf mapped to a known one,
// or any code accepted as written or left out. Saved in the import's own transaction, so the
// import and its mappings land together or not at all. A bad code or a target that does not exist
// is refused (ValidationError), never skipped.
import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import { ValidationError } from '../shared/errors';

export type CodeField = 'polozka' | 'paragraf' | 'orj' | 'org';
export const CODE_FIELDS: readonly CodeField[] = ['polozka', 'paragraf', 'orj', 'org'];
/** map: to a known code; accept: import under the code as written (unverified); skip: leave out */
export type CodeAction = 'map' | 'accept' | 'skip';
export type CodeChoice =
	{ action: 'map'; target: string } | { action: 'accept' } | { action: 'skip' };
/** field → code as in the file → choice */
export type CodeChoices = Partial<Record<CodeField, Record<string, CodeChoice>>>;

export interface CodeMappings {
	/** ORJ code as in the file → org unit id */
	orj?: Record<string, number>;
	/** ORG code as in the file → initiative id */
	org?: Record<string, number>;
	/** Choices for unknown položky and paragrafy (map, accept, skip) and ORJ/ORG (accept, skip). */
	choices?: CodeChoices;
}

/** A 4-digit budget classification code (položka, paragraf). */
const CLASSIFICATION = /^\d{4}$/;

/** The choice for a code, whatever the field; null when there is none. */
export function choiceFor(
	choices: CodeChoices | undefined,
	field: CodeField,
	code: string
): CodeChoice | null {
	return choices?.[field]?.[code] ?? null;
}

/** Letters, digits and `. _ / -`, 1–40 of them: what accounting systems write as ORJ and ORG. */
const CODE = /^[\p{L}\p{N}._/-]{1,40}$/u;

/** The code trimmed; a ValidationError on `field` when it is not a code. */
export function cleanCode(text: string, field: string): string {
	const code = text.trim();
	if (!CODE.test(code)) throw new ValidationError({ [field]: 'costs_err_code' });
	return code;
}

/**
 * Reads the preview's `map_<field>:<code>` fields, keeping well-formed codes and values: `accept`
 * or `skip` for any field; an org unit or initiative id for ORJ and ORG; a 4-digit code for a
 * položka or paragraf.
 */
export function mappingsFromForm(form: FormData): CodeMappings {
	const result: Required<CodeMappings> = { orj: {}, org: {}, choices: {} };
	for (const [name, raw] of form) {
		const m = /^map_(orj|org|polozka|paragraf):(.+)$/.exec(name);
		if (!m || typeof raw !== 'string') continue;
		const field = m[1] as CodeField;
		const code = m[2].trim();
		const value = raw.trim();
		if (!CODE.test(code)) continue;
		if (value === 'accept' || value === 'skip') {
			(result.choices[field] ??= {})[code] = { action: value };
		} else if ((field === 'orj' || field === 'org') && /^\d+$/.test(value)) {
			result[field][code] = Number(value);
		} else if ((field === 'polozka' || field === 'paragraf') && CLASSIFICATION.test(value)) {
			(result.choices[field] ??= {})[code] = { action: 'map', target: value };
		}
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

/** The choices saved for a source (`kxx`, `csv`, …): what its next file gets without asking. */
export async function loadChoices(db: Executor, source: string): Promise<CodeChoices> {
	const rows = await db
		.selectFrom('import_code_choice')
		.select(['field', 'code', 'action', 'target'])
		.where('source', '=', source)
		.execute();
	const choices: CodeChoices = {};
	for (const r of rows) {
		const choice: CodeChoice | null =
			r.action === 'map'
				? r.target
					? { action: 'map', target: r.target }
					: null
				: { action: r.action };
		if (choice) (choices[r.field] ??= {})[r.code] = choice;
	}
	return choices;
}

/** Saves (audited) what the clerk chose for one unknown code of a source. */
export async function saveChoice(
	trx: Executor,
	actorId: number | null,
	source: string,
	field: CodeField,
	codeText: string,
	choice: CodeChoice
): Promise<void> {
	const code = cleanCode(codeText, field);
	if (choice.action === 'map' && !CLASSIFICATION.test(choice.target)) {
		throw new ValidationError({ [field]: 'costs_err_code' });
	}
	const target = choice.action === 'map' ? choice.target : null;
	const before = await trx
		.selectFrom('import_code_choice')
		.selectAll()
		.where('source', '=', source)
		.where('field', '=', field)
		.where('code', '=', code)
		.forUpdate()
		.executeTakeFirst();
	await sql`insert into import_code_choice (source, field, code, action, target, updated_by)
		values (${source}, ${field}, ${code}, ${choice.action}, ${target}, ${actorId})
		on conflict (source, field, code) do update set action = excluded.action,
		target = excluded.target, updated_by = excluded.updated_by, updated_at = now(),
		version = import_code_choice.version + 1`.execute(trx);
	await audit.record(trx, {
		userId: actorId,
		action: 'costs.code_choice_save',
		entity: 'import_code_choice',
		entityId: `${source}|${field}|${code}`,
		before: before ?? null,
		after: { source, field, code, action: choice.action, target }
	});
}

/** The mappings and choices made in the import preview, inside the import's transaction. */
export async function saveCodeMappings(
	trx: Executor,
	actorId: number | null,
	mappings: CodeMappings,
	source: string
): Promise<void> {
	for (const [orj, unitId] of Object.entries(mappings.orj ?? {})) {
		await saveOrj(trx, actorId, orj, unitId, { via: 'import' });
	}
	for (const [org, initiativeId] of Object.entries(mappings.org ?? {})) {
		await saveOrg(trx, actorId, org, initiativeId, { via: 'import' });
	}
	for (const field of CODE_FIELDS) {
		for (const [code, choice] of Object.entries(mappings.choices?.[field] ?? {})) {
			await saveChoice(trx, actorId, source, field, code, choice);
		}
	}
}

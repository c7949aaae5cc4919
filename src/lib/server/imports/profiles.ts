// Column mappings saved per source system, for the mapping screen and `--profile` on the CLI.
import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import { FIELDS, type ColumnMapping } from './formats/columns';
import { ValidationError } from '../shared/errors';

export interface Profile {
	id: number;
	name: string;
	mapping: ColumnMapping;
}

function toMapping(value: unknown): ColumnMapping {
	const raw = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
	const mapping: ColumnMapping = {};
	for (const f of FIELDS) if (typeof raw?.[f] === 'string') mapping[f] = raw[f] as string;
	return mapping;
}

export async function list(db: Executor): Promise<Profile[]> {
	const rows = await db
		.selectFrom('import_profile')
		.select(['id', 'name', 'mapping'])
		.orderBy('name')
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, mapping: toMapping(r.mapping) }));
}

export async function findByName(db: Executor, name: string): Promise<Profile | null> {
	const r = await db
		.selectFrom('import_profile')
		.select(['id', 'name', 'mapping'])
		.where('name', '=', name.trim())
		.executeTakeFirst();
	return r ? { id: r.id, name: r.name, mapping: toMapping(r.mapping) } : null;
}

/** Saves (or replaces) a named mapping. */
export async function save(
	db: Executor,
	actorId: number | null,
	name: string,
	mapping: ColumnMapping
) {
	const clean = name.trim();
	if (!clean || clean.length > 80) {
		throw new ValidationError({ profileName: 'costs_err_profile_name' });
	}
	const json = JSON.stringify(Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)));
	await sql`insert into import_profile (name, mapping, created_by) values (${clean}, ${json}::jsonb, ${actorId})
		on conflict (name) do update set mapping = excluded.mapping, updated_at = now(),
		version = import_profile.version + 1`.execute(db);
}

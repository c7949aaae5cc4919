import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../audit/audit';
import { FOLD_FROM, FOLD_TO } from './fold';
import type { SearchKind } from './knowledge';

export interface Searchable {
	kind: SearchKind;
	id: number;
	code: string;
	title: string;
	body: string;
}

/** The folded text of an expression, as the search indexes it (see fold.ts). */
const folded = (e: RawBuilder<unknown>) => sql`lower(translate(${e}, ${FOLD_FROM}, ${FOLD_TO}))`;

/**
 * Full-text search with the 'simple' configuration over the folded code and title (weight A)
 * and description (weight B) of the office's records and the given extra rows (CAF texts),
 * ranked with ts_rank; `tsquery` is built from folded words only.
 */
export async function search(
	db: Executor,
	tsquery: string,
	kinds: SearchKind[],
	extra: Searchable[],
	limit: number
): Promise<(Searchable & { rank: number })[]> {
	const sources = [
		sql`select 'process' as kind, id, code, name as title, concat_ws(' ', description, inputs, outputs, legal_basis) as body from process`,
		sql`select 'asset', id, code, name, coalesce(description, '') from info_asset`,
		sql`select 'goal', id, code, name, coalesce(description, '') from goal`,
		sql`select 'kpi', id, code, name, coalesce(definition, '') from kpi`,
		sql`select 'initiative', id, code, name, coalesce(description, '') from initiative`,
		...extra.map(
			(r) =>
				sql`select ${r.kind}::text, ${r.id}::int, ${r.code}::text, ${r.title}::text, ${r.body}::text`
		)
	];
	const docs = sql.join(sources, sql` union all `);
	const vector = sql`setweight(to_tsvector('simple', ${folded(sql`d.code || ' ' || d.title`)}), 'A')
		|| setweight(to_tsvector('simple', ${folded(sql`d.body`)}), 'B')`;
	const result = await sql<Searchable & { rank: number }>`
		select d.kind, d.id, d.code, d.title, d.body, ts_rank(${vector}, q) as rank
		from (${docs}) as d (kind, id, code, title, body), to_tsquery('simple', ${tsquery}) as q
		where d.kind in (${sql.join(kinds)}) and ${vector} @@ q
		order by rank desc, d.kind, d.code
		limit ${limit}`.execute(db);
	return result.rows.map((r) => ({ ...r, rank: Number(r.rank) }));
}

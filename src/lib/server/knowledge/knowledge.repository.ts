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

// ---- search ---------------------------------------------------------------------------------

/**
 * Where each kind's texts are (for the page of results): its table and its code, title and body.
 * Their search vectors are in `search_entry`, kept by triggers (migrations/20261206_1610_search_speed.js).
 */
const SOURCES: Record<Exclude<SearchKind, 'caf'>, { table: string; select: string }> = {
	process: {
		table: 'process',
		select: `code, name as title, concat_ws(' ', description, inputs, outputs, legal_basis) as body`
	},
	asset: { table: 'info_asset', select: `code, name as title, coalesce(description, '') as body` },
	goal: { table: 'goal', select: `code, name as title, coalesce(description, '') as body` },
	kpi: { table: 'kpi', select: `code, name as title, coalesce(definition, '') as body` },
	initiative: {
		table: 'initiative',
		select: `code, name as title, coalesce(description, '') as body`
	},
	document: {
		table: 'document',
		select: `'' as code, title, coalesce(description, '') || ' ' || body_text as body`
	}
};

/** The most matches of one kind ranked per search: a word in every record stays fast. */
export const CANDIDATES_PER_KIND = 1000;

/**
 * Full-text search with the 'simple' configuration over the folded code and title (weight A)
 * and description (weight B) of the office's records and the given extra rows (CAF texts),
 * ranked with ts_rank; `tsquery` is built from folded words only. Confidential documents are
 * searched only when `documents.confidentialOf` allows: everyone's (`all`) or the owner's own.
 * Two steps: each kind's partial GIN index on `search_entry` gives at most CANDIDATES_PER_KIND
 * matches with their stored vectors, which are ranked (ids and ranks only, no `to_tsvector`);
 * then the texts of the `limit` best are read.
 */
export async function search(
	db: Executor,
	tsquery: string,
	kinds: SearchKind[],
	extra: Searchable[],
	limit: number,
	documents: { confidentialOf: 'all' | number }
): Promise<(Searchable & { rank: number })[]> {
	const q = sql`to_tsquery('simple', ${tsquery})`;
	const sources: RawBuilder<unknown>[] = [];
	for (const kind of kinds) {
		if (kind === 'caf') continue;
		const readable =
			kind !== 'document' || documents.confidentialOf === 'all'
				? sql``
				: sql` and (owner_only is null or owner_only = ${documents.confidentialOf})`;
		// The kind is a literal, so the planner picks that kind's partial index.
		sources.push(
			sql`(select kind, ref_id, vector from search_entry where kind = ${sql.lit(kind)} and vector @@ ${q}${readable} limit ${sql.lit(CANDIDATES_PER_KIND)})`
		);
	}
	const ranked: RawBuilder<unknown>[] = [];
	if (sources.length) {
		ranked.push(
			sql`select kind, ref_id, ts_rank(vector, ${q}) from (${sql.join(sources, sql` union all `)}) as c`
		);
	}
	const caf = kinds.includes('caf') ? extra : [];
	if (caf.length) {
		const vectors = await extraVectors(db, caf);
		const rows = caf.map((r, i) => sql`(${r.id}::int, ${vectors[i]}::tsvector)`);
		ranked.push(
			sql`select 'caf', id, ts_rank(v, ${q}) from (values ${sql.join(rows)}) as t (id, v) where v @@ ${q}`
		);
	}
	if (!ranked.length) return [];
	const best = await sql<{ kind: SearchKind; id: number; rank: number }>`
		select kind, id, rank
		from (${sql.join(ranked, sql` union all `)}) as d (kind, id, rank)
		order by rank desc, kind, id
		limit ${limit}`.execute(db);
	const texts = new Map<string, Searchable>();
	for (const r of extra) texts.set(`${r.kind}-${r.id}`, r);
	const wanted = new Map<Exclude<SearchKind, 'caf'>, number[]>();
	for (const r of best.rows) {
		if (r.kind !== 'caf') wanted.set(r.kind, [...(wanted.get(r.kind) ?? []), r.id]);
	}
	await Promise.all(
		[...wanted].map(async ([kind, ids]) => {
			const s = SOURCES[kind];
			const rows = await sql<{ id: number; code: string; title: string; body: string }>`
				select id, ${sql.raw(s.select)} from ${sql.table(s.table)}
				where id in (${sql.join(ids)})`.execute(db);
			for (const row of rows.rows) texts.set(`${kind}-${row.id}`, { kind, ...row });
		})
	);
	return best.rows.flatMap((r) => {
		const text = texts.get(`${r.kind}-${r.id}`);
		return text ? [{ ...text, rank: Number(r.rank) }] : [];
	});
}

/** The vectors of texts given in code (the CAF model's), by their text: they never change. */
const extraVectorCache = new Map<string, string>();

/** The search vectors of rows given in code, folded as the triggers fold; each computed once. */
async function extraVectors(db: Executor, rows: Searchable[]): Promise<string[]> {
	const key = (r: Searchable) => `${r.code}\u0000${r.title}\u0000${r.body}`;
	const missing = rows.filter((r) => !extraVectorCache.has(key(r)));
	if (missing.length) {
		const f = (e: RawBuilder<unknown>) => sql`lower(translate(${e}, ${FOLD_FROM}, ${FOLD_TO}))`;
		const values = missing.map(
			(r, i) => sql`(${i}::int, ${r.code + ' ' + r.title}::text, ${r.body}::text)`
		);
		const computed = await sql<{ i: number; v: string }>`
			select i, (setweight(to_tsvector('simple', ${f(sql.ref('t.title'))}), 'A')
				|| setweight(to_tsvector('simple', ${f(sql.ref('t.body'))}), 'B'))::text as v
			from (values ${sql.join(values)}) as t (i, title, body)`.execute(db);
		for (const row of computed.rows) extraVectorCache.set(key(missing[row.i]), row.v);
	}
	return rows.map((r) => extraVectorCache.get(key(r))!);
}

// ---- documents ------------------------------------------------------------------------------

export function documents(db: Executor) {
	return db
		.selectFrom('document as d')
		.leftJoin('app_user as u', 'u.id', 'd.owner_user_id')
		.select([
			'd.id',
			'd.title',
			'd.description',
			'd.owner_user_id',
			'd.confidential',
			'd.valid_from',
			'd.valid_to',
			'd.review_date',
			'd.version',
			'u.display_name as owner_name',
			(eb) =>
				eb
					.selectFrom('document_file as f')
					.select(sql<number>`count(*)::int`.as('n'))
					.whereRef('f.document_id', '=', 'd.id')
					.as('files')
		])
		.orderBy('d.title')
		.orderBy('d.id');
}

/** The versions of a document's file, newest first, without their content. */
export function files(db: Executor, documentId: number) {
	return db
		.selectFrom('document_file as f')
		.leftJoin('app_user as u', 'u.id', 'f.uploaded_by')
		.select([
			'f.number',
			'f.file_name',
			'f.mime_type',
			'f.size',
			'f.text_extracted',
			'f.uploaded_at',
			'u.display_name as uploaded_by_name'
		])
		.where('f.document_id', '=', documentId)
		.orderBy('f.number', 'desc')
		.execute();
}

/** One version's bytes (the newest when `number` is null). */
export function fileContent(db: Executor, documentId: number, number: number | null) {
	let q = db
		.selectFrom('document_file')
		.select(['number', 'file_name', 'mime_type', 'size', 'content'])
		.where('document_id', '=', documentId);
	if (number !== null) q = q.where('number', '=', number);
	return q.orderBy('number', 'desc').limit(1).executeTakeFirst();
}

export async function insertFile(
	trx: Executor,
	documentId: number,
	file: {
		fileName: string;
		mimeType: string;
		bytes: Uint8Array;
		textExtracted: boolean;
		uploadedBy: number;
	}
): Promise<number> {
	const last = await trx
		.selectFrom('document_file')
		.select(sql<number>`coalesce(max(number), 0)::int`.as('n'))
		.where('document_id', '=', documentId)
		.executeTakeFirstOrThrow();
	const number = last.n + 1;
	await trx
		.insertInto('document_file')
		.values({
			document_id: documentId,
			number,
			file_name: file.fileName,
			mime_type: file.mimeType,
			size: file.bytes.length,
			content: file.bytes,
			text_extracted: file.textExtracted,
			uploaded_by: file.uploadedBy
		})
		.execute();
	return number;
}

export function documentLinks(db: Executor, documentId: number) {
	return db
		.selectFrom('document_link as l')
		.leftJoin('process as p', 'p.id', 'l.process_id')
		.leftJoin('info_asset as a', 'a.id', 'l.asset_id')
		.select([
			'l.process_id',
			'l.asset_id',
			'l.subcriterion_code',
			sql<string | null>`coalesce(p.code, a.code)`.as('code'),
			sql<string | null>`coalesce(p.name, a.name)`.as('name')
		])
		.where('l.document_id', '=', documentId)
		.orderBy('l.id')
		.execute();
}

/** Replaces a document's links to processes, information assets and CAF subcriteria. */
export async function replaceLinks(
	trx: Executor,
	documentId: number,
	links: { processIds: number[]; assetIds: number[]; subcriterionCodes: string[] }
) {
	await trx.deleteFrom('document_link').where('document_id', '=', documentId).execute();
	const rows = [
		...links.processIds.map((id) => ({ document_id: documentId, process_id: id })),
		...links.assetIds.map((id) => ({ document_id: documentId, asset_id: id })),
		...links.subcriterionCodes.map((code) => ({ document_id: documentId, subcriterion_code: code }))
	];
	if (rows.length) await trx.insertInto('document_link').values(rows).execute();
}

/** How many of the ids exist in the table (every linked record must). */
export async function countExisting(
	db: Executor,
	table: 'process' | 'info_asset',
	ids: number[]
): Promise<number> {
	if (!ids.length) return 0;
	const row = await db
		.selectFrom(table)
		.select(sql<number>`count(*)::int`.as('n'))
		.where('id', 'in', ids)
		.executeTakeFirstOrThrow();
	return row.n;
}

/** What a document can link to. */
export async function linkOptions(db: Executor) {
	const [process, asset] = await Promise.all(
		(['process', 'info_asset'] as const).map((t) =>
			db.selectFrom(t).select(['id', 'code', 'name']).orderBy('code').execute()
		)
	);
	return { process, asset };
}

/** The owner's documents whose review date has passed by `today`. */
export function reviewsDue(db: Executor, ownerId: number, today: string) {
	return db
		.selectFrom('document')
		.select(['id', 'title', 'review_date'])
		.where('owner_user_id', '=', ownerId)
		.where('review_date', '<', today)
		.orderBy('review_date')
		.execute();
}

// ---- audit findings -------------------------------------------------------------------------

export function findings(db: Executor) {
	return db
		.selectFrom('audit_finding as f')
		.leftJoin('process as p', 'p.id', 'f.process_id')
		.leftJoin('app_user as u', 'u.id', 'f.owner_user_id')
		.leftJoin('caf_action as a', 'a.id', 'f.caf_action_id')
		.selectAll('f')
		.select(['p.code as process_code', 'u.display_name as owner_name', 'a.round_id'])
		.orderBy(sql`case f.status when 'closed' then 1 else 0 end`)
		.orderBy(sql`case f.severity when 'high' then 0 when 'medium' then 1 else 2 end`)
		.orderBy('f.due_date')
		.orderBy('f.id');
}

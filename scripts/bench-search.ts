// The knowledge search at size: 10,000 documents (a title, a description and ~250 words of
// extracted text each) and 50,000 other records (10,000 each of processes, information assets,
// goals, KPIs and initiatives), generated in SQL (the triggers of search_entry index them as any
// write does); then the server time of `knowledge.search` (the /knowledge page's one service
// call) for a rare word, a word in every document, two common words and a prefix, median of 11
// runs each. Goal: each under 100 ms on the embedded database. Run alone with
// `npx tsx scripts/bench-search.ts` (embedded database, demo town first) or from scripts/bench.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import type { SessionUser } from '../src/lib/server/auth/session';
import type { Db } from '../src/lib/server/db';
import { openDatabase } from '../src/lib/server/db/engine';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedDemoIfEmpty } from '../src/lib/server/demo/seed';
import * as knowledge from '../src/lib/server/knowledge/knowledge.service';

const DOCUMENTS = 10_000;
const PER_KIND = 10_000;

// Words of an office's documents; every generated text draws from them, so common words match
// thousands of rows and rare ones (a number in a code) a few.
const WORDS = `směrnice úřad obec město rada zastupitelstvo odbor oddělení proces postup pravidla
	spisová služba skartace archiv datová schránka podatelna evidence smlouva veřejná zakázka
	rozpočet účetnictví faktura pokladna majetek inventarizace kontrola audit riziko opatření
	odpad zeleň komunikace doprava školství sociální péče stavební řízení územní plán dotace
	občan žádost lhůta rozhodnutí odvolání informace zákon vyhláška nařízení ochrana údajů
	bezpečnost kybernetická incident zálohování systém uživatel oprávnění přístup školení
	kvalita spokojenost ukazatel cíl strategie plán projekt iniciativa změna zlepšení`
	.split(/\s+/)
	.filter(Boolean);

/** ~`count` words of the vocabulary, chosen by a multiplicative hash of the row number (SQL). */
const text = (count: number, seed: string) =>
	sql.raw(
		`(select string_agg(w[1 + ((${seed} * 7919 + k * 104729) % ${WORDS.length})], ' ')
		  from generate_series(1, ${count}) as k)`
	);

async function generate(db: Db) {
	const w = sql`${WORDS}::text[]`;
	const owner = await db
		.selectFrom('app_user')
		.select('id')
		.orderBy('id')
		.executeTakeFirstOrThrow();
	await sql`insert into document (title, description, owner_user_id, body_text, confidential)
		select 'Dokument ' || i || ' ' || w[1 + (i % ${WORDS.length})] || ' ' || w[1 + (i * 31 % ${WORDS.length})],
		       ${text(12, 'i')}, ${owner.id}, ${text(250, 'i + 17')}, i % 10 = 0
		from generate_series(1, ${DOCUMENTS}) as i, (select ${w} as w) as v`.execute(db);
	await sql`insert into process (code, name, kind, description)
		select 'B-P' || i, 'Proces ' || w[1 + (i % ${WORDS.length})], 'core', ${text(30, 'i')}
		from generate_series(1, ${PER_KIND}) as i, (select ${w} as w) as v`.execute(db);
	await sql`insert into info_asset (code, name, kind, description)
		select 'B-A' || i, 'Aktivum ' || w[1 + (i % ${WORDS.length})], 'register', ${text(20, 'i')}
		from generate_series(1, ${PER_KIND}) as i, (select ${w} as w) as v`.execute(db);
	await sql`insert into goal (code, name, level, description)
		select 'B-G' || i, 'Cíl ' || w[1 + (i % ${WORDS.length})], 'objective', ${text(20, 'i')}
		from generate_series(1, ${PER_KIND}) as i, (select ${w} as w) as v`.execute(db);
	await sql`insert into kpi (code, name, definition)
		select 'B-K' || i, 'Ukazatel ' || w[1 + (i % ${WORDS.length})], ${text(20, 'i')}
		from generate_series(1, ${PER_KIND}) as i, (select ${w} as w) as v`.execute(db);
	await sql`insert into initiative (code, name, description)
		select 'B-I' || i, 'Iniciativa ' || w[1 + (i % ${WORDS.length})], ${text(20, 'i')}
		from generate_series(1, ${PER_KIND}) as i, (select ${w} as w) as v`.execute(db);
	for (const t of [
		'document',
		'process',
		'info_asset',
		'goal',
		'kpi',
		'initiative',
		'search_entry'
	]) {
		await sql`analyze ${sql.table(t)}`.execute(db);
	}
}

async function median(run: () => Promise<unknown>, runs = 11): Promise<number> {
	await run();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await run();
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	return Math.round(times[Math.floor(runs / 2)] * 10) / 10;
}

/** Generates the records and times the search; the figures in ms. */
export async function benchSearch(db: Db, log: (message: string) => void) {
	const t0 = performance.now();
	await generate(db);
	log(
		`search: ${DOCUMENTS} documents and ${PER_KIND * 5} other records generated in ${Math.round(performance.now() - t0)} ms`
	);
	const reader: SessionUser = { id: -1, username: 'bench', displayName: 'bench', role: 'viewer' };
	const queries = {
		// a rare word pair: few hits
		search_rare_ms: 'dokument 4711',
		// a word in many documents' text, accents left out
		search_common_ms: 'skartace',
		// two words that must both match, both common
		search_two_words_ms: 'spisova sluzba',
		// a prefix of a word
		search_prefix_ms: 'kyberneti'
	};
	const figures: Record<string, number> = {};
	for (const [name, q] of Object.entries(queries)) {
		figures[name] = await median(() => knowledge.search(db, reader, q));
		log(`search: "${q}" ${figures[name]} ms`);
	}
	return { search_documents: DOCUMENTS, search_other_records: PER_KIND * 5, ...figures };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const dir = mkdtempSync(path.join(tmpdir(), 'dilna-bench-search-'));
	const db = openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pgdata') });
	try {
		await migrateToLatest(db);
		await seedDemoIfEmpty(db);
		console.log(JSON.stringify(await benchSearch(db, (m) => console.error(`[bench] ${m}`))));
	} finally {
		await db.destroy();
		rmSync(dir, { recursive: true, force: true });
	}
}

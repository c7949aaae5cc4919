// npm run bench — the costs area's performance figures. Builds the demo town on an embedded
// database (and on PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL is set: use a scratch
// database, the benchmark writes millions of rows), then measures:
//  - import rows/s of a 100,000-row CSV through the whole pipeline, next to a raw bulk insert of
//    the same rows (one unnest() insert per 5,000 rows, no parsing or checks: the floor);
//  - import lines/s of a 100,000-line KXX export (detection, fixed-width parsing, checks, write),
//    rolled back afterwards;
//  - the server time of /costs (the page's service call) at demo size and with ≥ 2 million
//    ledger entries;
//  - the server time of the knowledge search over 10,000 documents and 50,000 other records
//    (scripts/bench-search.ts; goal: under 100 ms on the embedded database).
//  - the same rows by COPY, and `select 1` and the loop while 200,000 rows import
//    (scripts/bench-imports.ts; BENCH_IMPORTS=0 skips).
// Then scripts/bench-pages.ts: the pages' server time at demo and large size, the overview's JS
// and the model page's (bpmn-js, scripts/bench-models.ts); the 2,000-element model import time;
// and scripts/bench-people.ts: the coverage matrix of 300 processes × 1,000 staff vs /account;
// and scripts/bench-allocation.ts: the staged allocation's recompute at 300 processes, 2 M entries.
// The last line of output is one JSON object with the figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/lib/server/db/engine';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedDemoIfEmpty } from '../src/lib/server/demo/seed';
import { costsPage } from '../src/lib/server/costs/costs.service';
import { importFile } from '../src/lib/server/imports/import-file';
import { readFile } from '../src/lib/server/imports/read';
import { validate } from '../src/lib/server/imports/validate';
import { insertEntries } from '../src/lib/server/imports/write';
import { rebuildSummary } from '../src/lib/server/costs/aggregates';
import { refreshProcessCosts } from '../src/lib/server/allocation/allocation.service';
import type { Db } from '../src/lib/server/db';
import { generateLedger } from './bench-ledger';
import { benchKxxImport } from '../src/lib/server/imports/formats/bench-kxx';
import { benchPages } from './bench-pages';
import { benchPeople } from './bench-people';
import { benchAllocation } from './bench-allocation';
import { modelImport } from './bench-models';
import { benchSearch } from './bench-search';
import { benchLoad } from './bench-load';
import { benchImports, sampleCsv } from './bench-imports';

const LARGE = Number(process.env.BENCH_ROWS ?? 2_000_000);
const IMPORT_ROWS = 100_000;
const year = new Date().getFullYear();

function log(message: string) {
	console.error(`[bench] ${message}`);
}

async function timePage(db: Db, runs = 11): Promise<number> {
	await costsPage(db, year - 1);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await costsPage(db, year - 1);
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	return Math.round(times[Math.floor(runs / 2)] * 10) / 10;
}

/** The large ledger and, from it, the aggregates the pages read. */
async function growLedger(db: Db, rows: number) {
	await generateLedger(db, rows, log);
	await rebuildSummary(db);
	await refreshProcessCosts(db, [year - 2, year - 1, year]);
}

async function runOn(label: string, db: Db) {
	const t0 = performance.now();
	await migrateToLatest(db);
	await seedDemoIfEmpty(db);
	log(`${label}: demo seeded in ${Math.round(performance.now() - t0)} ms`);
	const demoEntries = await db
		.selectFrom('cost_entry')
		.select(sql<number>`count(*)::int`.as('n'))
		.executeTakeFirstOrThrow();
	const pageDemo = await timePage(db);
	log(`${label}: /costs at demo size (${demoEntries.n} entries): ${pageDemo} ms`);

	const bytes = sampleCsv(IMPORT_ROWS);
	const t1 = performance.now();
	const outcome = await importFile(db, null, bytes, {
		fileName: 'bench.csv',
		kind: 'actual',
		source: 'cli'
	});
	const importMs = performance.now() - t1;
	if (outcome.status !== 'imported') {
		throw new Error(
			`bench import failed: ${outcome.status} ${JSON.stringify(outcome.validation.errors.slice(0, 3))}`
		);
	}
	log(
		`${label}: import of ${IMPORT_ROWS} rows: ${Math.round(importMs)} ms (${JSON.stringify(outcome.timings)})`
	);

	// The same rows written raw: parsed beforehand, no checks, no aggregates, no batch.
	const read = await readFile(bytes, { fileName: 'bench.csv', kind: 'actual' });
	const checked = await validate(db, bytes, read);
	const t2 = performance.now();
	await db
		.transaction()
		.execute((trx) => insertEntries(trx, null, null, 'actual', checked.resolved));
	const rawMs = performance.now() - t2;
	await db
		.deleteFrom('cost_entry')
		.where('text', 'like', 'Doklad %')
		.where('batch_id', 'is', null)
		.execute();
	// Those 100,000 rows were the benchmark's own: clear their dead index entries as autovacuum
	// would, or every later query of manual entries wades through them.
	await sql`vacuum analyze cost_entry`.execute(db);
	log(`${label}: raw bulk insert of the same rows: ${Math.round(rawMs)} ms`);
	// COPY beside it, and other users' queries while 200,000 rows import (scripts/bench-imports.ts).
	const imports =
		process.env.BENCH_IMPORTS === '0'
			? {}
			: await benchImports({
					label,
					db,
					url:
						label === 'postgres'
							? (process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL)!
							: null,
					bytes,
					importMs,
					large: sampleCsv(200_000, 'Zátěž'),
					log
				});
	const kxx = await benchKxxImport(db, year - 1);
	log(`${label}: KXX import of ${kxx.kxx_lines} lines: ${kxx.kxx_import_ms} ms (rolled back)`);
	const model = await modelImport(db);
	log(
		`${label}: import of a ${model.model_import_elements}-element BPMN model: ${model.model_import_ms} ms`
	);

	const search = await benchSearch(db, (m) => log(`${label}: ${m}`));

	const t3 = performance.now();
	await growLedger(db, LARGE);
	const generateMs = performance.now() - t3;
	const total = await db
		.selectFrom('cost_entry')
		.select(sql<number>`count(*)::int`.as('n'))
		.executeTakeFirstOrThrow();
	const pageLarge = await timePage(db);
	log(
		`${label}: /costs at ${total.n} entries: ${pageLarge} ms (ledger generated in ${Math.round(generateMs)} ms)`
	);
	return {
		engine: label,
		import_rows: IMPORT_ROWS,
		import_rows_per_s: Math.round(IMPORT_ROWS / (importMs / 1000)),
		raw_bulk_insert_rows_per_s: Math.round(IMPORT_ROWS / (rawMs / 1000)),
		import_vs_raw: Math.round((importMs / rawMs) * 100) / 100,
		...imports,
		costs_page_ms_demo: pageDemo,
		costs_page_ms_large: pageLarge,
		costs_page_large_vs_demo: Math.round((pageLarge / pageDemo) * 100) / 100,
		entries_demo: demoEntries.n,
		entries_large: total.n,
		...kxx,
		...model,
		...search
	};
}

const results = [];
const dir = mkdtempSync(path.join(tmpdir(), 'dilna-bench-'));
try {
	const embedded = openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pgdata') });
	try {
		results.push(await runOn('pglite', embedded));
	} finally {
		await embedded.destroy();
	}
	const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
	if (url) {
		const server = openDatabase({ kind: 'postgres', url });
		try {
			results.push(await runOn('postgres', server));
		} finally {
			await server.destroy();
		}
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
// The pages' figures (scripts/bench-pages.ts): server time of /, /costs, /goals, /processes/[id]
// and /account over HTTP at demo and large size, the overview's and the model page's JavaScript
// (BENCH_PAGES=0 skips).
const { pageGoals, ...pages } =
	process.env.BENCH_PAGES === '0' ? { pageGoals: {} } : await benchPages();
// The coverage matrix of 300 processes × 1,000 staff against the reference page
// (scripts/bench-people.ts; it reuses the build benchPages made; BENCH_PEOPLE=0 skips).
if (process.env.BENCH_PAGES !== '0') process.env.BENCH_REUSE_BUILD = '1';
const { peopleGoals, ...people } =
	process.env.BENCH_PEOPLE === '0' ? { peopleGoals: {} } : await benchPeople();
// The load run (scripts/bench-load.ts): autocannon, 64 connections for 10 s on / and /costs on each
// engine (BENCH_LOAD=0 skips).
if (process.env.BENCH_PAGES !== '0' || process.env.BENCH_PEOPLE !== '0') {
	process.env.BENCH_REUSE_BUILD = '1';
}
const { loadGoals, ...load } =
	process.env.BENCH_LOAD === '0' ? { loadGoals: {} } : await benchLoad();
// The staged allocation's recompute: 300 processes, 3 stages, 2 M entries on the embedded
// database (scripts/bench-allocation.ts; BENCH_ALLOCATION=0 skips).
const { allocationGoals, ...allocationBench } =
	process.env.BENCH_ALLOCATION === '0' ? { allocationGoals: {} } : await benchAllocation();
console.log(
	JSON.stringify({
		goals: {
			import_vs_raw_max: 4,
			import_vs_copy_max: 4,
			healthz_p50_loaded_vs_unloaded_max: 2,
			costs_page_large_vs_demo_max: 1.5,
			model_import_ms_max: 2000,
			search_ms_max: 100,
			...pageGoals,
			...peopleGoals,
			...loadGoals,
			...allocationGoals
		},
		results,
		...pages,
		...people,
		...load,
		...allocationBench
	})
);

// Part of `npm run bench` (scripts/bench.ts calls it after the 100,000-row import):
//  - the COPY baseline: the same 100,000 ledger rows written by COPY FROM STDIN (pg-copy-streams)
//    on PostgreSQL and by COPY from a blob on PGlite, each in a transaction rolled back, beside
//    the import's time (goal: the import within 4× of COPY);
//  - other users during a 200,000-row import: `select 1` (what /healthz asks) and a timer's
//    lateness (any request's turn on the loop), unloaded and while the import runs (goal: the
//    median within 2× of unloaded). The import is rolled back afterwards.
// `tsx scripts/bench-imports.ts` runs it alone on a fresh demo database (BENCH_DATABASE_URL for
// PostgreSQL as well); BENCH_INLINE=1 reads and validates the 200,000 rows on the loop, as
// before the worker thread, for comparison.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import type { Db } from '../src/lib/server/db';
import { openDatabase, pgliteOf } from '../src/lib/server/db/engine';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedDemoIfEmpty } from '../src/lib/server/demo/seed';
import { importFile } from '../src/lib/server/imports/import-file';
import { readFile } from '../src/lib/server/imports/read';
import { validate } from '../src/lib/server/imports/validate';
import { rollback } from '../src/lib/server/imports/rollback';
import { write } from '../src/lib/server/imports/write';
import type { ResolvedRow } from '../src/lib/server/imports/types';

const COLUMNS =
	'kind, month, amount, nature, polozka, paragraf, org_unit_id, initiative_id, text, orj, org, uz';

const year = new Date().getFullYear();

/** A ledger CSV of `rows` lines of last year, each text `${tag} n`. */
export function sampleCsv(rows: number, tag = 'Doklad'): Uint8Array {
	const orj = ['0100', '0110', '0120', '0130', '0140', '0150', '0160', '0170', '0180'];
	const polozky = ['5011', '5031', '5032', '5139', '5161', '5162', '5168', '5169', '5171', '6125'];
	const lines = ['Datum dokladu;ORJ;Paragraf;Položka;ORG;UZ;Částka;Text'];
	for (let i = 0; i < rows; i++) {
		const month = 1 + (i % 12);
		const day = 1 + (i % 28);
		const amount = ((i * 7919) % 5_000_000) + 100;
		lines.push(
			`${day}.${month}.${year - 1};${orj[i % orj.length]};6171;${polozky[i % polozky.length]};;;` +
				`${Math.floor(amount / 100)
					.toString()
					.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(amount % 100).padStart(2, '0')};` +
				`${tag} ${i + 1}`
		);
	}
	return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

/** COPY's text format: tab-separated, `\N` for null, backslash, tab and newline escaped. */
function copyText(rows: ResolvedRow[]): string {
	const v = (x: string | number | bigint | null | undefined) =>
		x === null || x === undefined
			? '\\N'
			: String(x)
					.replace(/\\/g, '\\\\')
					.replace(/\t/g, '\\t')
					.replace(/\n/g, '\\n')
					.replace(/\r/g, '\\r');
	return (
		rows
			.map((r) =>
				[
					r.row.kind,
					`${r.row.month}-01`,
					r.row.amount,
					r.nature,
					r.row.polozka,
					r.row.paragraf,
					r.orgUnitId,
					r.initiativeId,
					r.row.text,
					r.row.orj,
					r.row.org,
					r.row.uz
				]
					.map(v)
					.join('\t')
			)
			.join('\n') + '\n'
	);
}

/** ms to COPY `rows` into cost_entry, in a transaction rolled back. */
async function copyMs(db: Db, url: string | null, rows: ResolvedRow[]): Promise<number> {
	const text = copyText(rows);
	const embedded = pgliteOf(db);
	if (embedded) {
		await embedded.exec('begin');
		const t = performance.now();
		await embedded.query(`copy cost_entry (${COLUMNS}) from '/dev/blob'`, [], {
			blob: new Blob([text])
		});
		const ms = performance.now() - t;
		await embedded.exec('rollback');
		return ms;
	}
	const client = new pg.Client({ connectionString: url! });
	await client.connect();
	try {
		await client.query('begin');
		const t = performance.now();
		await pipeline(
			Readable.from([text]),
			client.query(copyFrom(`copy cost_entry (${COLUMNS}) from stdin`))
		);
		const ms = performance.now() - t;
		await client.query('rollback');
		return ms;
	} finally {
		await client.end();
	}
}

/** Who rolls the benchmark's imports back: the demo's administrator. */
async function adminOf(db: Db): Promise<number> {
	const admin = await db
		.selectFrom('app_user')
		.select('id')
		.where('role', '=', 'admin')
		.orderBy('id')
		.executeTakeFirstOrThrow();
	return admin.id;
}

function percentile(sorted: number[], p: number): number {
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0;
}
const round = (x: number) => Math.round(x * 10) / 10;

/** `select 1` round trips and a 20 ms timer's lateness, sampled until `until` settles. */
async function probe(db: Db, until: Promise<unknown> | number) {
	const query: number[] = [];
	const late: number[] = [];
	let done = false;
	const finished =
		typeof until === 'number' ? new Promise((r) => setTimeout(r, until)) : until.finally(() => {});
	void finished.finally(() => (done = true));
	while (!done) {
		const t0 = performance.now();
		await new Promise((r) => setTimeout(r, 20));
		late.push(performance.now() - t0 - 20);
		const t1 = performance.now();
		await sql`select 1`.execute(db);
		query.push(performance.now() - t1);
	}
	await finished;
	query.sort((a, b) => a - b);
	late.sort((a, b) => a - b);
	return {
		query_p50: round(percentile(query, 0.5)),
		query_p95: round(percentile(query, 0.95)),
		query_max: round(query.at(-1) ?? 0),
		loop_late_p50: round(percentile(late, 0.5)),
		loop_late_p95: round(percentile(late, 0.95)),
		loop_late_max: round(late.at(-1) ?? 0)
	};
}

export interface ImportBenchInput {
	label: string;
	db: Db;
	url: string | null;
	/** the 100,000-row file and the import's time through the whole pipeline */
	bytes: Uint8Array;
	importMs: number;
	/** a file of 200,000 rows for the loop measurement */
	large: Uint8Array;
	log: (message: string) => void;
}

export async function benchImports(input: ImportBenchInput) {
	const { label, db, url, bytes, importMs, large, log } = input;
	const read = await readFile(bytes, { fileName: 'bench.csv', kind: 'actual' });
	const checked = await validate(db, bytes, read);
	const rows = checked.resolved.length;
	const copy = await copyMs(db, url, checked.resolved);
	log(
		`${label}: COPY of the same ${rows} rows: ${Math.round(copy)} ms; the import takes ${round(importMs / copy)}× that`
	);

	const unloaded = await probe(db, 3000);
	let importTime = 0;
	const options = {
		fileName: 'bench-200k.csv',
		kind: 'actual',
		source: 'cli',
		confirmDuplicate: true
	} as const;
	const running = (async () => {
		const t = performance.now();
		let batchId: number;
		if (process.env.BENCH_INLINE === '1') {
			// As before the worker thread: read and validate on the request loop, then write.
			const read = await readFile(large, options);
			const validation = await validate(db, large, read, { kind: 'actual' });
			batchId = (await write(db, null, read, validation, options)).batchId;
		} else {
			const outcome = await importFile(db, null, large, options);
			if (outcome.status !== 'imported') throw new Error(`200k import: ${outcome.status}`);
			batchId = outcome.batchId;
		}
		importTime = performance.now() - t;
		return batchId;
	})();
	const loaded = await probe(db, running);
	await rollback(db, await adminOf(db), await running, 1);
	log(
		`${label}: during a 200,000-row import (${Math.round(importTime)} ms): select 1 p50 ` +
			`${loaded.query_p50} ms (unloaded ${unloaded.query_p50}), p95 ${loaded.query_p95} ` +
			`(${unloaded.query_p95}), max ${loaded.query_max}; the loop's lateness p50 ` +
			`${loaded.loop_late_p50} ms (${unloaded.loop_late_p50}), p95 ${loaded.loop_late_p95}, max ${loaded.loop_late_max}`
	);
	const ratio = (a: number, b: number) => round(a / Math.max(b, 0.1));
	return {
		copy_rows_per_s: Math.round(rows / (copy / 1000)),
		import_vs_copy: round(importMs / copy),
		import_200k_ms: Math.round(importTime),
		healthz_query_unloaded: unloaded,
		healthz_query_during_import: loaded,
		healthz_p50_loaded_vs_unloaded: ratio(loaded.query_p50, unloaded.query_p50),
		healthz_p95_loaded_vs_unloaded: ratio(loaded.query_p95, unloaded.query_p95),
		loop_late_p95_ms_during_import: loaded.loop_late_p95
	};
}

// Alone: `tsx scripts/bench-imports.ts` on a fresh demo database (and PostgreSQL when given).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const log = (m: string) => console.error(`[bench] ${m}`);
	const dir = mkdtempSync(path.join(tmpdir(), 'dilna-bench-imports-'));
	const results = [];
	try {
		const targets: [string, Db, string | null][] = [
			['pglite', openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pgdata') }), null]
		];
		const url = process.env.BENCH_DATABASE_URL;
		if (url) targets.push(['postgres', openDatabase({ kind: 'postgres', url }), url]);
		for (const [label, db, dbUrl] of targets) {
			try {
				await migrateToLatest(db);
				await seedDemoIfEmpty(db);
				const bytes = sampleCsv(100_000);
				const t = performance.now();
				const outcome = await importFile(db, null, bytes, {
					fileName: 'bench.csv',
					kind: 'actual',
					source: 'cli'
				});
				const importMs = performance.now() - t;
				if (outcome.status !== 'imported') throw new Error(outcome.status);
				log(
					`${label}: import of 100000 rows: ${Math.round(importMs)} ms ${JSON.stringify(outcome.timings)}`
				);
				const large = sampleCsv(200_000, 'Zátěž');
				results.push({
					engine: label,
					import_ms: Math.round(importMs),
					...(await benchImports({ label, db, url: dbUrl, bytes, importMs, large, log }))
				});
				await rollback(db, await adminOf(db), outcome.batchId, 1);
			} finally {
				await db.destroy();
			}
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	console.log(
		JSON.stringify({
			goals: { import_vs_copy_max: 4, healthz_p50_loaded_vs_unloaded_max: 2 },
			results
		})
	);
}

// The pages' part of `npm run bench` (issue 7, "Performance"): the server time of the overview
// and the main pages at demo size and in a generated large town, measured over real HTTP against
// the built app (`node <build>`), signed in as the mayor; and the gzip size of the JavaScript the
// overview loads. Used by scripts/bench.ts; `npx tsx scripts/bench-pages.ts` runs it alone.
//
// The large town: the demo town plus a generated ledger (BENCH_ROWS, default 2,000,000 entries,
// the demo's own combinations repeated, as in bench.ts), its processes cloned up to 300
// (with their yearly volumes and goal links) and its KPIs cloned up to 500, each with monthly
// targets and actuals over five years. Aggregates are rebuilt with the costs area's own
// functions afterwards. Each engine gets its own scratch store: a temporary folder for the
// embedded database; on PostgreSQL a database created beside the one in the URL and dropped at
// the end (the URL's role needs CREATEDB).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { openDatabase } from '../src/lib/server/db/engine';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedDemoIfEmpty } from '../src/lib/server/demo/seed';
import { rebuildSummary } from '../src/lib/server/costs/aggregates';
import { refreshProcessCosts } from '../src/lib/server/allocation/allocation.service';
import { refreshYearStatus } from '../src/lib/server/kpis/kpis.service';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../src/lib/server/auth/session';
import type { Db } from '../src/lib/server/db';
import { generateLedger } from './bench-ledger';
import { refreshLedgerStatistics } from '../src/lib/server/db/statistics';
import { modelPageJs } from './bench-models';
import { compute as computeOverview } from '../src/lib/server/overview/overview.service';

const ROWS = Number(process.env.BENCH_ROWS ?? 2_000_000);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 300);
const KPIS = Number(process.env.BENCH_KPIS ?? 500);
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 31);
const WARMUPS = 5;
const KIT_OUT = process.env.BENCH_KIT_OUT_DIR ?? '.svelte-kit-bench';
const BUILD = process.env.BENCH_BUILD_DIR ?? 'build-bench';
const year = new Date().getFullYear();

export type Target = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
interface Timing {
	median: number;
	p95: number;
}
export type PageTimes = Record<string, Timing>;

function log(message: string) {
	console.error(`[bench pages] ${message}`);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Builds the app into its own folders, so the figures are of the code as it is now
 * (BENCH_REUSE_BUILD=1 keeps an earlier build there, for repeated runs). */
export function ensureBuild() {
	if (process.env.BENCH_REUSE_BUILD === '1' && existsSync(path.join(BUILD, 'index.js'))) {
		log(`using the earlier build in ${BUILD} (BENCH_REUSE_BUILD=1)`);
		return;
	}
	log(`building the app into ${BUILD}`);
	const result = spawnSync('npx', ['vite', 'build'], {
		env: { ...process.env, KIT_OUT_DIR: KIT_OUT, BUILD_DIR: BUILD },
		// The build's output goes to stderr: stdout's last line belongs to the JSON figures.
		stdio: ['ignore', 2, 2]
	});
	if (result.status !== 0) throw new Error(`vite build failed (${result.status})`);
}

// ---- the large town -------------------------------------------------------------------------

async function columnsOf(db: Db, table: string): Promise<string[]> {
	const r = await sql<{ column_name: string }>`
		select column_name from information_schema.columns
		where table_schema = current_schema() and table_name = ${table} and column_name <> 'id'
		order by ordinal_position`.execute(db);
	return r.rows.map((c) => c.column_name);
}

/** The select list copying `alias`'s columns, with some replaced by expressions. */
function copyList(
	columns: string[],
	alias: string,
	replace: Record<string, ReturnType<typeof sql>>
) {
	return sql.join(columns.map((c) => replace[c] ?? sql.ref(`${alias}.${c}`)));
}

/** Clones the demo's processes (with their years and goal links) until there are `total`. */
export async function growProcesses(db: Db, total: number) {
	const { n } = await db
		.selectFrom('process')
		.select(sql<number>`count(*)::int`.as('n'))
		.executeTakeFirstOrThrow();
	if (n >= total) return;
	const copies = Math.ceil((total - n) / n);
	const cols = await columnsOf(db, 'process');
	await sql`
		insert into process (${sql.join(cols.map((c) => sql.ref(c)))})
		select ${copyList(cols, 's', {
			code: sql`s.code || '-B' || g`,
			name: sql`s.name || ' (' || g || ')'`
		})}
		from process s cross join generate_series(1, ${copies}::int) g
		order by g, s.id
		limit ${total - n}`.execute(db);
	const clones = sql`process s cross join generate_series(1, ${copies}::int) g
		join process n on n.code = s.code || '-B' || g`;
	for (const child of ['process_year', 'goal_process']) {
		const childCols = await columnsOf(db, child);
		await sql`
			insert into ${sql.table(child)} (${sql.join(childCols.map((c) => sql.ref(c)))})
			select ${copyList(childCols, 'x', { process_id: sql`n.id` })}
			from ${clones} join ${sql.table(child)} x on x.process_id = s.id`.execute(db);
	}
}

/** Clones the demo's manual KPIs until there are `total`; the clones get targets and actuals
 * over the last five years (monthly, quarterly or yearly; actuals of the periods that are over). */
async function growKpis(db: Db, total: number) {
	const { n } = await db
		.selectFrom('kpi')
		.select(sql<number>`count(*)::int`.as('n'))
		.executeTakeFirstOrThrow();
	if (n >= total) return;
	const { m } = await db
		.selectFrom('kpi')
		.where('source', '=', 'manual')
		.select(sql<number>`count(*)::int`.as('m'))
		.executeTakeFirstOrThrow();
	if (m === 0) throw new Error('the demo has no manual KPI to clone');
	const copies = Math.ceil((total - n) / m);
	const cols = await columnsOf(db, 'kpi');
	await sql`
		insert into kpi (${sql.join(cols.map((c) => sql.ref(c)))})
		select ${copyList(cols, 's', {
			code: sql`s.code || '-B' || g`,
			name: sql`s.name || ' (' || g || ')'`,
			direction: sql`'higher'`,
			baseline: sql`null`,
			baseline_period: sql`null`
		})}
		from kpi s cross join generate_series(1, ${copies}::int) g
		where s.source = 'manual'
		order by g, s.id
		limit ${total - n}`.execute(db);
	// A third of the clones is measured monthly, a third quarterly, a third yearly.
	await sql`update kpi set frequency = case id % 3 when 0 then 'monthly' when 1 then 'quarterly'
		else 'yearly' end where code like '%-B%'`.execute(db);
	const periods = sql`kpi k cross join generate_series(${year - 4}::int, ${year}::int) y
		cross join generate_series(1, 12) mo
		cross join lateral (select case k.frequency
			when 'monthly' then y || '-' || lpad(mo::text, 2, '0')
			when 'quarterly' then y || '-Q' || ((mo + 2) / 3)
			else y::text end as period,
			case k.frequency when 'monthly' then mo when 'quarterly' then 3 * ((mo + 2) / 3)
			else 12 end as last_month) p`;
	// One row per period: a quarter on its first month, a year on January.
	const firstOfPeriod = sql`(k.frequency = 'monthly' or (k.frequency = 'quarterly' and mo % 3 = 1)
		or mo = 1)`;
	await sql`
		insert into kpi_target (kpi_id, period, target, tolerance)
		select k.id, p.period, 50 + (k.id % 40), 5
		from ${periods} where k.code like '%-B%' and ${firstOfPeriod}`.execute(db);
	// Actuals of the periods that are over (up to last month).
	const thisMonth = new Date().getMonth() + 1;
	await sql`
		insert into kpi_actual (kpi_id, period, value)
		select k.id, p.period, 40 + ((k.id * 7 + mo * 13 + y) % 30)
		from ${periods}
		where k.code like '%-B%' and ${firstOfPeriod}
			and (y < ${year}::int or p.last_month < ${thisMonth}::int)`.execute(db);
	await refreshYearStatus(db);
}

export async function enlarge(db: Db) {
	const t = performance.now();
	await generateLedger(db, ROWS, log);
	// What an import of those lines does once it has committed (the generator writes them directly).
	await refreshLedgerStatistics(db, ROWS);
	await growProcesses(db, PROCESSES);
	await growKpis(db, KPIS);
	await rebuildSummary(db);
	await refreshProcessCosts(db, [year - 4, year - 3, year - 2, year - 1, year]);
	log(`large town generated in ${Math.round(performance.now() - t)} ms`);
}

async function counts(db: Db) {
	const r = await sql<{
		entries: number;
		processes: number;
		kpis: number;
		targets: number;
		actuals: number;
	}>`
		select (select count(*)::int from cost_entry) as entries,
			(select count(*)::int from process) as processes,
			(select count(*)::int from kpi) as kpis,
			(select count(*)::int from kpi_target) as targets,
			(select count(*)::int from kpi_actual) as actuals`.execute(db);
	return r.rows[0];
}

// ---- HTTP -----------------------------------------------------------------------------------

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export async function startServer(
	target: Target,
	execArgv: string[] = []
): Promise<{ child: ChildProcess; base: string }> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base
	};
	delete env.DATABASE_URL;
	delete env.DATA_DIR;
	delete env.DILNA_DEMO;
	if (target.kind === 'pglite') env.DATA_DIR = target.dataDir;
	else env.DATABASE_URL = target.url;
	env.NODE_ENV = 'production';
	const child = spawn(process.execPath, [...execArgv, BUILD], {
		env,
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (d) => (stderr += String(d)));
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
		try {
			const res = await fetch(`${base}/login`, { redirect: 'manual' });
			await res.arrayBuffer();
			if (res.status < 500) return { child, base };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill();
	throw new Error(`the server did not start within 60 s: ${stderr}`);
}

export async function stopServer(child: ChildProcess) {
	if (child.exitCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
	if (child.exitCode === null) child.kill('SIGKILL');
}

/** Server time of one page: the full response (headers and body) on loopback. */
async function timeGet(base: string, pathname: string, cookie: string): Promise<number> {
	const t = performance.now();
	const res = await fetch(base + pathname, { headers: { cookie }, redirect: 'manual' });
	const body = await res.text();
	const ms = performance.now() - t;
	if (res.status !== 200) {
		throw new Error(`${pathname} answered ${res.status}: ${body.slice(0, 300)}`);
	}
	return ms;
}

function summarise(times: number[]): Timing {
	const sorted = [...times].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
	return { median: round1(at(0.5)), p95: round1(at(0.95)) };
}

/** The overview computed afresh (what the first request after a change costs), in process. */
async function timeOverviewCompute(db: Db): Promise<Timing> {
	for (let i = 0; i < WARMUPS; i++) await computeOverview(db, year);
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t = performance.now();
		await computeOverview(db, year);
		times.push(performance.now() - t);
	}
	return summarise(times);
}

export async function measure(base: string, cookie: string, paths: string[]): Promise<PageTimes> {
	// Warm every page first: they share the layout, the session check and the server's code, so
	// the page measured first would otherwise pay for warming what the later ones reuse.
	for (let i = 0; i < WARMUPS; i++) {
		for (const p of paths) await timeGet(base, p, cookie);
	}
	// Then round by round, every page once a round: a slower moment of the machine (another
	// process, garbage collection) falls on all pages alike rather than on one.
	const times = new Map(paths.map((p) => [p, [] as number[]]));
	for (let i = 0; i < RUNS; i++) {
		for (const p of paths) times.get(p)!.push(await timeGet(base, p, cookie));
	}
	return Object.fromEntries(paths.map((p) => [p, summarise(times.get(p)!)]));
}

// ---- one engine -----------------------------------------------------------------------------

interface EngineFigures {
	demo: PageTimes;
	large: PageTimes;
	reference: { demo: Timing; large: Timing };
	/** computing the overview anew, in process (the page serves it again until data changes) */
	overviewCompute: { demo: Timing; large: Timing };
	processPage: string;
	sizes: { demo: Awaited<ReturnType<typeof counts>>; large: Awaited<ReturnType<typeof counts>> };
}

export const REFERENCE = '/account';
/** The CAF and knowledge pages measured against the reference (#18: within 2× of it). */
const CAF_PAGES = (round: number) => [
	'/caf',
	`/caf/${round}`,
	`/caf/${round}/3.2`,
	`/caf/${round}/results`,
	'/knowledge?q=skartace'
];
const isCafPage = (p: string) => p.startsWith('/caf') || p.startsWith('/knowledge');

/**
 * The drill-down of last year's actual costs (#21: within 2× of the reference at 2 M entries): the
 * breakdown (from the summary), one položka's breakdown, and the ledger lines of that položka and
 * of the whole year, the first page each (the entry list reads the ledger through its index).
 */
const DRILL_PAGES = [
	`/costs/breakdown?year=${year - 1}&kind=actual`,
	`/costs/breakdown?year=${year - 1}&kind=actual&polozka=5139`,
	`/costs/entries?year=${year - 1}&kind=actual&polozka=5139`,
	`/costs/entries?year=${year - 1}&kind=actual`
];
const isDrillPage = (p: string) => DRILL_PAGES.includes(p);

async function runEngine(
	label: string,
	target: Target,
	alsoOnDemo?: (base: string, cookie: string) => Promise<void>
): Promise<EngineFigures> {
	const open = () =>
		target.kind === 'pglite'
			? openDatabase({ kind: 'pglite', dataDir: path.join(target.dataDir, 'pgdata') })
			: openDatabase({ kind: 'postgres', url: target.url });
	let db = open();
	let cookie: string;
	let processPath: string;
	let cafPaths: string[];
	let demoSize;
	try {
		await migrateToLatest(db);
		await seedDemoIfEmpty(db);
		// The process page of the demo's costliest process last year (the mayor's drill-down).
		const top = await sql<{ id: number }>`
			select p.id from process p
			left join process_cost_year c on c.process_id = p.id and c.year = ${year - 1}::int
			order by c.full_cost desc nulls last, p.id limit 1`.execute(db);
		processPath = `/processes/${top.rows[0].id}`;
		// The CAF pages of the demo's closed round (every manager reads it) and a knowledge search.
		const round = await db
			.selectFrom('caf_round')
			.where('status', '=', 'closed')
			.select('id')
			.orderBy('id')
			.executeTakeFirstOrThrow();
		cafPaths = CAF_PAGES(round.id);
		const mayor = await db
			.selectFrom('app_user')
			.where('username', '=', 'starosta')
			.select('id')
			.executeTakeFirstOrThrow();
		const token = generateSessionToken();
		await createSession(db, token, mayor.id);
		cookie = `${SESSION_COOKIE}=${token}`;
		demoSize = await counts(db);
	} finally {
		// The embedded database is one process's: the server opens it after we let go.
		await db.destroy();
	}
	const paths = ['/', '/costs', '/goals', processPath, ...cafPaths, ...DRILL_PAGES, REFERENCE];

	let server = await startServer(target);
	let demo: PageTimes;
	try {
		demo = await measure(server.base, cookie, paths);
		if (alsoOnDemo) await alsoOnDemo(server.base, cookie);
	} finally {
		await stopServer(server.child);
	}
	log(`${label} demo: ${JSON.stringify(demo)}`);

	db = open();
	let largeSize;
	let computeDemo: Timing;
	let computeLarge: Timing;
	try {
		computeDemo = await timeOverviewCompute(db);
		await enlarge(db);
		largeSize = await counts(db);
		computeLarge = await timeOverviewCompute(db);
	} finally {
		await db.destroy();
	}
	server = await startServer(target);
	let large: PageTimes;
	try {
		large = await measure(server.base, cookie, paths);
	} finally {
		await stopServer(server.child);
	}
	log(`${label} large: ${JSON.stringify(large)}`);

	const pick = (t: PageTimes) => {
		const { [REFERENCE]: _reference, ...rest } = t;
		void _reference;
		return rest;
	};
	return {
		demo: pick(demo),
		large: pick(large),
		reference: { demo: demo[REFERENCE], large: large[REFERENCE] },
		overviewCompute: { demo: computeDemo, large: computeLarge },
		processPage: processPath,
		sizes: { demo: demoSize, large: largeSize }
	};
}

export async function withScratchPostgres<T>(
	url: string,
	run: (url: string) => Promise<T>
): Promise<T> {
	const name = `dilna_bench_pages_${process.pid}`;
	const admin = openDatabase({ kind: 'postgres', url });
	try {
		await sql`drop database if exists ${sql.id(name)}`.execute(admin);
		await sql`create database ${sql.id(name)}`.execute(admin);
		const scratch = new URL(url);
		scratch.pathname = `/${name}`;
		try {
			return await run(scratch.toString());
		} finally {
			await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
		}
	} finally {
		await admin.destroy();
	}
}

// ---- the overview's JavaScript --------------------------------------------------------------

interface ManifestChunk {
	file: string;
	imports?: string[];
	dynamicImports?: string[];
}

function gzipBytes(file: string): number {
	const full = path.join(BUILD, 'client', file);
	// adapter-node precompresses the client files; gzip ourselves when it did not.
	if (existsSync(full + '.gz')) return readFileSync(full + '.gz').length;
	return gzipSync(readFileSync(full), { level: 9 }).length;
}

/** The JavaScript the overview loads: the scripts its HTML preloads (entry, layouts, the page and
 * their static imports), and apart from that the chunks loaded lazily from them (Chart.js). */
async function overviewJs(base: string, cookie: string) {
	const res = await fetch(`${base}/`, { headers: { cookie }, redirect: 'manual' });
	const html = await res.text();
	if (res.status !== 200) throw new Error(`/ answered ${res.status}`);
	const loaded = new Set<string>();
	// Preload links and the start script's imports; paths are relative (./_app/…) or absolute.
	for (const match of html.matchAll(/"[./]*(_app\/immutable\/[^"]+\.js)"/g)) loaded.add(match[1]);
	if (loaded.size === 0) throw new Error('no script found in the overview HTML');
	const manifest: Record<string, ManifestChunk> = JSON.parse(
		readFileSync(path.join(KIT_OUT, 'output', 'client', '.vite', 'manifest.json'), 'utf8')
	);
	// The page's nodes (root layout, the (app) layout, the page), which the start script imports.
	const nodeIds = /node_ids: \[([\d, ]+)\]/.exec(html);
	if (!nodeIds) throw new Error('no node_ids in the overview HTML');
	for (const id of nodeIds[1].split(',')) {
		const node = manifest[`${KIT_OUT}/generated/client-optimized/nodes/${id.trim()}.js`];
		if (!node) throw new Error(`node ${id} is not in the client manifest`);
		loaded.add(node.file);
	}
	const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
	// The static imports of what is loaded are loaded too (the preload list should hold them all).
	const queue = [...loaded];
	while (queue.length) {
		const chunk = byFile.get(queue.pop()!);
		for (const key of chunk?.imports ?? []) {
			const file = manifest[key].file;
			if (!loaded.has(file)) {
				loaded.add(file);
				queue.push(file);
			}
		}
	}
	const lazy = new Set<string>();
	// The router's table of every route's node (generated/…) is not the overview's: left out.
	const lazyQueue = [...loaded]
		.flatMap((f) => byFile.get(f)?.dynamicImports ?? [])
		.filter((key) => !key.includes('/generated/'));
	while (lazyQueue.length) {
		const chunk = manifest[lazyQueue.pop()!];
		if (!chunk || loaded.has(chunk.file) || lazy.has(chunk.file)) continue;
		lazy.add(chunk.file);
		lazyQueue.push(...(chunk.imports ?? []));
	}
	log(`overview scripts: ${[...loaded].join(' ')}; lazily: ${[...lazy].join(' ')}`);
	const kb = (files: Iterable<string>) =>
		round1([...files].reduce((sum, f) => sum + gzipBytes(f), 0) / 1024);
	const initial = kb(loaded);
	const lazyKb = kb(lazy);
	return {
		initial,
		withLazyCharts: round1(initial + lazyKb),
		lazy: lazyKb,
		files: loaded.size,
		lazyFiles: [...lazy].map((f) => path.basename(f))
	};
}

// ---- everything -----------------------------------------------------------------------------

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

export async function benchPages() {
	ensureBuild();
	const pages: Record<string, EngineFigures> = {};
	const dir = mkdtempSync(path.join(tmpdir(), 'dilna-bench-pages-'));
	let js: Awaited<ReturnType<typeof overviewJs>> | undefined;
	try {
		// The JavaScript does not depend on the data: measured once, on the embedded demo town.
		pages.pglite = await runEngine('pglite', { kind: 'pglite', dataDir: dir }, async (b, c) => {
			js = await overviewJs(b, c);
		});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	if (!js) throw new Error('the overview JavaScript was not measured');
	// The model page's own JavaScript and its bpmn-js chunks, from the same build's manifest.
	const modelJs = modelPageJs(KIT_OUT, BUILD);
	log(`model page JavaScript: ${JSON.stringify(modelJs)}`);
	const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
	if (url) {
		pages.postgres = await withScratchPostgres(url, (u) =>
			runEngine('postgres', { kind: 'postgres', url: u })
		);
	}

	const engines = Object.values(pages);
	const overviewWithin2xReference = engines.every(
		(e) =>
			e.demo['/'].median <= 2 * e.reference.demo.median &&
			e.large['/'].median <= 2 * e.reference.large.median
	);
	const cafWithin2xReference = engines.every((e) =>
		(['demo', 'large'] as const).every((size) =>
			Object.entries(e[size])
				.filter(([p]) => isCafPage(p))
				.every(([, t]) => t.median <= 2 * e.reference[size].median)
		)
	);
	const drillWithin2xReference = engines.every((e) =>
		(['demo', 'large'] as const).every((size) =>
			Object.entries(e[size])
				.filter(([p]) => isDrillPage(p))
				.every(([, t]) => t.median <= 2 * e.reference[size].median)
		)
	);
	const largeWithin1_5xDemo = engines.every((e) =>
		Object.keys(e.demo).every((p) => e.large[p].median <= 1.5 * e.demo[p].median)
	);
	return {
		pages,
		pagesMethod:
			'HTTP GET against the built app (node build) on loopback, signed in as the mayor; ' +
			`time to the full response, ${RUNS} rounds over all pages after ${WARMUPS} warm-up ` +
			'rounds, milliseconds. ' +
			'The overview is computed once per data version and day and then served again; ' +
			'overviewCompute is the in-process time of computing it anew (the first request after ' +
			'a change)',
		pagesRatios: Object.fromEntries(
			Object.entries(pages).map(([engine, e]) => [
				engine,
				{
					overviewVsReference: {
						demo: ratio(e.demo['/'].median, e.reference.demo.median),
						large: ratio(e.large['/'].median, e.reference.large.median)
					},
					largeVsDemo: Object.fromEntries(
						Object.keys(e.demo).map((p) => [p, ratio(e.large[p].median, e.demo[p].median)])
					)
				}
			])
		),
		overviewJsGzipKb: js,
		modelPageJsGzipKb: modelJs,
		pageGoals: {
			bpmnJsOnlyOnModelPage: modelJs.otherPagesWithBpmn.length === 0,
			overviewWithin2xReference,
			cafWithin2xReference,
			drillWithin2xReference,
			largeWithin1_5xDemo,
			jsUnder150Kb: js!.initial < 150,
			jsWithChartsUnder150Kb: js!.withLazyCharts < 150
		}
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const figures = await benchPages();
	console.log(JSON.stringify(figures));
}

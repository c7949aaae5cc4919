// The load run of `npm run bench`: autocannon against the built app on loopback, signed in as the
// mayor, `/` and `/costs` one after the other, each for BENCH_LOAD_SECONDS (10) with
// BENCH_LOAD_CONNECTIONS (64) connections after BENCH_LOAD_WARMUP_SECONDS (5) of the same load,
// on the embedded database and (with BENCH_DATABASE_URL or DATABASE_URL) a scratch PostgreSQL database. Reports requests per
// second, p50 and p99 latency and every kind of failure (errors, timeouts, non-2xx answers), and
// how long /healthz takes on a new connection meanwhile.
// BENCH_LOAD_ENGINES=postgres (or pglite) runs one engine only; BENCH_LOAD_PROFILE=<dir> starts
// the server with --cpu-prof and leaves its CPU profile (.cpuprofile, Chrome DevTools) there.
//   npx tsx scripts/bench-load.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase } from '../src/lib/server/db/engine';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedDemoIfEmpty } from '../src/lib/server/demo/seed';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../src/lib/server/auth/session';
import {
	ensureBuild,
	startServer,
	stopServer,
	withScratchPostgres,
	type Target
} from './bench-pages';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 64);
const WARMUP = Number(process.env.BENCH_LOAD_WARMUP_SECONDS ?? 5);
export const LOAD_PATHS = ['/', '/costs'];
const ENGINES = (process.env.BENCH_LOAD_ENGINES ?? 'pglite,postgres').split(',');
const PROFILE = process.env.BENCH_LOAD_PROFILE;

export interface LoadFigures {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	errors: number;
	timeouts: number;
	non2xx: number;
	requests: number;
	/** ms for /healthz on a new connection, opened every 250 ms during the run: median, slowest */
	newConnection: { p50: number; max: number };
}

function log(message: string) {
	process.stderr.write(`[bench-load] ${message}\n`);
}

/** GET `url` on a connection of its own; ms until the whole answer is in (-1: failed). */
function onNewConnection(url: string): Promise<number> {
	const started = performance.now();
	return new Promise((resolve) => {
		const req = get(url, { agent: false, timeout: 15_000 }, (res) => {
			res.resume();
			res.on('end', () => resolve(performance.now() - started));
			// an answer cut off before its end never ends: count it as failed, not as never answered
			res.on('close', () => resolve(-1));
		});
		req.on('error', () => resolve(-1));
		req.on('timeout', () => req.destroy());
	});
}

async function run(url: string, cookie: string): Promise<LoadFigures> {
	// Busy connections must not keep new ones out (a load balancer's health check, a new user).
	const probes: Promise<number>[] = [];
	const probing = setInterval(
		() => probes.push(onNewConnection(new URL('/healthz', url).href)),
		250
	);
	const result = await autocannon({
		url,
		connections: CONNECTIONS,
		duration: SECONDS,
		timeout: 10,
		// Its own thread: on the main one, reading 64 connections' answers delayed the probe's and
		// its own timings by seconds (p99 1.2–3 s, a new connection 2.5–4 s, while the server's
		// handlers never took over 0.6 s).
		workers: 1,
		headers: { cookie, accept: 'text/html' }
	});
	clearInterval(probing);
	const waits = (await Promise.all(probes)).map((ms) => (ms < 0 ? Infinity : Math.round(ms)));
	waits.sort((a, b) => a - b);
	return {
		requestsPerSecond: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors,
		timeouts: result.timeouts,
		non2xx: result.non2xx,
		requests: result.requests.total,
		newConnection: { p50: waits[Math.floor(waits.length / 2)] ?? 0, max: waits.at(-1) ?? 0 }
	};
}

async function onEngine(label: string, target: Target): Promise<Record<string, LoadFigures>> {
	const db =
		target.kind === 'pglite'
			? openDatabase({ kind: 'pglite', dataDir: path.join(target.dataDir, 'pgdata') })
			: openDatabase({ kind: 'postgres', url: target.url });
	let cookie: string;
	try {
		await migrateToLatest(db);
		await seedDemoIfEmpty(db);
		const mayor = await db
			.selectFrom('app_user')
			.where('username', '=', 'starosta')
			.select('id')
			.executeTakeFirstOrThrow();
		const token = generateSessionToken();
		await createSession(db, token, mayor.id);
		cookie = `${SESSION_COOKIE}=${token}`;
	} finally {
		await db.destroy();
	}
	const server = await startServer(
		target,
		PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []
	);
	const figures: Record<string, LoadFigures> = {};
	try {
		for (const p of LOAD_PATHS) {
			// The figures are of a warm server, as users meet it: the same load first for WARMUP
			// seconds, while the JIT compiles the page's code (on 2 cores the first seconds run
			// at half speed).
			await autocannon({
				url: server.base + p,
				connections: CONNECTIONS,
				duration: WARMUP,
				headers: { cookie, accept: 'text/html' }
			});
			// The warm-up's last answers are still being drawn when it hangs up: let them drain, so
			// the measured run's connections are not accepted behind them.
			await new Promise((resolve) => setTimeout(resolve, 2000));
			figures[p] = await run(server.base + p, cookie);
			log(`${label} ${p}: ${JSON.stringify(figures[p])}`);
		}
	} finally {
		await stopServer(server.child);
	}
	return figures;
}

export async function benchLoad() {
	ensureBuild();
	const load: Record<string, Record<string, LoadFigures>> = {};
	if (ENGINES.includes('pglite')) {
		const dir = mkdtempSync(path.join(tmpdir(), 'dilna-bench-load-'));
		try {
			load.pglite = await onEngine('pglite', { kind: 'pglite', dataDir: dir });
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
	const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
	if (url && ENGINES.includes('postgres')) {
		load.postgres = await withScratchPostgres(url, (u) =>
			onEngine('postgres', { kind: 'postgres', url: u })
		);
	}
	const failures = (f: LoadFigures) => f.errors + f.timeouts + f.non2xx;
	return {
		load,
		loadMethod: `autocannon on loopback, ${CONNECTIONS} connections for ${SECONDS} s per page after ${WARMUP} s of warm-up, signed in as the mayor (demo town); latency in ms`,
		loadGoals: {
			p99Under250msOnPostgres: load.postgres
				? LOAD_PATHS.every((p) => load.postgres[p].p99 < 250)
				: null,
			noFailures: Object.values(load).every((e) =>
				Object.values(e).every((f) => failures(f) === 0)
			),
			newConnectionsAnsweredWithin1s: Object.values(load).every((e) =>
				Object.values(e).every((f) => f.newConnection.max < 1000)
			)
		}
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	console.log(JSON.stringify(await benchLoad()));
}

// The compose topology (compose.yaml) on this machine without containers: two built app
// instances on one PostgreSQL database behind Debian's nginx, all on loopback.
//
//   node scripts/scale-out.js            (after `npm run build`; Ctrl+C stops everything)
//
// Settings: SCALE_DATABASE_URL (a PostgreSQL server where the script may create and drop the
// database `dilna_scale_<port>`; default postgres://postgres@127.0.0.1:5432/postgres),
// SCALE_PORT (nginx; the instances take the next two ports; default 4711), NGINX (/usr/sbin/nginx).
// The instances run the demo town on the build (as scripts/demo.js does, without building) one
// after the other, so the first migrates and seeds the town, and the second finds both done. tests/e2e/scale-out.spec.ts drives it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
export const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
export const SERVER_URL =
	process.env.SCALE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Why the topology cannot run here, or null when nginx and PostgreSQL are both there. */
export async function missing(serverUrl = SERVER_URL) {
	if (!existsSync(NGINX)) return `nginx is not installed (${NGINX})`;
	const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
	try {
		await client.connect();
		await client.query('select 1');
	} catch (error) {
		return `PostgreSQL is not reachable at ${serverUrl} (${String(error)})`;
	} finally {
		await client.end().catch(() => {});
	}
	return null;
}

/** @param {string} serverUrl @param {string} name */
async function recreateDatabase(serverUrl, name) {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(`drop database if exists ${name} with (force)`);
		await client.query(`create database ${name}`);
	} finally {
		await client.end();
	}
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

/** @param {string} url @param {import('node:child_process').ChildProcess} child @param {number} timeoutMs */
async function waitFor(url, child, timeoutMs) {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (child.exitCode !== null) throw new Error(`${url}: the process ended (${child.exitCode})`);
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

const SERVE = `import { serve } from './scripts/serve.js'; await serve(${JSON.stringify(
	path.join(root, process.env.BUILD_DIR ?? 'build')
)});`;

/** @param {NodeJS.ProcessEnv} env */
function withoutOrigin(env) {
	const copy = { ...env };
	delete copy.ORIGIN;
	return copy;
}

/**
 * nginx's configuration: deploy/nginx.conf's server block with loopback upstreams.
 * @param {string} dir @param {number} port @param {number[]} appPorts
 */
function nginxConf(dir, port, appPorts) {
	return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path ${dir}/client_body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	upstream dilna {
${appPorts.map((p) => `\t\tserver 127.0.0.1:${p} max_fails=3 fail_timeout=10s;`).join('\n')}
		keepalive 32;
	}
	server {
		listen 127.0.0.1:${port};
		client_max_body_size 52m;
		proxy_read_timeout 300s;
		proxy_buffer_size 32k;
		proxy_buffers 8 32k;
		proxy_busy_buffers_size 64k;
		location / {
			proxy_pass http://dilna;
			proxy_http_version 1.1;
			proxy_set_header Connection '';
			proxy_set_header Host $http_host;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
			proxy_set_header X-Forwarded-Proto $scheme;
			proxy_next_upstream error timeout http_502 http_503;
		}
	}
}
`;
}

/**
 * Starts PostgreSQL's database, the two instances and nginx. Returns the proxy's URL, each
 * instance's URL and stop(). The instances take the origin from the request (Host and
 * X-Forwarded-Proto, PROTOCOL_HEADER), not ORIGIN, so they answer both through nginx and directly.
 * @param {{ port?: number, serverUrl?: string, env?: Record<string, string>, log?: (line: string) => void }} [options]
 */
export async function startScaleOut({
	port = Number(process.env.SCALE_PORT ?? 4711),
	serverUrl = SERVER_URL,
	env = {},
	log = () => {}
} = {}) {
	const appPorts = [port + 1, port + 2];
	const databaseUrl = await recreateDatabase(serverUrl, `dilna_scale_${port}`);
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dilna-scale-'));
	/** @type {import('node:child_process').ChildProcess[]} */
	const children = [];
	const stop = async () => {
		for (const child of children.reverse()) {
			if (child.exitCode === null) child.kill('SIGTERM');
		}
		await Promise.all(
			children.map((c) =>
				c.exitCode === null ? new Promise((r) => c.once('exit', r)) : Promise.resolve()
			)
		);
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		for (const [i, appPort] of appPorts.entries()) {
			// The demo town on the existing build (scripts/demo.js would rebuild when the sources
			// are newer, and two instances must not build at once).
			const child = spawn(process.execPath, ['--input-type=module', '-e', SERVE], {
				cwd: root,
				stdio: ['ignore', 'pipe', 'pipe'],
				env: {
					...withoutOrigin(process.env),
					PORT: String(appPort),
					HOST: '127.0.0.1',
					DATABASE_URL: databaseUrl,
					PROTOCOL_HEADER: 'x-forwarded-proto',
					ADDRESS_HEADER: 'X-Forwarded-For',
					XFF_DEPTH: '1',
					LOG_LEVEL: 'warn',
					DILNA_DEMO: '1',
					DILNA_SCHEDULER: '0',
					DILNA_REQUIRE_ADMIN_TOTP: 'true',
					SMTP_URL: '',
					...env
				}
			});
			// The instances' own log lines (warnings and errors at LOG_LEVEL=warn) go to the caller too.
			child.stdout.on('data', (d) => log(`[app${i + 1}] ${d}`));
			child.stderr.on('data', (d) => log(`[app${i + 1}] ${d}`));
			children.push(child);
			await waitFor(`http://127.0.0.1:${appPort}/healthz`, child, 300_000);
		}
		mkdirSync(path.join(dir, 'logs'));
		writeFileSync(path.join(dir, 'nginx.conf'), nginxConf(dir, port, appPorts));
		const nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
			stdio: ['ignore', 'ignore', 'pipe']
		});
		nginx.stderr.on('data', (d) => log(`[nginx] ${d}`));
		children.push(nginx);
		await waitFor(`http://127.0.0.1:${port}/healthz`, nginx, 20_000);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		url: `http://127.0.0.1:${port}`,
		instances: appPorts.map((p) => `http://127.0.0.1:${p}`),
		databaseUrl,
		stop
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const why = await missing();
	if (why) {
		console.error(`Cannot run the scale-out topology: ${why}`);
		process.exit(1);
	}
	const topology = await startScaleOut({ log: (line) => process.stderr.write(line) });
	console.log(
		`Dílna behind nginx at ${topology.url} (instances ${topology.instances.join(', ')}, database ${topology.databaseUrl}). Ctrl+C stops it.`
	);
	const end = () => topology.stop().then(() => process.exit(0));
	process.once('SIGINT', end);
	process.once('SIGTERM', end);
}

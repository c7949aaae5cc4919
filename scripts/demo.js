// npm run demo — builds the app if needed, then starts it on the embedded database (or on
// DATABASE_URL) with the demo town seeded into an empty database.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { serve } from './serve.js';

const root = path.resolve(import.meta.dirname, '..');
const buildDir = path.join(root, process.env.BUILD_DIR ?? 'build');

function newest(target) {
	const stat = statSync(target);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(target).map((f) => newest(path.join(target, f))));
}

const sources = ['src', 'messages', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];
const built = existsSync(path.join(buildDir, 'index.js'))
	? newest(path.join(buildDir, 'index.js'))
	: 0;
if (sources.some((s) => newest(path.join(root, s)) > built)) {
	console.log('Building Dílna…');
	const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.chdir(root);
process.env.DILNA_DEMO = '1';
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
// adapter-node assumes https unless told; the demo runs on plain http on this machine. Behind a
// proxy that says the scheme (PROTOCOL_HEADER) the origin comes from each request instead.
if (!process.env.PROTOCOL_HEADER) process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// The demo's admin signs in with the printed password alone; a real office keeps the default
// (admins must set up a second factor before the administration opens).
process.env.DILNA_REQUIRE_ADMIN_TOTP ??= 'false';
await serve(buildDir);
console.log(`Dílna is running at http://localhost:${process.env.PORT}  (Ctrl+C stops it)`);

// npm run lock:check — is package-lock.json complete? Every dependency (optional ones too, for every
// platform) of every locked package must itself be locked. npm ci refuses a lock with a gap as soon
// as the registry carries the missing package, so a gap makes an install that works today and
// fails tomorrow. Needs no node_modules and asks no registry; prints one line and exits 1 on a gap.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const packages = lock.packages ?? {};

/** Node's lookup: the package's own node_modules, then each enclosing one up to the root. */
function locate(from, name) {
	let dir = from;
	for (;;) {
		const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
		if (packages[key]) return key;
		if (!dir) return null;
		const up = dir.lastIndexOf('/node_modules/');
		dir = up < 0 ? '' : dir.slice(0, up);
	}
}

const gaps = [];
for (const [key, entry] of Object.entries(packages)) {
	for (const field of ['dependencies', 'optionalDependencies']) {
		for (const name of Object.keys(entry[field] ?? {})) {
			if (!locate(key, name)) gaps.push(`${name} (wanted by ${key || 'package.json'})`);
		}
	}
}
const declared = { ...manifest.dependencies, ...manifest.devDependencies };
const stale = Object.entries(declared)
	.filter(
		([name, range]) =>
			packages[''] &&
			(packages[''].dependencies?.[name] ?? packages[''].devDependencies?.[name]) !== range
	)
	.map(([name]) => name);

if (stale.length) {
	console.log(
		`package-lock.json is out of step with package.json (${stale.join(', ')}): run npm install and commit the lock file`
	);
	process.exit(1);
}
if (gaps.length) {
	console.log(
		`package-lock.json lacks ${gaps.length} package(s), e.g. ${gaps.slice(0, 3).join(', ')}: see "Adding a dependency" in README.md`
	);
	process.exit(1);
}
console.log(`package-lock.json is complete (${Object.keys(packages).length - 1} packages)`);

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Thrown when another process already holds the embedded database folder. */
export class DataDirLockedError extends Error {
	constructor(
		readonly folder: string,
		readonly pid: number
	) {
		super(
			`The embedded database in ${folder} is in use by another Dílna process (pid ${pid}). ` +
				'Stop that process first, or use a PostgreSQL server through DATABASE_URL.'
		);
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * PGlite lets one process at a time use a data folder; two would corrupt it. A pid file makes a
 * second process (the app, a CLI import) fail with a clear message instead.
 */
export function lockDataDir(folder: string): () => void {
	mkdirSync(folder, { recursive: true });
	const file = path.join(folder, 'dilna.pid');
	try {
		writeFileSync(file, String(process.pid), { flag: 'wx' });
	} catch {
		const pid = Number(readFileSync(file, 'utf8'));
		if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(folder, pid);
		writeFileSync(file, String(process.pid));
	}
	const release = () => {
		try {
			if (Number(readFileSync(file, 'utf8')) === process.pid) rmSync(file);
		} catch {
			// already gone
		}
	};
	process.once('exit', release);
	return release;
}

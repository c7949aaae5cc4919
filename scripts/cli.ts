// Shared by the command-line scripts: open the configured database (holding the embedded
// folder's lock, like the app does) and report failures plainly.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getDb } from '../src/lib/server/db/index';
import { describeTarget, databaseTargetFromEnv } from '../src/lib/server/db/config';
import { DataDirLockedError } from '../src/lib/server/db/lock';

export function argValue(args: string[], name: string): string | undefined {
	const i = args.indexOf(name);
	if (i >= 0) return args[i + 1];
	const prefixed = args.find((a) => a.startsWith(`${name}=`));
	return prefixed?.slice(name.length + 1);
}

/** Messages in the language of LANG (Czech by default), from the app's own message files. */
export function catalogue(): Record<string, string> {
	const lang = (process.env.LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'cs';
	const dir = path.resolve('messages', lang);
	const all: Record<string, string> = {};
	for (const f of existsSync(dir) ? readdirSync(dir) : []) {
		if (f.endsWith('.json')) {
			Object.assign(all, JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
		}
	}
	return all;
}

export async function runCli(main: (db: ReturnType<typeof getDb>) => Promise<number | void>) {
	let db: ReturnType<typeof getDb> | null = null;
	try {
		db = getDb();
		console.error(`Database: ${describeTarget(databaseTargetFromEnv())}`);
		const code = await main(db);
		await db.destroy();
		process.exit(code ?? 0);
	} catch (error) {
		if (error instanceof DataDirLockedError) console.error(error.message);
		else console.error(error instanceof Error ? error.message : error);
		await db?.destroy().catch(() => undefined);
		process.exit(error instanceof DataDirLockedError ? 3 : 1);
	}
}

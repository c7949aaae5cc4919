import path from 'node:path';
import type { DatabaseTarget } from './engine';

/** Where the app's data lives: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded, default ./data). */
export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
	if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
	return { kind: 'pglite', dataDir: path.join(dataDir(env), 'pgdata') };
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
	return path.resolve(env.DATA_DIR || 'data');
}

export function describeTarget(target: DatabaseTarget): string {
	if (target.kind === 'pglite') return `embedded PostgreSQL in ${target.dataDir ?? 'memory'}`;
	const url = new URL(target.url);
	return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

import {
	Kysely,
	PGliteDialect,
	PostgresDialect,
	type DatabaseConnection,
	type Driver
} from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from './schema';

/** Type OIDs we parse the same way on both engines. */
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// Money is bigint haléře, so int8 must arrive as BigInt (pg gives strings, PGlite numbers).
// `date` stays an ISO string: a JS Date would shift it by the server's time zone.
// `numeric` stays a string so no binary float ever touches it.
const parsers: Record<number, (value: string) => unknown> = {
	[INT8]: (value) => BigInt(value),
	[NUMERIC]: (value) => value,
	[DATE]: (value) => value
};

export type DatabaseTarget =
	{ kind: 'postgres'; url: string; maxConnections?: number } | { kind: 'pglite'; dataDir?: string };

/** Opens Kysely on a PostgreSQL server or on embedded PGlite (in memory when dataDir is absent). */
export function openDatabase(target: DatabaseTarget): Kysely<Database> {
	if (target.kind === 'postgres') {
		const pool = new pg.Pool({
			connectionString: target.url,
			max: target.maxConnections ?? 10,
			types: {
				getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
					parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
			}
		});
		// An idle connection closed by the server (restart, failover) must not crash the process;
		// the pool opens a new one on the next query.
		pool.on('error', () => undefined);
		return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	}
	const db: Kysely<Database> = new Kysely<Database>({
		dialect: new SerializedPGliteDialect({
			pglite: () => {
				const pglite = new PGlite({ dataDir: target.dataDir, parsers });
				embedded.set(db, pglite);
				return pglite;
			}
		})
	});
	return db;
}

const embedded = new WeakMap<Kysely<Database>, PGlite>();

/**
 * The PGlite instance under an embedded database, once it has run a query; for what Kysely cannot
 * say (the benchmark's COPY from a blob). Undefined on PostgreSQL.
 */
export function pgliteOf(db: Kysely<Database>): PGlite | undefined {
	return embedded.get(db);
}

/**
 * PGlite is a single connection, and Kysely's PGlite driver hands it out to every caller at once,
 * so a query from another request could run inside an open transaction. The mutex gives the
 * connection to one caller (one query, or one whole transaction) at a time.
 */
class SerializedPGliteDialect extends PGliteDialect {
	override createDriver(): Driver {
		return new SerializedDriver(super.createDriver());
	}
}

class SerializedDriver implements Driver {
	#inner: Driver;
	#queue: Promise<void> = Promise.resolve();
	#release: (() => void) | null = null;

	constructor(inner: Driver) {
		this.#inner = inner;
	}

	init() {
		return this.#inner.init();
	}

	async acquireConnection(): Promise<DatabaseConnection> {
		const previous = this.#queue;
		let release!: () => void;
		this.#queue = new Promise<void>((resolve) => (release = resolve));
		await previous;
		this.#release = release;
		return this.#inner.acquireConnection();
	}

	async releaseConnection(connection: DatabaseConnection): Promise<void> {
		await this.#inner.releaseConnection(connection);
		const release = this.#release;
		this.#release = null;
		release?.();
	}

	beginTransaction(...args: Parameters<Driver['beginTransaction']>) {
		return this.#inner.beginTransaction(...args);
	}
	commitTransaction(connection: DatabaseConnection) {
		return this.#inner.commitTransaction(connection);
	}
	rollbackTransaction(connection: DatabaseConnection) {
		return this.#inner.rollbackTransaction(connection);
	}
	savepoint(...args: Parameters<NonNullable<Driver['savepoint']>>) {
		return this.#inner.savepoint!(...args);
	}
	rollbackToSavepoint(...args: Parameters<NonNullable<Driver['rollbackToSavepoint']>>) {
		return this.#inner.rollbackToSavepoint!(...args);
	}
	releaseSavepoint(...args: Parameters<NonNullable<Driver['releaseSavepoint']>>) {
		return this.#inner.releaseSavepoint!(...args);
	}
	destroy() {
		return this.#inner.destroy();
	}
}

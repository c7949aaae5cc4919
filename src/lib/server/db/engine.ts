import {
	CompiledQuery,
	Kysely,
	PGliteDialect,
	PostgresDialect,
	type DatabaseConnection,
	type Driver,
	type PostgresPool
} from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
		return new Kysely<Database>({ dialect: new PostgresDialect({ pool: copyingPool(pool) }) });
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

/** `copy <table> (<columns>) from stdin`, the one statement `copyFromStdin` sends. */
const COPY_FROM_STDIN = /^copy [a-z_]+ \([a-z_, ]+\) from stdin$/;

/**
 * The pool Kysely gets on PostgreSQL: the same connections, each able to run COPY FROM STDIN
 * (pg-copy-streams) for `copyFromStdin`, so COPY runs on the connection, and in the transaction,
 * of the Kysely executor that asked. Everything else goes to the connection unchanged.
 */
function copyingPool(pool: pg.Pool): PostgresPool {
	const wrapped = new WeakMap<pg.PoolClient, pg.PoolClient>();
	const connect = async () => {
		const client = await pool.connect();
		let connection = wrapped.get(client);
		if (!connection) {
			const query = (text: unknown, params?: unknown[]) =>
				typeof text === 'string' && COPY_FROM_STDIN.test(text) && params?.length === 1
					? copyIn(client, text, params[0] as Iterable<string>)
					: client.query(text as string, params);
			connection = new Proxy(client, {
				get: (target, name) => {
					if (name === 'query') return query;
					const value: unknown = Reflect.get(target, name, target);
					return typeof value === 'function' ? value.bind(target) : value;
				}
			});
			wrapped.set(client, connection);
		}
		return connection;
	};
	return new Proxy(pool, {
		get: (target, name) => {
			if (name === 'connect') return connect;
			const value: unknown = Reflect.get(target, name, target);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	}) as unknown as PostgresPool;
}

async function copyIn(client: pg.PoolClient, text: string, chunks: Iterable<string>) {
	const stream = client.query(copyFrom(text));
	await pipeline(Readable.from(chunks), stream);
	return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}

/**
 * COPY FROM STDIN on PostgreSQL, on the executor's own connection (inside its transaction when
 * it is one): `chunks` are lines of COPY's text format (see `copyText`). Not for PGlite.
 */
export async function copyFromStdin(
	db: Kysely<Database>,
	table: string,
	columns: readonly string[],
	chunks: Iterable<string>
): Promise<void> {
	const statement = `copy ${table} (${columns.join(', ')}) from stdin`;
	if (!COPY_FROM_STDIN.test(statement)) throw new Error(`not a COPY this can send: ${statement}`);
	await db.executeQuery(CompiledQuery.raw(statement, [chunks]));
}

/** A value in COPY's text format: `\N` for null; backslash, tab and line breaks escaped. */
export function copyValue(x: string | number | boolean | null): string {
	if (x === null) return '\\N';
	return String(x).replace(/[\\\t\n\r]/g, (c) =>
		c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'
	);
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
		// PGlite runs each query on this thread, and a chain of queries handed on by promises never
		// lets the event loop poll its sockets. Since libuv accepts one connection per loop turn,
		// a busy server then left new connections waiting for seconds (64 busy connections: up to
		// 10 s). Taking the connection on the loop's next turn lets it read and accept between
		// queries.
		await new Promise<void>((resolve) => setImmediate(resolve));
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

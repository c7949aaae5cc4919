// The optimistic-locking sequence every edit of a versioned record follows, written once: lock
// the row (forUpdate, so two saves queue up), check the version the form was loaded with, write
// with `version + 1`, and — the caller, in the same transaction — record the change in the audit
// log. Deletes check their dependants first and explain a foreign key still pointing at the row.
import { sql, type Kysely, type Selectable, type UpdateObject } from 'kysely';
import type { Executor } from '../audit/audit';
import type { Database } from '../db/schema';
import {
	ConflictError,
	DependantsError,
	NotFoundError,
	refuseIfDependants,
	type Dependant
} from './errors';

/** The tables whose rows have a numeric id and a version. */
export type VersionedTable = {
	[T in keyof Database]: Selectable<Database[T]> extends {
		id: number | bigint;
		version: number;
	}
		? T
		: never;
}[keyof Database];

export type VersionedRow<T extends VersionedTable> = Selectable<Database[T]>;

/** The tables whose rows carry a version, whatever their key (a unit's year, a KPI's target…). */
export type VersionCarryingTable = {
	[T in keyof Database]: Selectable<Database[T]> extends { version: number | bigint } ? T : never;
}[keyof Database];

/** The key columns and values naming one row of `T`, e.g. `{ org_unit_id: 3, year: 2026 }`. */
export type RowKeys<T extends keyof Database> = Partial<Selectable<Database[T]>>;

// Kysely cannot type a query over a table chosen by a type parameter: VersionedTable checks the
// shape, and the queries run on an untyped view of the same executor (same transaction).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (db: Executor) => db as unknown as Kysely<any>;

/** Locks the row for the rest of the transaction; NotFoundError(`entity`) when there is none. */
export async function lockForUpdate<T extends VersionedTable>(
	trx: Executor,
	table: T,
	id: number | bigint,
	entity: string = table
): Promise<VersionedRow<T>> {
	const row = (await untyped(trx)
		.selectFrom(table as string)
		.selectAll()
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst()) as VersionedRow<T> | undefined;
	if (!row) throw new NotFoundError(entity);
	return row;
}

/**
 * Locks the row matching every key (forUpdate) for the rest of the transaction; undefined when
 * there is none yet (a year or a period nobody has filled in).
 */
export async function lockByKeys<T extends VersionCarryingTable>(
	trx: Executor,
	table: T,
	keys: RowKeys<T>
): Promise<Selectable<Database[T]> | undefined> {
	let q = untyped(trx)
		.selectFrom(table as string)
		.selectAll();
	for (const [column, value] of Object.entries(keys)) q = q.where(column, '=', value);
	return (await q.forUpdate().executeTakeFirst()) as Selectable<Database[T]> | undefined;
}

/**
 * Refuses a save made from an outdated form: ConflictError carrying what is stored now (the row,
 * or the view of it the form shows).
 */
export function expectVersion<R extends { version: number }>(
	row: R,
	version: number | null,
	current: (row: R) => unknown = (r) => r
): void {
	if (row.version !== version) throw new ConflictError(current(row));
}

/**
 * The same for a row the form may have shown as missing (`version` null): a row saved since, or
 * one deleted since, is a conflict carrying what is stored now (null: nothing).
 */
export function expectVersionOrNone<R extends { version: number }>(
	row: R | undefined,
	version: number | null,
	current: (row: R) => unknown = (r) => r
): void {
	if ((row?.version ?? null) !== version) throw new ConflictError(row ? current(row) : null);
}

/**
 * Saves the row named by `keys` after `lockByKeys`: `version + 1` on the row `existing`, or a new
 * row of the keys and values when there was none.
 */
export async function saveByKeys<T extends VersionCarryingTable>(
	trx: Executor,
	table: T,
	keys: RowKeys<T>,
	existing: boolean,
	values: Record<string, unknown>
): Promise<void> {
	if (existing) {
		let q = untyped(trx)
			.updateTable(table as string)
			.set({ ...values, version: sql`version + 1` });
		for (const [column, value] of Object.entries(keys)) q = q.where(column, '=', value);
		await q.execute();
	} else {
		await untyped(trx)
			.insertInto(table as string)
			.values({ ...keys, ...values })
			.execute();
	}
}

/** Writes the values (plain or SQL, e.g. `updated_at: sql`now()``) with `version + 1`; returns the row as stored. */
export async function updateVersioned<T extends VersionedTable>(
	trx: Executor,
	table: T,
	id: number | bigint,
	values: Omit<UpdateObject<Database, T>, 'version'>
): Promise<VersionedRow<T>> {
	return (await untyped(trx)
		.updateTable(table as string)
		.set({ ...(values as Record<string, unknown>), version: sql`version + 1` })
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow()) as VersionedRow<T>;
}

/** How many rows of `table` have `column` = `id` (what depends on a record about to be deleted). */
export async function countWhere(
	db: Executor,
	table: keyof Database,
	column: string,
	id: number | bigint
): Promise<number> {
	const row = await untyped(db)
		.selectFrom(table as string)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where(column, '=', id)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** What still points at a record: each message key with how many rows of `table`.`column` name it. */
export async function countDependants(
	db: Executor,
	id: number | bigint,
	refs: { key: string; table: keyof Database; column: string }[]
): Promise<Dependant[]> {
	return Promise.all(
		refs.map(async (r) => ({ key: r.key, count: await countWhere(db, r.table, r.column, id) }))
	);
}

/**
 * Deletes the row unless something depends on it: the dependants the area counts are refused by
 * name; a foreign key from another area still pointing at the row (e.g. an initiative) is refused
 * as `processes_dep_other`. Nothing is deleted either way.
 */
export async function deleteOrExplain(
	trx: Executor,
	table: VersionedTable,
	id: number | bigint,
	dependants: Dependant[] = []
): Promise<void> {
	refuseIfDependants(dependants);
	try {
		await untyped(trx)
			.deleteFrom(table as string)
			.where('id', '=', id)
			.execute();
	} catch (e) {
		if ((e as { code?: string }).code === '23503') {
			throw new DependantsError([{ key: 'processes_dep_other', count: 1 }]);
		}
		throw e;
	}
}

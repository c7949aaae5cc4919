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

// The optimistic-locking sequence every edit of a versioned record follows, written once: lock
// the row (forUpdate, so two saves queue up), check the version the form was loaded with, write
// with `version + 1`, and — the caller, in the same transaction — record the change in the audit
// log. Deletes check their dependants first and explain a foreign key still pointing at the row.
import { sql, type Insertable, type Kysely, type Selectable, type UpdateObject } from 'kysely';
import { record, type Executor } from '../audit/audit';
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

/** The tables edited through forms: a numeric id, a version and an `updated_at` stamp. */
export type EditedTable = {
	[T in VersionedTable]: Selectable<Database[T]> extends { updated_at: Date } ? T : never;
}[VersionedTable];

/** Who changes what, for the audit record written in the same transaction. */
export interface Change {
	userId: number | null;
	action: string;
	entity: string;
}

/** The changes of one entity: `auditedAs('goal')(actor, 'update')` is a `goal.update` by the actor. */
export function auditedAs(entity: string) {
	return (actor: { id: number }, what: string): Change => ({
		userId: actor.id,
		action: `${entity}.${what}`,
		entity
	});
}

/** Inserts a record and records its creation (`after`: what the log keeps, from the row). */
export async function createAudited<T extends EditedTable>(
	trx: Executor,
	table: T,
	values: Insertable<Database[T]>,
	change: Change,
	after: (row: VersionedRow<T>) => unknown
): Promise<VersionedRow<T>> {
	const row = (await untyped(trx)
		.insertInto(table as string)
		.values(values as Record<string, unknown>)
		.returningAll()
		.executeTakeFirstOrThrow()) as VersionedRow<T>;
	const { id } = row as unknown as { id: number | bigint };
	await record(trx, {
		...change,
		entityId: typeof id === 'bigint' ? String(id) : id,
		after: after(row)
	});
	return row;
}

/**
 * The edit of a form's record, in the caller's transaction: lock the row, let `guard` refuse the
 * actor, refuse a stale
 * `version` (the conflict shows `view` of the stored row; null skips the check), run the area's
 * `check` on the row as locked, write `values` with `version + 1` and a fresh `updated_at`, and
 * record `view` of the row before and `after` (by default `view` of the row as saved).
 */
export async function editAudited<T extends EditedTable>(
	trx: Executor,
	table: T,
	id: number,
	version: number | null,
	edit: {
		change: Change;
		view: (row: VersionedRow<T>) => unknown;
		values: (before: VersionedRow<T>) => Omit<UpdateObject<Database, T>, 'version'>;
		/** may this actor edit this row at all (before the version is compared) */
		guard?: (before: VersionedRow<T>) => void;
		check?: (before: VersionedRow<T>) => Promise<void> | void;
		after?: unknown;
		/** what a conflict shows of the stored row, when it is not `view` */
		current?: (row: VersionedRow<T>) => unknown;
		/** the NotFoundError's entity, when it is not the table's name */
		entity?: string;
	}
): Promise<{ before: VersionedRow<T>; after: VersionedRow<T> }> {
	const before = await lockForUpdate(trx, table, id, edit.entity);
	edit.guard?.(before);
	if (version !== null) {
		const current = edit.current ?? edit.view;
		expectVersion(before as VersionedRow<T> & { version: number }, version, (r) => current(r));
	}
	await edit.check?.(before);
	const after = await updateVersioned(trx, table, id, {
		...edit.values(before),
		updated_at: sql`now()`
	} as Omit<UpdateObject<Database, T>, 'version'>);
	await record(trx, {
		...edit.change,
		entityId: id,
		before: edit.view(before),
		after: 'after' in edit ? edit.after : edit.view(after)
	});
	return { before, after };
}

/**
 * Deletes a record nothing depends on, in the caller's transaction: lock it, count what depends
 * on it (refused by name), delete or explain, and record `view` of what was deleted.
 */
export async function removeAudited<T extends VersionedTable>(
	trx: Executor,
	table: T,
	id: number,
	remove: {
		change: Change;
		view: (row: VersionedRow<T>) => unknown;
		dependants?: () => Promise<Dependant[]>;
		/** deletes the rows that belong to the record and go with it (e.g. its yearly figures) */
		owned?: () => Promise<unknown>;
		/** the NotFoundError's entity, when it is not the table's name */
		entity?: string;
	}
): Promise<VersionedRow<T>> {
	const before = await lockForUpdate(trx, table, id, remove.entity);
	refuseIfDependants((await remove.dependants?.()) ?? []);
	await remove.owned?.();
	await deleteOrExplain(trx, table, id);
	await record(trx, { ...remove.change, entityId: id, before: remove.view(before) });
	return before;
}

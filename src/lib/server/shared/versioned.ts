// The optimistic-locking sequence every edit of a versioned record follows, written once: lock
// the row (forUpdate, so two saves queue up), check the version the form was loaded with, write
// with `version + 1`, and — the caller, in the same transaction — record the change in the audit
// log. Deletes check their dependants first and explain a foreign key still pointing at the row.
import { sql, type Insertable, type Kysely, type Selectable, type UpdateObject } from 'kysely';
import { record, type Executor } from '../audit/audit';
import type { Database } from '../db/schema';
import type { SessionUser } from '../auth/session';
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

/**
 * Deletes the row of `table` named by `keys` (a link, a holder, a year's budget); returns its
 * `columns` as they were (for the audit log), undefined when there was no such row.
 */
export async function deleteByKeys<
	T extends keyof Database,
	C extends keyof Selectable<Database[T]> & string = never
>(
	db: Executor,
	table: T,
	keys: RowKeys<T>,
	columns: readonly C[] = []
): Promise<Pick<Selectable<Database[T]>, C> | undefined> {
	let q = untyped(db).deleteFrom(table as string);
	for (const [column, value] of Object.entries(keys)) q = q.where(column, '=', value);
	if (!columns.length) {
		await q.execute();
		return undefined;
	}
	return (await q.returning(columns as readonly string[]).executeTakeFirst()) as
		Pick<Selectable<Database[T]>, C> | undefined;
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

/**
 * Runs `work` in the caller's transaction when `db` is one, else in a transaction of its own: a
 * service's write is one commit, and another area's service can make it part of its own.
 */
export function inTransaction<R>(db: Executor, work: (trx: Executor) => Promise<R>): Promise<R> {
	return db.isTransaction ? work(db) : db.transaction().execute(work);
}

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

/**
 * The one signature of every area's edit of a versioned record: who edits which record, from the
 * version their form was read at, to what. A stale version is refused with nothing written.
 */
export type EditRecord<Input> = (
	db: Kysely<Database>,
	actor: SessionUser,
	id: number,
	version: number,
	input: Input
) => Promise<void>;

/**
 * Creates a record and records its creation, in one transaction (the caller's, or its own):
 * `check` refuses the input first, and the log keeps `view` of the row as inserted.
 */
export async function createAudited<T extends EditedTable>(
	db: Executor,
	table: T,
	create: {
		change: Change;
		values: Insertable<Database[T]>;
		view: (row: VersionedRow<T>) => unknown;
		check?: (trx: Executor) => Promise<void> | void;
	}
): Promise<VersionedRow<T>> {
	return inTransaction(db, async (trx) => {
		await create.check?.(trx);
		const row = (await untyped(trx)
			.insertInto(table as string)
			.values(create.values as Record<string, unknown>)
			.returningAll()
			.executeTakeFirstOrThrow()) as VersionedRow<T>;
		const { id } = row as unknown as { id: number | bigint };
		await record(trx, {
			...create.change,
			entityId: typeof id === 'bigint' ? String(id) : id,
			after: create.view(row)
		});
		return row;
	});
}

/**
 * The edit of a form's record, in one transaction (the caller's, or its own): lock the row, let
 * `guard` refuse the actor, refuse a stale `version` (the conflict shows `current`, by default
 * `view`, of the stored row; null skips the check), run the area's `check` on the row as locked,
 * write `values` with `version + 1` and a fresh `updated_at`, and record `view` of the row before
 * and `after` (by default `view` of the row as saved).
 */
export async function editAudited<T extends EditedTable>(
	db: Executor,
	table: T,
	id: number,
	version: number | null,
	edit: {
		/** the change, or the change as it depends on the row before (a move, a completion…) */
		change: Change | ((before: VersionedRow<T>) => Change);
		view: (row: VersionedRow<T>) => unknown;
		values: (before: VersionedRow<T>) => Omit<UpdateObject<Database, T>, 'version'>;
		/** may this actor edit this row at all (before the version is compared) */
		guard?: (before: VersionedRow<T>) => void;
		check?: (trx: Executor, before: VersionedRow<T>) => Promise<void> | void;
		/** what the log keeps of the change, when it is not `view` of the row as saved */
		after?: (saved: VersionedRow<T>) => unknown;
		/** what a conflict shows of the stored row, when it is not `view` */
		current?: (row: VersionedRow<T>) => unknown;
		/** the NotFoundError's entity, when it is not the table's name */
		entity?: string;
	}
): Promise<{ before: VersionedRow<T>; after: VersionedRow<T> }> {
	return inTransaction(db, async (trx) => {
		const before = await lockForUpdate(trx, table, id, edit.entity);
		edit.guard?.(before);
		if (version !== null) {
			const current = edit.current ?? edit.view;
			expectVersion(before as VersionedRow<T> & { version: number }, version, (r) => current(r));
		}
		await edit.check?.(trx, before);
		const after = await updateVersioned(trx, table, id, {
			...edit.values(before),
			updated_at: sql`now()`
		} as Omit<UpdateObject<Database, T>, 'version'>);
		await record(trx, {
			...(typeof edit.change === 'function' ? edit.change(before) : edit.change),
			entityId: id,
			before: edit.view(before),
			after: (edit.after ?? edit.view)(after)
		});
		return { before, after };
	});
}

/** What the audit log keeps of a change to what belongs to a record (see `changeAudited`). */
export interface Logged {
	before?: unknown;
	after?: unknown;
}

/**
 * A change to what belongs to a record (its roles, links, budget…) rather than to its columns, in
 * one transaction (the caller's, or its own): lock the record, let `guard` refuse the actor,
 * refuse a stale `version` (the conflict shows `current` of the stored row; null skips the check),
 * let `work` make the change and say what the log keeps of it (null: nothing changed and nothing
 * is recorded), with `touch` write the record's `version + 1` and a fresh `updated_at`, and record
 * the change under the record's id. Returns what `work` returned.
 */
export async function changeAudited<T extends EditedTable, W extends Logged | null>(
	db: Executor,
	table: T,
	id: number,
	version: number | null,
	spec: {
		change: Change;
		work: (trx: Executor, row: VersionedRow<T>) => Promise<W>;
		/** may this actor change this record at all (before the version is compared) */
		guard?: (row: VersionedRow<T>) => void;
		/** what a conflict shows of the stored row, when it is not the row itself */
		current?: (row: VersionedRow<T>) => unknown;
		/** the record's own version goes up with the change (a form showing it is then stale) */
		touch?: boolean;
		/** the NotFoundError's entity, when it is not the table's name */
		entity?: string;
	}
): Promise<W> {
	return inTransaction(db, async (trx) => {
		const row = await lockForUpdate(trx, table, id, spec.entity);
		spec.guard?.(row);
		if (version !== null) {
			expectVersion(row as VersionedRow<T> & { version: number }, version, spec.current);
		}
		const logged = await spec.work(trx, row);
		if (logged === null) return logged;
		if (spec.touch) {
			const touched = { updated_at: sql`now()` } as unknown;
			await updateVersioned(trx, table, id, touched as Omit<UpdateObject<Database, T>, 'version'>);
		}
		await record(trx, {
			...spec.change,
			entityId: id,
			before: logged.before,
			after: logged.after
		});
		return logged;
	});
}

/**
 * Deletes a record nothing depends on, in one transaction (the caller's, or its own): lock it,
 * count what depends on it (refused by name), delete what it owns, delete it or explain, and
 * record `view` of what was deleted.
 */
export async function removeAudited<T extends VersionedTable>(
	db: Executor,
	table: T,
	id: number,
	remove: {
		change: Change;
		view: (row: VersionedRow<T>) => unknown;
		dependants?: (trx: Executor) => Promise<Dependant[]>;
		/** deletes the rows that belong to the record and go with it (e.g. its yearly figures) */
		owned?: (trx: Executor) => Promise<unknown>;
		/** the NotFoundError's entity, when it is not the table's name */
		entity?: string;
	}
): Promise<VersionedRow<T>> {
	return inTransaction(db, async (trx) => {
		const before = await lockForUpdate(trx, table, id, remove.entity);
		refuseIfDependants((await remove.dependants?.(trx)) ?? []);
		await remove.owned?.(trx);
		await deleteOrExplain(trx, table, id);
		await record(trx, { ...remove.change, entityId: id, before: remove.view(before) });
		return before;
	});
}

/**
 * Saves the row of `table` named by `keys` (a year's figures, a period's target…) in the caller's
 * transaction, after it has locked the record the row belongs to: lock the row, refuse a stale
 * `version` (null: the form showed none; 'any': no check; the conflict shows `current`, by default
 * `view`), run `check` on the row as stored, write `values` (`version + 1`, or a new row), and
 * record `view` of the row before (null: none) and `after` under `entityId`.
 */
export async function saveByKeysAudited<T extends VersionCarryingTable>(
	trx: Executor,
	table: T,
	keys: RowKeys<T>,
	version: number | null | 'any',
	save: {
		change: Change;
		entityId: number;
		view: (row: Selectable<Database[T]>) => unknown;
		values: Record<string, unknown>;
		after: unknown;
		check?: (before: Selectable<Database[T]> | undefined) => void;
		current?: (row: Selectable<Database[T]>) => unknown;
	}
): Promise<Selectable<Database[T]> | undefined> {
	const before = await lockByKeys(trx, table, keys);
	if (version !== 'any') {
		const current = save.current ?? save.view;
		expectVersionOrNone(
			before as (Selectable<Database[T]> & { version: number }) | undefined,
			version,
			(r) => current(r)
		);
	}
	save.check?.(before);
	await saveByKeys(trx, table, keys, before !== undefined, save.values);
	await record(trx, {
		...save.change,
		entityId: save.entityId,
		before: before ? save.view(before) : null,
		after: save.after
	});
	return before;
}

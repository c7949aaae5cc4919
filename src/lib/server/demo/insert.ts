// The demo seed's one write helper: insert rows that carry a code and learn their ids by code,
// so later rows can point at them.
import type { Insertable, Kysely } from 'kysely';
import type { Executor } from '../audit/audit';
import type { Database } from '../db/schema';

type CodedTable = 'process' | 'info_asset' | 'kpi' | 'programme_activity' | 'initiative';

/** Inserts the rows; returns each one's id by its code. */
export async function insertCoded<T extends CodedTable>(
	trx: Executor,
	table: T,
	rows: Insertable<Database[T]>[]
): Promise<Record<string, number>> {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const inserted: { id: number; code: string }[] = await (trx as unknown as Kysely<any>)
		.insertInto(table)
		.values(rows)
		.returning(['id', 'code'])
		.execute();
	return Object.fromEntries(inserted.map((r) => [r.code, r.id]));
}

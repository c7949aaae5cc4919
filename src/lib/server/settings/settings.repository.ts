import { sql } from 'kysely';
import type { Executor } from '../audit/audit';

export function find(db: Executor, key: string) {
	return db
		.selectFrom('app_setting')
		.select(['value', 'updated_at'])
		.where('key', '=', key)
		.executeTakeFirst();
}

/** Serialises saves of one key for the rest of the transaction, also before its row exists. */
export async function lockKey(trx: Executor, key: string): Promise<void> {
	await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** Writes the key's value (JSON), stamped with the transaction's own clock. */
export async function upsert(trx: Executor, key: string, value: unknown): Promise<void> {
	await trx
		.insertInto('app_setting')
		.values({ key, value: JSON.stringify(value), updated_at: sql`clock_timestamp()` })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				value: (eb) => eb.ref('excluded.value'),
				updated_at: (eb) => eb.ref('excluded.updated_at')
			})
		)
		.execute();
}

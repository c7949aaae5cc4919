import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import type { Db } from '../db';
import { ConflictError } from '../users/users';
import { PUBLIC_PAGE_KEY, toPublicPageSettings, type PublicPageSettings } from './settings';

export interface Stored<T> {
	value: T;
	/** When it was last saved (ISO); the form posts it back to detect concurrent edits. */
	version: string;
}

export async function getPublicPage(db: Executor): Promise<Stored<PublicPageSettings>> {
	const row = await db
		.selectFrom('app_setting')
		.select(['value', 'updated_at'])
		.where('key', '=', PUBLIC_PAGE_KEY)
		.executeTakeFirst();
	return {
		value: toPublicPageSettings(row?.value),
		version: row ? row.updated_at.toISOString() : ''
	};
}

/**
 * Saves the public page settings. `version` is what the form loaded; if someone saved in between,
 * nothing is written and ConflictError carries the current settings.
 */
export async function savePublicPage(
	db: Db,
	actorId: number,
	version: string,
	next: PublicPageSettings
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		// Lock the row (or, before the first save, serialise on the key with an advisory lock).
		await sql`select pg_advisory_xact_lock(hashtext(${PUBLIC_PAGE_KEY}))`.execute(trx);
		const current = await getPublicPage(trx);
		if (current.version !== version) throw new ConflictError(current);
		await trx
			.insertInto('app_setting')
			.values({
				key: PUBLIC_PAGE_KEY,
				value: JSON.stringify(next),
				updated_at: sql`clock_timestamp()`
			})
			.onConflict((oc) =>
				oc.column('key').doUpdateSet({
					value: (eb) => eb.ref('excluded.value'),
					updated_at: (eb) => eb.ref('excluded.updated_at')
				})
			)
			.execute();
		await audit.record(trx, {
			userId: actorId,
			action: 'setting.update',
			entity: 'setting',
			entityId: PUBLIC_PAGE_KEY,
			before: current.value,
			after: next
		});
	});
}

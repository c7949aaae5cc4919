import type { Executor } from '../audit/audit';
import type { Role } from '../db/schema';
import { lockForUpdate } from '../shared/versioned';

export function all(db: Executor) {
	return db.selectFrom('app_user').selectAll().orderBy('username').execute();
}

/**
 * Active staff users (in one of `roles`, when given), by display name: the owner and people
 * selects. Guests own nothing and are never offered.
 */
export function active(db: Executor, roles?: readonly Role[]) {
	let q = db
		.selectFrom('app_user')
		.select(['id', 'display_name', 'role'])
		.where('active', '=', true)
		.where('role', '!=', 'guest');
	if (roles) q = q.where('role', 'in', roles);
	return q.orderBy('display_name').execute();
}

/** The user of a (normalised) username. */
export function findByUsername(db: Executor, username: string) {
	return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export const lockById = (trx: Executor, id: number) => lockForUpdate(trx, 'app_user', id, 'user');

export function findPasswordHash(db: Executor, id: number) {
	return db.selectFrom('app_user').select('password_hash').where('id', '=', id).executeTakeFirst();
}

export async function count(db: Executor): Promise<number> {
	const row = await db
		.selectFrom('app_user')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

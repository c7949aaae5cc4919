import type { Insertable } from 'kysely';
import type { Executor } from '../audit/audit';
import type { Database } from '../db/schema';
import { lockForUpdate } from '../shared/versioned';

/** Every token with its user, live ones first, newest first. */
export function all(db: Executor) {
	return db
		.selectFrom('api_token')
		.innerJoin('app_user', 'app_user.id', 'api_token.user_id')
		.select([
			'api_token.id',
			'api_token.name',
			'api_token.user_id',
			'api_token.created_at',
			'api_token.last_used_at',
			'api_token.revoked_at',
			'api_token.version',
			'api_token.scope',
			'app_user.username',
			'app_user.display_name',
			'app_user.role'
		])
		.orderBy('api_token.revoked_at', (o) => o.nullsFirst())
		.orderBy('api_token.id', 'desc')
		.execute();
}

/** The user a token is issued for. */
export function findUser(db: Executor, userId: number) {
	return db
		.selectFrom('app_user')
		.select(['id', 'username', 'active'])
		.where('id', '=', userId)
		.executeTakeFirst();
}

export function insert(trx: Executor, values: Insertable<Database['api_token']>) {
	return trx.insertInto('api_token').values(values).returning('id').executeTakeFirstOrThrow();
}

export const lockById = (trx: Executor, id: number) => lockForUpdate(trx, 'api_token', id);

/** The token of a hash with its user. */
export function findByHash(db: Executor, tokenHash: string) {
	return db
		.selectFrom('api_token')
		.innerJoin('app_user', 'app_user.id', 'api_token.user_id')
		.select([
			'api_token.id',
			'api_token.revoked_at',
			'api_token.last_used_at',
			'api_token.scope',
			'app_user.id as user_id',
			'app_user.username',
			'app_user.display_name',
			'app_user.role',
			'app_user.active'
		])
		.where('api_token.token_hash', '=', tokenHash)
		.executeTakeFirst();
}

export async function touch(db: Executor, id: number, at: Date): Promise<void> {
	await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

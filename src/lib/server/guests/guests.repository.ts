import { sql } from 'kysely';
import type { Executor } from '../audit/audit';
import type { GuestScopeKind } from '../db/schema';

/** A guest's grant and the ids of their scope, or undefined when they have none. */
export async function grant(db: Executor, userId: number) {
	const row = await db
		.selectFrom('guest_access')
		.selectAll()
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (!row) return undefined;
	const scope = await db
		.selectFrom('guest_scope')
		.select(['kind', 'object_id'])
		.where('user_id', '=', userId)
		.orderBy('object_id')
		.execute();
	return { row, scope };
}

export function lockGrant(trx: Executor, userId: number) {
	return trx
		.selectFrom('guest_access')
		.selectAll()
		.where('user_id', '=', userId)
		.forUpdate()
		.executeTakeFirst();
}

/** Every guest with their account, newest first. */
export function all(db: Executor) {
	return db
		.selectFrom('guest_access as g')
		.innerJoin('app_user as u', 'u.id', 'g.user_id')
		.select([
			'g.user_id',
			'g.expires_on',
			'g.council_report',
			'g.may_score',
			'g.purpose',
			'g.created_at',
			'g.revoked_at',
			'g.version',
			'u.username',
			'u.display_name',
			(eb) =>
				eb
					.selectFrom('guest_invitation as i')
					.select(sql<boolean>`bool_or(i.used_at is not null)`.as('accepted'))
					.whereRef('i.user_id', '=', 'g.user_id')
					.as('accepted')
		])
		.orderBy('g.created_at', 'desc')
		.orderBy('g.user_id', 'desc')
		.execute();
}

export function scopes(db: Executor) {
	return db.selectFrom('guest_scope').select(['user_id', 'kind', 'object_id']).execute();
}

export async function insertGrant(
	trx: Executor,
	values: {
		userId: number;
		expiresOn: string;
		councilReport: boolean;
		mayScore: boolean;
		purpose: string;
		invitedBy: number;
	},
	scope: { kind: GuestScopeKind; objectId: number }[]
) {
	await trx
		.insertInto('guest_access')
		.values({
			user_id: values.userId,
			expires_on: values.expiresOn,
			council_report: values.councilReport,
			may_score: values.mayScore,
			purpose: values.purpose,
			invited_by: values.invitedBy
		})
		.execute();
	if (scope.length) {
		await trx
			.insertInto('guest_scope')
			.values(scope.map((s) => ({ user_id: values.userId, kind: s.kind, object_id: s.objectId })))
			.execute();
	}
}

export function revokeGrant(trx: Executor, userId: number, now: Date) {
	return trx
		.updateTable('guest_access')
		.set({ revoked_at: now, version: sql`version + 1` })
		.where('user_id', '=', userId)
		.execute();
}

export function insertInvitation(
	trx: Executor,
	userId: number,
	tokenHash: string,
	expiresAt: Date,
	now: Date
) {
	return trx
		.insertInto('guest_invitation')
		.values({ user_id: userId, token_hash: tokenHash, expires_at: expiresAt, created_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
}

/** The invitation of a token's hash, locked, with its guest's account. */
export function lockInvitation(trx: Executor, tokenHash: string) {
	return trx
		.selectFrom('guest_invitation as i')
		.innerJoin('app_user as u', 'u.id', 'i.user_id')
		.select([
			'i.id',
			'i.user_id',
			'i.expires_at',
			'i.used_at',
			'u.username',
			'u.display_name',
			'u.active',
			'u.role'
		])
		.where('i.token_hash', '=', tokenHash)
		.forUpdate(['i'])
		.executeTakeFirst();
}

export function findInvitation(db: Executor, tokenHash: string) {
	return db
		.selectFrom('guest_invitation as i')
		.innerJoin('app_user as u', 'u.id', 'i.user_id')
		.select(['i.id', 'i.user_id', 'i.expires_at', 'i.used_at', 'u.display_name', 'u.active'])
		.where('i.token_hash', '=', tokenHash)
		.executeTakeFirst();
}

/** Marks every open invitation of a guest used: one link signs in once, revoking closes all. */
export function closeInvitations(trx: Executor, userId: number, now: Date) {
	return trx
		.updateTable('guest_invitation')
		.set({ used_at: now })
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.execute();
}

export function setPassword(trx: Executor, userId: number, passwordHash: string, now: Date) {
	return trx
		.updateTable('app_user')
		.set({ password_hash: passwordHash, updated_at: now, version: sql`version + 1` })
		.where('id', '=', userId)
		.execute();
}

export function deactivate(trx: Executor, userId: number, now: Date) {
	return trx
		.updateTable('app_user')
		.set({ active: false, updated_at: now, version: sql`version + 1` })
		.where('id', '=', userId)
		.execute();
}

/** The CAF rounds and processes an admin may put in a guest's scope, and their names. */
export function cafRounds(db: Executor) {
	return db
		.selectFrom('caf_round')
		.select(['id', 'name', 'status'])
		.orderBy('start_date', 'desc')
		.orderBy('id', 'desc')
		.execute();
}

export function processes(db: Executor) {
	return db.selectFrom('process').select(['id', 'code', 'name']).orderBy('code').execute();
}

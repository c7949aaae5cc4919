import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { addDays } from '../notifications/due';
import type { SeedContext } from './seed';

/**
 * The demo's guest: an external CAF assessor from the region, invited to this year's round and
 * the council report, reading only, for two months. Signs in with the demo password.
 */
export const DEMO_GUEST = {
	username: 'hodnotitel',
	displayName: 'Externí hodnotitel CAF',
	role: 'guest' as const
};

export async function seedGuests(
	trx: Transaction<Database>,
	ctx: SeedContext,
	passwordHash: string
): Promise<void> {
	const round = await trx
		.selectFrom('caf_round')
		.select('id')
		.where('name', '=', `CAF ${ctx.year}`)
		.executeTakeFirstOrThrow();
	const user = await trx
		.insertInto('app_user')
		.values({
			username: DEMO_GUEST.username,
			display_name: DEMO_GUEST.displayName,
			role: DEMO_GUEST.role,
			password_hash: passwordHash
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('guest_access')
		.values({
			user_id: user.id,
			expires_on: addDays(ctx.today, 60),
			council_report: true,
			may_score: false,
			purpose: 'assessor',
			invited_by: ctx.userIds.admin
		})
		.execute();
	await trx
		.insertInto('guest_scope')
		.values({ user_id: user.id, kind: 'caf_round', object_id: round.id })
		.execute();
}

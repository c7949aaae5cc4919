import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { AREAS } from '../../adoption-areas';
import { monthsUpTo } from '../adoption/measures';
import type { SeedContext } from './seed';

type Trx = Transaction<Database>;

/**
 * Adoption in the demo town: every demo user has an e-mail address (on the reserved `.example`
 * domain) and gets all mails; staff sit in their departments; the internal affairs and finance
 * departments are the pilot, the process owner is the internal affairs ambassador; and five
 * months of page views show adoption growing from the pilot out. Relative to the seeding day.
 */
export async function seedAdoption(trx: Trx, ctx: SeedContext): Promise<void> {
	const u = ctx.userIds;
	const o = ctx.orgUnitIds;
	await trx
		.insertInto('notification_preference')
		.values(
			Object.entries(u).map(([username, id]) => ({
				user_id: id,
				email: `${username}@mesto.example`,
				mode: 'all' as const
			}))
		)
		.execute();
	const placed: [string, string, boolean][] = [
		['starosta', 'VED', false],
		['tajemnik', 'VED', false],
		['ekonom', 'OF', true],
		['projekt', 'IT', false],
		['garant', 'OVV', true],
		['host', 'OVV', false]
	];
	await trx
		.insertInto('adoption_member')
		.values(
			placed.map(([username, unit, ambassador]) => ({
				user_id: u[username],
				org_unit_id: o[unit],
				ambassador
			}))
		)
		.execute();
	await trx
		.insertInto('adoption_pilot')
		.values([{ org_unit_id: o.OVV }, { org_unit_id: o.OF }])
		.execute();
	// Both pilot units have had every area switched on by now, step by step.
	await trx
		.insertInto('adoption_pilot_area')
		.values([o.OVV, o.OF].flatMap((id) => AREAS.map((area) => ({ org_unit_id: id, area }))))
		.execute();
	// The months before this one: the pilot first, the others joining month by month.
	const months = monthsUpTo(ctx.today.slice(0, 7), 6).slice(0, 5);
	const joins: [string, number, string[]][] = [
		['garant', 0, ['/(app)/my', '/(app)/goals/kpi/[id]', '/(app)/processes/[id]']],
		['ekonom', 0, ['/(app)/costs', '/(app)/costs/import']],
		['admin', 0, ['/(app)/admin/users', '/(app)']],
		['starosta', 1, ['/(app)', '/(app)/goals']],
		['projekt', 2, ['/(app)/programme', '/(app)/initiatives/[id]']],
		['tajemnik', 3, ['/(app)', '/(app)/reports/council']]
	];
	const rows = joins.flatMap(([username, from, routes]) =>
		months.slice(from).flatMap((month, i) =>
			routes.map((route, r) => ({
				month,
				route_id: route,
				user_id: u[username],
				views: 3 + ((i * 7 + r * 5 + from) % 11),
				last_seen_at: new Date(`${month}-20T09:00:00Z`)
			}))
		)
	);
	await trx.insertInto('page_view_month').values(rows).execute();
}

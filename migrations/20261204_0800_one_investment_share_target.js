// One investment-share target. Wave 1 stored it twice: /costs wrote `costs.investment_share_target`
// as {percent: "15.0000"}, /admin/settings and the overview used `investment_share_target` as
// {basisPoints: 1500}. The second is kept; a target only /costs had set moves over (rounded to
// the basis point, the precision both forms now accept), and the first key goes.
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await sql`
		insert into app_setting (key, value, updated_at)
		select 'investment_share_target',
			jsonb_build_object('basisPoints', round((value ->> 'percent')::numeric * 100)::int),
			updated_at
		from app_setting
		where key = 'costs.investment_share_target'
			and value ->> 'percent' ~ '^[0-9]+(\\.[0-9]+)?$'
			and (value ->> 'percent')::numeric between 0 and 100
		on conflict (key) do nothing`.execute(db);
	await sql`delete from app_setting where key = 'costs.investment_share_target'`.execute(db);
}

export async function down() {
	// Nothing to restore: the old key was a copy of the same setting.
}

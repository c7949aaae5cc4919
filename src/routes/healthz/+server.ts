import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { version } from '$app/environment';
import { getDb } from '$lib/server/db';

/** For load balancers and monitoring: 200 when the database answers, 503 when it does not. */
export const GET = async () => {
	try {
		await Promise.race([
			sql`select 1`.execute(getDb()),
			new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))
		]);
		return json({ status: 'ok', db: 'ok', version });
	} catch {
		return json({ status: 'error', db: 'unavailable', version }, { status: 503 });
	}
};

import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { currentDate } from '$lib/server/shared/clock';
import * as report from '$lib/server/programme/report.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	requireUser();
	const today = currentDate();
	const asked = url.searchParams.get('month') ?? '';
	const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked);
	const month = valid ? asked : today.slice(0, 7);
	return {
		month,
		invalidMonth: asked !== '' && !valid,
		report: await report.monthly(getDb(), month, today)
	};
};

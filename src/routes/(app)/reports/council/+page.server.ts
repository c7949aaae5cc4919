import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { currentDate } from '$lib/server/shared/clock';
import { council } from '$lib/server/reports/council.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	requireCapability('read');
	const today = currentDate();
	const thisYear = Number(today.slice(0, 4));
	const asked = Number(url.searchParams.get('year'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
	return { report: await council(getDb(), year, today) };
};

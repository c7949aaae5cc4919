import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as overview from '$lib/server/overview/overview.service';
import { currentDate } from '$lib/server/shared/clock';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	requireCapability('read');
	const today = currentDate();
	const thisYear = Number(today.slice(0, 4));
	const asked = Number(url.searchParams.get('year'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
	return { overview: await overview.get(getDb(), year, today), today };
};

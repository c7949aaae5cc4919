import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { reportDiagrams } from '$lib/server/models/models.service';
import { currentDate } from '$lib/server/shared/clock';
import { council } from '$lib/server/reports/council.service';
import { pastYearParam } from '$lib/server/shared/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireCapability('read');
	const today = currentDate();
	const year = pastYearParam(url, Number(today.slice(0, 4)));
	// the processes whose diagrams the report shows (`?diagram=<process id>`, repeated)
	const chosen = url.searchParams.getAll('diagram').map(Number).filter(Number.isSafeInteger);
	const [report, diagrams] = await Promise.all([
		council(getDb(), year, today),
		reportDiagrams(getDb(), chosen)
	]);
	// The approval block names who prepared the report: the reader printing it, by their own name.
	return { report, diagrams, preparedBy: user.displayName };
};

import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as documents from '$lib/server/knowledge/documents.service';
import * as kpis from '$lib/server/kpis/kpis.service';
import * as notifications from '$lib/server/notifications/notifications.service';
import * as people from '$lib/server/people/people.service';
import * as processes from '$lib/server/processes/processes.service';
import { currentDate } from '$lib/server/shared/clock';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const db = getDb();
	const today = currentDate();
	const [items, mine, expiring, training, owned, reviews] = await Promise.all([
		kpis.worklist(db, user.id, today),
		processes.list(db, { year: Number(today.slice(0, 4)), ownerId: user.id }),
		people.expiringFor(db, user, today),
		people.trainingWorklist(db, user, today),
		notifications.dueFor(db, user.id, today),
		documents.reviewsDue(db, user, today)
	]);
	return { items, processes: mine, expiring, training, owned, reviews, today };
};

import { requireCapability } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import * as auditLog from '$lib/server/audit/audit.service';
import { ValidationError } from '$lib/server/shared/errors';
import { translateErrors } from '$lib/server/i18n';
import { getDb } from '$lib/server/db';
import { logFilterOf } from './filter';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ url }) => {
	const user = requireCapability('audit.read');
	const db = getDb();
	const filter = logFilterOf(url);
	const filters = await auditLog.logFilters(db);
	const query = {
		entity: filter.entity ?? '',
		id: filter.entityId ?? '',
		who: filter.userId ? String(filter.userId) : '',
		from: filter.from ?? '',
		to: filter.to ?? ''
	};
	try {
		const events = await auditLog.readLog(db, filter, {
			limit: PAGE_SIZE,
			withPeople: can(user.role, 'people.read_names')
		});
		return {
			events,
			filters,
			query,
			errors: {} as Record<string, string>,
			older: events.length === PAGE_SIZE ? events[events.length - 1].id : null
		};
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		return { events: [], filters, query, errors: translateErrors(e.errors), older: null };
	}
};

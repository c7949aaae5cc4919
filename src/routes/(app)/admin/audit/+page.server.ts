import { requireCapability } from '$lib/server/auth/guard';
import * as audit from '$lib/server/audit/audit';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ url }) => {
	requireCapability('audit.read');
	const entity = url.searchParams.get('entity') || undefined;
	const entityId = url.searchParams.get('id') || undefined;
	const beforeParam = url.searchParams.get('before');
	const before = beforeParam && /^\d{1,18}$/.test(beforeParam) ? BigInt(beforeParam) : undefined;
	const db = getDb();
	const events = await audit.list(db, { entity, entityId, before, limit: PAGE_SIZE });
	return {
		events: events.map((e) => ({ ...e, id: e.id.toString() })),
		entities: await audit.entities(db),
		filter: { entity: entity ?? '', id: entityId ?? '' },
		older: events.length === PAGE_SIZE ? events[events.length - 1].id.toString() : null
	};
};

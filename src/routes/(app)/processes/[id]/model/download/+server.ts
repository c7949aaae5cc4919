import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as models from '$lib/server/models/models.service';

import { routeId, found } from '$lib/server/shared/http';
import type { RequestHandler } from './$types';

/** The BPMN XML of one version (`?v=`), as a file to open in another modelling tool. */
export const GET: RequestHandler = async ({ params, url }) => {
	requireUser();
	const id = routeId(params.id);
	const number = routeId(url.searchParams.get('v'));
	const xml = await found(models.xmlOf(getDb(), id, number));
	return new Response(xml, {
		headers: {
			'content-type': 'application/xml; charset=utf-8',
			'content-disposition': `attachment; filename="process-${id}-v${number}.bpmn"`
		}
	});
};

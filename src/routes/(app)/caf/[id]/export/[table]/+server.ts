import { error } from '@sveltejs/kit';
import { cafLocale } from '$lib/caf/model';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { exportTable, isExportTable } from '$lib/server/caf/caf-export';
import * as caf from '$lib/server/caf/caf.service';
import { getDb } from '$lib/server/db';
import { exportResponse, parseExportFormat } from '$lib/server/export/table-export';

import { routeId, found } from '$lib/server/shared/http';
import type { RequestHandler } from './$types';

/** A round's consensus scores or improvement actions: `/caf/2/export/scores?format=xlsx`. */
export const GET: RequestHandler = async ({ params, url }) => {
	const user = requireUser();
	const format = parseExportFormat(url.searchParams.get('format'));
	if (!format) error(400, { message: 'format must be csv or xlsx' });
	if (!isExportTable(params.table)) error(404, { message: 'unknown table' });
	const db = getDb();
	const round = await found(caf.get(db, user, routeId(params.id)));
	const [rows, actions] = await Promise.all([
		caf.overview(db, user, round),
		caf.actions(db, round.id, user)
	]);
	const lang = cafLocale(getLocale());
	return exportResponse(exportTable(round.name, params.table, rows, actions, lang), format, lang);
};

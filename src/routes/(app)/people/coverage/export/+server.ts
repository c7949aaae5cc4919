import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { exportResponse, parseExportFormat } from '$lib/server/export/table-export';
import { coverageExport } from '$lib/server/people/export';
import { currentDate } from '$lib/server/shared/clock';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** `/people/coverage/export?table=roles|matrix&unit=3&format=xlsx`: names only to those allowed. */
export const GET: RequestHandler = async ({ url }) => {
	const user = requireCapability('read');
	const format = parseExportFormat(url.searchParams.get('format'));
	if (!format) error(400, { message: 'format must be csv or xlsx' });
	const table = url.searchParams.get('table');
	if (table !== 'roles' && table !== 'matrix') error(404, { message: 'unknown table' });
	const unitId = Number(url.searchParams.get('unit')) || null;
	if (table === 'matrix' && !unitId) error(400, { message: 'unit required' });
	const data = await coverageExport(getDb(), user, currentDate(), table, unitId);
	return exportResponse(data, format, getLocale() === 'en' ? 'en' : 'cs');
};

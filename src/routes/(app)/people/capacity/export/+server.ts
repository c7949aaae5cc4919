import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { exportResponse, parseExportFormat } from '$lib/server/export/table-export';
import { capacityExport } from '$lib/server/people/export';
import { currentDate, currentYear } from '$lib/server/shared/clock';
import { yearParam } from '$lib/server/shared/http';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** `/people/capacity/export?year=2026&format=xlsx`: each unit's processes with their hours. */
export const GET: RequestHandler = async ({ url }) => {
	requireCapability('read');
	const format = parseExportFormat(url.searchParams.get('format'));
	if (!format) error(400, { message: 'format must be csv or xlsx' });
	const year = yearParam(url, currentYear());
	const data = await capacityExport(getDb(), year, currentDate());
	return exportResponse(data, format, getLocale() === 'en' ? 'en' : 'cs');
};

import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { exportResponse, parseExportFormat } from '$lib/server/export/table-export';
import { council } from '$lib/server/reports/council.service';
import { exportTable, isExportTable } from '$lib/server/reports/export-tables';
import { currentDate } from '$lib/server/shared/clock';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** The overview's and the council report's tables: `/reports/export/processes?year=2026&format=xlsx`. */
export const GET: RequestHandler = async ({ params, url }) => {
	requireCapability('read');
	const format = parseExportFormat(url.searchParams.get('format'));
	if (!format) error(400, { message: 'format must be csv or xlsx' });
	if (!isExportTable(params.table)) error(404, { message: 'unknown table' });
	const today = currentDate();
	const thisYear = Number(today.slice(0, 4));
	const asked = Number(url.searchParams.get('year'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
	const report = await council(getDb(), year, today);
	return exportResponse(
		exportTable(report, params.table),
		format,
		getLocale() === 'en' ? 'en' : 'cs'
	);
};

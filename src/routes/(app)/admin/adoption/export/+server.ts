import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as adoption from '$lib/server/adoption/adoption.service';
import { exportResponse, parseExportFormat } from '$lib/server/export/table-export';
import { currentMonth } from '$lib/server/shared/clock';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { monthParam } from '../month';
import type { RequestHandler } from './$types';

/** Adoption per org unit for a month, for the council: `/admin/adoption/export?format=xlsx`. */
export const GET: RequestHandler = async ({ url }) => {
	requireCapability('adoption.manage');
	const format = parseExportFormat(url.searchParams.get('format'));
	if (!format) error(400, { message: 'format must be csv or xlsx' });
	const month = monthParam(url.searchParams.get('month'), currentMonth());
	const report = await adoption.report(getDb(), { all: true }, month);
	const table = adoption.exportUnits(
		report,
		{
			code: m.code(),
			name: m.name(),
			pilot: m.adoption_pilot(),
			members: m.adoption_members(),
			active: m.adoption_active_users(),
			onTime: m.adoption_on_time(),
			late: m.adoption_late(),
			never: m.adoption_never_updated(),
			idle: m.adoption_idle()
		},
		m.yes()
	);
	return exportResponse(table, format, getLocale() === 'en' ? 'en' : 'cs');
};

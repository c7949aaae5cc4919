import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import * as auditLog from '$lib/server/audit/audit.service';
import { exportResponse, parseExportFormat } from '$lib/server/export/table-export';
import { ValidationError } from '$lib/server/shared/errors';
import { getDb } from '$lib/server/db';
import { getLocale } from '$lib/paraglide/runtime';
import { logFilterOf } from '../filter';
import type { RequestHandler } from './$types';

/** The records the log shows with the same filter, up to this many, as CSV or XLSX. */
const EXPORT_LIMIT = 20_000;

export const GET: RequestHandler = async ({ url }) => {
	const user = requireCapability('audit.read');
	const format = parseExportFormat(url.searchParams.get('format'));
	if (!format) error(400, { message: 'format must be csv or xlsx' });
	try {
		const events = await auditLog.readLog(getDb(), logFilterOf(url), {
			limit: EXPORT_LIMIT,
			withPeople: can(user.role, 'people.read_names')
		});
		const table = auditLog.logTable(events, 'auditni-zaznam');
		return exportResponse(table, format, getLocale() === 'en' ? 'en' : 'cs');
	} catch (e) {
		if (e instanceof ValidationError) error(400, { message: 'from must not be after to' });
		throw e;
	}
};

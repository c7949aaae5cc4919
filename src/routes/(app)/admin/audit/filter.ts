import { idNumber } from '$lib/server/shared/form';
import type { LogFilter } from '$lib/server/audit/audit.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The log's filter from the query string; what cannot be a filter is no filter. */
export function logFilterOf(url: URL): LogFilter {
	const param = (name: string) => url.searchParams.get(name) || undefined;
	const date = (name: string) => {
		const value = param(name);
		return value && DATE.test(value) ? value : undefined;
	};
	const before = param('before');
	return {
		entity: param('entity'),
		entityId: param('id'),
		userId: idNumber(url.searchParams.get('who')) ?? undefined,
		from: date('from'),
		to: date('to'),
		before: before && /^\d{1,18}$/.test(before) ? BigInt(before) : undefined
	};
}

// Small parsers the costs routes share.
import { currentYear } from '$lib/server/shared/clock';

export function yearParam(value: string | null, fallback = currentYear()): number {
	const n = Number(value);
	return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : fallback;
}

// Small parsers the costs routes share.
export function yearParam(value: string | null, fallback = new Date().getFullYear()): number {
	const n = Number(value);
	return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : fallback;
}

/** The `?month=2026-03` of the adoption page, or this month when absent, malformed or future. */
export function monthParam(value: string | null, thisMonth: string): string {
	if (!value || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value) || value > thisMonth) return thisMonth;
	return value;
}

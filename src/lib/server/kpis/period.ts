/**
 * KPI periods by frequency: monthly `2026-03`, quarterly `2026-Q1`, yearly `2026`. People also
 * type `3/2026`, `03/2026`, `Q1/2026`, `Q1 2026`, `1Q2026`; all parse to the canonical form.
 */
export type Frequency = 'monthly' | 'quarterly' | 'yearly';
export const FREQUENCIES: readonly Frequency[] = ['monthly', 'quarterly', 'yearly'];

const YEAR_MIN = 1990;
const YEAR_MAX = 2100;

export type PeriodParse =
	| { ok: true; period: string }
	| { ok: false; error: 'goals_error_period_format' | 'goals_error_period_frequency' };

/** Which frequency a canonical period string belongs to, or null when it is none. */
export function frequencyOf(period: string): Frequency | null {
	if (/^\d{4}$/.test(period)) return 'yearly';
	if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarterly';
	if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'monthly';
	return null;
}

/** Any accepted spelling → canonical period, or null. */
export function canonicalPeriod(text: string): string | null {
	const s = text.trim().toUpperCase().replace(/\s+/g, ' ');
	let m: RegExpExecArray | null;
	let year: number;
	let result: string | null = null;
	if ((m = /^(\d{4})$/.exec(s))) {
		year = Number(m[1]);
		result = m[1];
	} else if ((m = /^(\d{4})[- /]?Q([1-4])$/.exec(s)) || (m = /^(\d{4})[- ]([1-4])Q$/.exec(s))) {
		year = Number(m[1]);
		result = `${m[1]}-Q${m[2]}`;
	} else if ((m = /^Q([1-4])[ /-]?(\d{4})$/.exec(s)) || (m = /^([1-4])Q[ /-]?(\d{4})$/.exec(s))) {
		year = Number(m[2]);
		result = `${m[2]}-Q${m[1]}`;
	} else if ((m = /^(\d{4})-(\d{1,2})$/.exec(s))) {
		year = Number(m[1]);
		const month = Number(m[2]);
		if (month < 1 || month > 12) return null;
		result = `${m[1]}-${String(month).padStart(2, '0')}`;
	} else if ((m = /^(\d{1,2})[/.] ?(\d{4})$/.exec(s))) {
		year = Number(m[2]);
		const month = Number(m[1]);
		if (month < 1 || month > 12) return null;
		result = `${m[2]}-${String(month).padStart(2, '0')}`;
	} else {
		return null;
	}
	if (year < YEAR_MIN || year > YEAR_MAX) return null;
	return result;
}

/** Parses a period for a KPI of the given frequency: a quarter for a monthly KPI is refused. */
export function parsePeriod(text: string, frequency: Frequency): PeriodParse {
	const period = canonicalPeriod(text);
	if (!period) return { ok: false, error: 'goals_error_period_format' };
	if (frequencyOf(period) !== frequency) {
		return { ok: false, error: 'goals_error_period_frequency' };
	}
	return { ok: true, period };
}

export function yearOf(period: string): number {
	return Number(period.slice(0, 4));
}

/** All periods of a year at the given frequency, in order. */
export function periodsOfYear(year: number, frequency: Frequency): string[] {
	if (frequency === 'yearly') return [String(year)];
	if (frequency === 'quarterly') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
	return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** The day after the period ends, `YYYY-MM-DD`. */
export function periodEnd(period: string): string {
	const year = yearOf(period);
	const f = frequencyOf(period);
	let month: number; // first month after the period, 1-based, may be 13
	if (f === 'yearly') month = 13;
	else if (f === 'quarterly') month = Number(period.slice(6)) * 3 + 1;
	else month = Number(period.slice(5, 7)) + 1;
	const y = month > 12 ? year + 1 : year;
	const mm = month > 12 ? 1 : month;
	return `${y}-${String(mm).padStart(2, '0')}-01`;
}

/** Days people get after a period ends to record its actual. */
export const GRACE_DAYS: Record<Frequency, number> = { monthly: 15, quarterly: 20, yearly: 45 };

function addDays(date: string, days: number): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** The date by which a period's actual is due. */
export function dueDate(period: string, frequency: Frequency): string {
	return addDays(periodEnd(period), GRACE_DAYS[frequency]);
}

/**
 * Periods whose actual someone owes on `today` (`YYYY-MM-DD`), oldest first: every period that
 * ended within the last year (12 months, 4 quarters or 1 year back), plus the running period when
 * it ends within 31 days. Each is `due` until its due date and `overdue` after it.
 */
export function owedPeriods(
	today: string,
	frequency: Frequency
): { period: string; dueDate: string; overdue: boolean }[] {
	const year = Number(today.slice(0, 4));
	const all = [
		...periodsOfYear(year - 2, frequency),
		...periodsOfYear(year - 1, frequency),
		...periodsOfYear(year, frequency)
	];
	const count = frequency === 'monthly' ? 12 : frequency === 'quarterly' ? 4 : 1;
	const ended = all.filter((p) => periodEnd(p) <= today).slice(-count);
	const running = all.find((p) => periodEnd(p) > today);
	if (running && periodEnd(running) <= addDays(today, 31)) ended.push(running);
	return ended.map((period) => {
		const due = dueDate(period, frequency);
		return { period, dueDate: due, overdue: due < today };
	});
}

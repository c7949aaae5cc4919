/**
 * Dates and months in accounting exports: `d.m.yyyy` and `dd.mm.yyyy` (also with spaces after the
 * dots and a time after the date, `13.1.2016 0:00:00`), ISO `yyyy-mm-dd` (with a time too), or a
 * month and a year in separate columns. Results are `YYYY-MM-DD` and `YYYY-MM` strings; null when
 * the text is not a real calendar date.
 */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

export function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function makeDate(year: number, month: number, day: number): string | null {
	if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
	if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
	if (day < 1 || day > daysInMonth(year, month)) return null;
	return `${year}-${pad(month)}-${pad(day)}`;
}

export function parseDate(text: string): string | null {
	const s = text.trim();
	let m = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
	if (m) return makeDate(Number(m[3]), Number(m[2]), Number(m[1]));
	m =
		/^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
			s
		);
	if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
	return null;
}

/** `YYYY-MM` from a month (1–12, also `01`) and a year, or null. */
export function monthFromParts(month: string | number, year: string | number): string | null {
	const mm =
		typeof month === 'number' ? month : /^\s*\d{1,2}\s*$/.test(month) ? Number(month) : NaN;
	const yy = typeof year === 'number' ? year : /^\s*\d{4}\s*$/.test(year) ? Number(year) : NaN;
	if (!Number.isInteger(mm) || !Number.isInteger(yy)) return null;
	if (mm < 1 || mm > 12 || yy < MIN_YEAR || yy > MAX_YEAR) return null;
	return `${yy}-${pad(mm)}`;
}

export function monthOf(date: string): string {
	return date.slice(0, 7);
}

/**
 * The month (`YYYY-MM`) of a date or a period as generic exports and the entry form write it:
 * everything `parseDate` reads, also `05. 03. 2026`, `5/3/2026`, `2026-03`, `2026/3`, `03/2026`,
 * `3.2026`, `202603`, `20260305`; a bare month number (`3`) with the year from another column.
 */
export function parseMonth(text: string, year?: string | null): string | null {
	const date = parseDate(text);
	if (date) return monthOf(date);
	const s = text.trim().replace(/\s+/g, '');
	if (!s) return null;
	const month = (y: string, m: string, d: string | number = 1) =>
		makeDate(Number(y), Number(m), Number(d))?.slice(0, 7) ?? null;
	let m: RegExpMatchArray | null;
	if ((m = s.match(/^(\d{1,2})[./](\d{1,2})[./](\d{4})$/))) return month(m[3], m[2], m[1]);
	if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/))) return month(m[1], m[2], m[3]);
	if ((m = s.match(/^(\d{4})(\d{2})(\d{2})?$/))) return month(m[1], m[2], m[3] ?? 1);
	if ((m = s.match(/^(\d{4})[-/.](\d{1,2})$/))) return month(m[1], m[2]);
	if ((m = s.match(/^(\d{1,2})[./](\d{4})$/))) return month(m[2], m[1]);
	if ((m = s.match(/^(\d{1,2})\.?$/)) && year && /^\d{4}$/.test(year.trim())) {
		return month(year.trim(), m[1]);
	}
	return null;
}

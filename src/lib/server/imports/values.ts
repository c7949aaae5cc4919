// Czech dates, months and amounts as accounting exports write them.
import { parseAmount as readAmount } from './formats/amount';

function validDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return false;
	return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function ym(y: number, m: number): string {
	return `${y}-${String(m).padStart(2, '0')}`;
}

/**
 * The month (`YYYY-MM`) of a date or period: `5.3.2026`, `05. 03. 2026`, `2026-03-05`,
 * `2026-03-05T10:00`, `5/3/2026`, `2026-03`, `03/2026`, `3.2026`, `202603`, `20260305`; a bare
 * month number (`3`) with the year from another column.
 */
export function parseMonth(text: string, year?: string | null): string | null {
	const s = text.trim().replace(/\s+/g, '');
	if (!s) return null;
	let m: RegExpMatchArray | null;
	if ((m = s.match(/^(\d{1,2})[./](\d{1,2})[./](\d{4})$/))) {
		const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
		return validDate(y, mo, d) ? ym(y, mo) : null;
	}
	if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/))) {
		const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
		return validDate(y, mo, d) ? ym(y, mo) : null;
	}
	if ((m = s.match(/^(\d{4})(\d{2})(\d{2})?$/))) {
		const [y, mo] = [Number(m[1]), Number(m[2])];
		const d = m[3] ? Number(m[3]) : 1;
		return validDate(y, mo, d) ? ym(y, mo) : null;
	}
	if ((m = s.match(/^(\d{4})[-/.](\d{1,2})$/))) {
		const [y, mo] = [Number(m[1]), Number(m[2])];
		return validDate(y, mo, 1) ? ym(y, mo) : null;
	}
	if ((m = s.match(/^(\d{1,2})[./](\d{4})$/))) {
		const [mo, y] = [Number(m[1]), Number(m[2])];
		return validDate(y, mo, 1) ? ym(y, mo) : null;
	}
	if ((m = s.match(/^(\d{1,2})\.?$/)) && year && /^\d{4}$/.test(year.trim())) {
		const [mo, y] = [Number(m[1]), Number(year.trim())];
		return validDate(y, mo, 1) ? ym(y, mo) : null;
	}
	return null;
}

export type AmountParse = { value: bigint; rounded: boolean } | null;

/**
 * An amount in haléře as the accounting formats read it (formats/amount.ts): with spreadsheet
 * float artefacts (`1234.5600000001`) rounded to the haléř, and saying so; null when it is not one.
 */
export function parseAmount(text: string): AmountParse {
	const amount = readAmount(text);
	return amount.ok ? { value: amount.value, rounded: amount.artefact } : null;
}

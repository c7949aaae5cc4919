// Czech dates, months and amounts as accounting exports write them.
import { parseCzk } from '../../money';

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
 * An amount in haléře. Beyond parseCzk it accepts spreadsheet float artefacts
 * (`1234.5600000001`, `99.98999999`) by rounding to the haléř, and says it did.
 */
export function parseAmount(text: string): AmountParse {
	const exact = parseCzk(text);
	if (exact !== null) return { value: exact, rounded: false };
	const s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
	const m = s.match(/^(-?)(\d+)[.,](\d{2})(\d+)$/);
	if (!m || !/^(0{4,}\d*|9{4,}\d*)$/.test(m[4])) return null;
	let value = BigInt(m[2]) * 100n + BigInt(m[3]);
	if (m[4].startsWith('9')) value += 1n;
	return { value: m[1] ? -value : value, rounded: true };
}

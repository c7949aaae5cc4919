/**
 * Money is a bigint number of haléře (1 CZK = 100 haléřů) everywhere in Dílna: in the database
 * (bigint columns), in the server and in page data. Sums and allocations stay exact; floats appear
 * only in chart coordinates, never in a figure someone adds up.
 */
export type Halere = bigint;

/**
 * The largest amount Dílna takes, ±10^15 CZK in haléře: no municipal ledger line is that large,
 * and sums of millions of them stay far inside PostgreSQL's bigint.
 */
export const MAX_AMOUNT = 10n ** 17n;

const SPACES = /[\s\u00a0\u202f']/g;

/**
 * Parses an amount as people and accounting exports write it: `1 234,50`, `1234.5`, `-12,3`,
 * `1.234,50`, `1,234.50`, `12 Kč`. Returns null when the text is not an amount. At most two
 * decimal places: anything finer is not a CZK amount.
 */
export function parseCzk(text: string): Halere | null {
	let s = text
		.trim()
		.replace(/\s*(Kč|CZK)$/i, '')
		.replace(SPACES, '');
	if (!s) return null;
	let negative = false;
	if (s.startsWith('-') || s.startsWith('\u2212')) {
		negative = true;
		s = s.slice(1);
	} else if (s.endsWith('-')) {
		negative = true;
		s = s.slice(0, -1);
	} else if (s.startsWith('+')) {
		s = s.slice(1);
	}
	const lastComma = s.lastIndexOf(',');
	const lastDot = s.lastIndexOf('.');
	let whole: string;
	let fraction = '';
	if (lastComma >= 0 && lastDot >= 0) {
		// Both present: the later one is the decimal separator, the other groups thousands.
		const decimal = lastComma > lastDot ? ',' : '.';
		const group = decimal === ',' ? '.' : ',';
		const [w, f = ''] = s.split(decimal);
		if (s.split(decimal).length > 2) return null;
		if (!/^\d{1,3}(\.\d{3})*$|^\d{1,3}(,\d{3})*$/.test(w) || w.includes(decimal)) return null;
		whole = w.split(group).join('');
		fraction = f;
	} else if (lastComma >= 0 || lastDot >= 0) {
		const separator = lastComma >= 0 ? ',' : '.';
		const parts = s.split(separator);
		if (parts.length > 2) {
			// `1.234.567` groups thousands only.
			if (!parts.slice(1).every((p) => p.length === 3)) return null;
			whole = parts.join('');
		} else {
			whole = parts[0];
			fraction = parts[1];
		}
	} else {
		whole = s;
	}
	if (!/^\d+$/.test(whole || '0') || !/^\d{0,2}$/.test(fraction)) return null;
	const value = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
	return negative ? -value : value;
}

/**
 * Haléře → plain CZK text with both decimals, exact: `-1234.50` for machines (API, CLI, exports
 * in English), `-1234,50` with `decimal` ',' (Czech exports, form fields). People-facing figures
 * go through formatCzk.
 */
export function czkText(h: Halere, decimal: '.' | ',' = '.'): string {
	const negative = h < 0n;
	const abs = negative ? -h : h;
	return `${negative ? '-' : ''}${abs / 100n}${decimal}${(abs % 100n).toString().padStart(2, '0')}`;
}

export function fromCzk(czk: number | bigint): Halere {
	if (typeof czk === 'bigint') return czk * 100n;
	if (!Number.isSafeInteger(czk)) throw new RangeError(`not a whole CZK amount: ${czk}`);
	return BigInt(czk) * 100n;
}

/** a ÷ b rounded half away from zero, in integers. */
export function divRound(a: bigint, b: bigint): bigint {
	if (b === 0n) throw new RangeError('division by zero');
	const negative = a < 0n !== b < 0n;
	const absA = a < 0n ? -a : a;
	const absB = b < 0n ? -b : b;
	const q = (absA * 2n + absB) / (absB * 2n);
	return negative ? -q : q;
}

/** A ratio as a plain number (for percentages and charts), computed without losing the integers. */
export function ratio(part: bigint, whole: bigint): number | null {
	if (whole === 0n) return null;
	return Number((part * 1_000_000n) / whole) / 1_000_000;
}

/** The amount in CZK as a number, for chart coordinates only. */
export function toChartCzk(h: Halere): number {
	return Number(h) / 100;
}

export function sum(values: Iterable<Halere>): Halere {
	let total = 0n;
	for (const v of values) total += v;
	return total;
}

/**
 * Splits a total into parts proportional to the weights so the parts add up to the total to the
 * haléř (largest remainder method). Used by overhead allocation.
 */
export function allocate(total: Halere, weights: readonly bigint[]): Halere[] {
	const weightSum = weights.reduce((a, w) => a + w, 0n);
	if (weightSum <= 0n) return weights.map(() => 0n);
	const negative = total < 0n;
	const abs = negative ? -total : total;
	const shares = weights.map((w) => (abs * w) / weightSum);
	let rest = abs - shares.reduce((a, s) => a + s, 0n);
	const order = weights
		.map((w, i) => ({ i, remainder: (abs * w) % weightSum }))
		.sort((x, y) => (y.remainder > x.remainder ? 1 : y.remainder < x.remainder ? -1 : x.i - y.i));
	for (const { i } of order) {
		if (rest === 0n) break;
		if (weights[i] === 0n) continue;
		shares[i] += 1n;
		rest -= 1n;
	}
	return negative ? shares.map((s) => -s) : shares;
}

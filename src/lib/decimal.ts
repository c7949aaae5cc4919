/**
 * KPI values are PostgreSQL `numeric(18, 4)`: strings in JS. People type them the Czech way
 * (`12,5`, `1 234,5`, `85 %`); this module reads such text into a canonical decimal string and
 * compares decimals exactly (scaled bigints), so a value equal to its target is never "off target"
 * because of float rounding.
 */
export const SCALE_DIGITS = 4;
const SCALE = 10n ** BigInt(SCALE_DIGITS);

/**
 * `12,5` → `12.5`; `1 234,50` → `1234.5`; `-0,25` → `-0.25`; `85 %` → `85`; `12.5` → `12.5`.
 * Returns null for anything else (two separators, letters, more than 4 decimals, over 14 digits).
 */
export function parseDecimal(text: string): string | null {
	let s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
	if (s.endsWith('%')) s = s.slice(0, -1);
	s = s.replace('\u2212', '-');
	const m = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(s);
	if (!m) return null;
	const [, sign, whole, fraction = ''] = m;
	if (fraction.length > SCALE_DIGITS || whole.replace(/^0+/, '').length > 14) return null;
	return normalise(`${sign === '-' ? '-' : ''}${whole}.${fraction}`);
}

/** A numeric string as the database returns it (`12.5000`) → shortest form (`12.5`). */
export function normalise(value: string): string {
	return fromScaled(toScaled(value));
}

export function toScaled(value: string): bigint {
	const negative = value.trim().startsWith('-');
	const [whole, fraction = ''] = value.trim().replace(/^[+-]/, '').split('.');
	const scaled =
		BigInt(whole || '0') * SCALE + BigInt((fraction + '0000').slice(0, SCALE_DIGITS) || '0');
	return negative ? -scaled : scaled;
}

export function fromScaled(scaled: bigint): string {
	const negative = scaled < 0n;
	const abs = negative ? -scaled : scaled;
	const whole = abs / SCALE;
	const fraction = (abs % SCALE).toString().padStart(SCALE_DIGITS, '0').replace(/0+$/, '');
	const text = fraction ? `${whole}.${fraction}` : `${whole}`;
	return negative && abs !== 0n ? `-${text}` : text;
}

/**
 * A non-negative decimal as people type it (see parseDecimal) → scaled integer (1/10000s), or null
 * when it is not a decimal, is negative or has more than `decimals` places: percentages
 * (`33,3333` → 333333n), FTE (`1,5` with 2 places → 15000n).
 */
export function parseNonNegative(text: string, decimals = SCALE_DIGITS): bigint | null {
	const value = parseDecimal(text);
	if (value === null || value.startsWith('-')) return null;
	const fraction = value.split('.')[1] ?? '';
	return fraction.length > decimals ? null : toScaled(value);
}

/** A scaled integer with all four places, as `numeric(…, 4)` prints it: 125000n → `12.5000`. */
export function fromScaledPadded(scaled: bigint): string {
	const negative = scaled < 0n;
	const abs = negative ? -scaled : scaled;
	const text = `${abs / SCALE}.${(abs % SCALE).toString().padStart(SCALE_DIGITS, '0')}`;
	return negative ? `-${text}` : text;
}

/** -1, 0 or 1, exactly. */
export function compare(a: string, b: string): number {
	const x = toScaled(a);
	const y = toScaled(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

export function add(a: string, b: string): string {
	return fromScaled(toScaled(a) + toScaled(b));
}

export function subtract(a: string, b: string): string {
	return fromScaled(toScaled(a) - toScaled(b));
}

/** An integer count of hundredths (haléře, hundredths of an FTE) → decimal string: `1250` → `12.5`. */
export function fromHundredths(hundredths: bigint): string {
	return fromScaled(hundredths * 10n ** BigInt(SCALE_DIGITS - 2));
}

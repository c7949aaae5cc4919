import { MAX_AMOUNT, parseCzk } from '../../../money';

/**
 * Amounts as accounting exports write them, read exactly to the haléř (bigint, never a float):
 * everything `parseCzk` reads (`1 234,50`, `1234.5`, `-12,3`, `12-`, `1.234,50`, `12 Kč`), plus
 * `(12,30)` for a negative, scientific notation (`1.5E3`) and the float artefacts some systems
 * write: `2.84217E-12` or `1234.5000000001` are within a hundredth of a haléř of a whole haléř and
 * are read as that haléř (0,00 in the first case) with a warning. Anything else finer than a haléř
 * or not a number is an error, as is an amount beyond ±10^15 CZK (no municipal ledger line is that
 * large, and sums must stay far inside PostgreSQL's bigint).
 */
export type AmountResult =
	| { ok: true; value: bigint; artefact: boolean }
	| { ok: false; reason: 'empty' | 'invalid' | 'too-precise' | 'too-large' };

/** ±10^15 CZK in haléře: the same bound as every form's amount. */
export { MAX_AMOUNT };

const NUMBER = /^(\d*)(?:[.,](\d*))?(?:[eE]([+-]?\d{1,6}))?$/;

function checked(value: bigint, artefact: boolean): AmountResult {
	if (value > MAX_AMOUNT || value < -MAX_AMOUNT) return { ok: false, reason: 'too-large' };
	return { ok: true, value, artefact };
}

export function parseAmount(text: string): AmountResult {
	let s = text.trim();
	if (s === '') return { ok: false, reason: 'empty' };
	if (s.length > 64) return { ok: false, reason: 'invalid' };
	let negative = false;
	if (s.startsWith('(') && s.endsWith(')')) {
		negative = true;
		s = s.slice(1, -1).trim();
	}
	const simple = parseCzk(s);
	if (simple !== null) return checked(negative ? -simple : simple, false);

	// Plain or scientific decimal with any number of decimals: exact arithmetic on the digits.
	s = s.replace(/[\s\u00a0\u202f]/g, '').replace(/\s*(Kč|CZK)$/i, '');
	if (s.startsWith('-') || s.startsWith('\u2212')) {
		negative = !negative;
		s = s.slice(1);
	} else if (s.startsWith('+')) {
		s = s.slice(1);
	}
	const match = NUMBER.exec(s);
	if (!match || (match[1] === '' && (match[2] ?? '') === '')) {
		return { ok: false, reason: 'invalid' };
	}
	const digits = (match[1] + (match[2] ?? '')).replace(/^0+/, '');
	if (digits === '') return checked(0n, false);
	// value = digits × 10^power haléřů
	const power = Number(match[3] ?? 0) - (match[2] ?? '').length + 2;
	const magnitude = digits.length + power; // the value has this many digits before the point
	if (magnitude > 18) return { ok: false, reason: 'too-large' };
	let value: bigint;
	let artefact = false;
	if (power >= 0) {
		value = BigInt(digits) * 10n ** BigInt(power);
	} else if (magnitude < -2) {
		// Below a thousandth of a haléř: a float artefact of a zero.
		value = 0n;
		artefact = true;
	} else {
		const scale = 10n ** BigInt(-power);
		const whole = BigInt(digits);
		const quotient = whole / scale;
		const remainder = whole % scale;
		const nearest = remainder * 2n >= scale ? quotient + 1n : quotient;
		const distance = nearest * scale - whole;
		const absDistance = distance < 0n ? -distance : distance;
		// Within a hundredth of a haléř of a whole haléř: binary float noise, not a real fraction.
		if (absDistance * 100n > scale) return { ok: false, reason: 'too-precise' };
		value = nearest;
		artefact = remainder !== 0n;
	}
	return checked(negative ? -value : value, artefact);
}

/**
 * The amount of a budget line from its debit (MD, má dáti) and credit (D, dal) sides: for
 * expenditure items (položky 5000–7999) credit − debit, for the others debit − credit, so spending
 * and revenue both come out positive and corrections negative.
 */
export function amountFromDebitCredit(polozka: string, debit: bigint, credit: bigint): bigint {
	const item = Number(polozka);
	return item >= 5000 && item <= 7999 ? credit - debit : debit - credit;
}

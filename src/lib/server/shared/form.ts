import { parseDecimal, compare } from '../../decimal';
import { MAX_AMOUNT, parseCzk } from '../../money';
import type { FieldErrors } from './errors';

/** What a form parser returns: the typed input, or the field errors (message keys). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** PostgreSQL `integer`: every id, version, year and count column. */
export const INT4_MAX = 2_147_483_647;

/** A positive whole number an `integer` id column can hold, else null (`1e3`, `0x10` are not ids). */
export function idNumber(value: string | null | undefined): number | null {
	if (!value || !/^\d{1,10}$/.test(value)) return null;
	const n = Number(value);
	return n > 0 && n <= INT4_MAX ? n : null;
}

/** The submitted fields as strings (files are left out), to parse and to echo after a refusal. */
export type FormValues = Record<string, string>;

export async function formValues(source: Request | FormData): Promise<FormValues> {
	const data = source instanceof Request ? await source.formData() : source;
	const out: FormValues = {};
	for (const [key, value] of data.entries()) if (typeof value === 'string') out[key] = value;
	return out;
}

/** A real calendar date `YYYY-MM-DD`. */
export function isDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Reads one submitted form into typed values and field errors (message keys), with no server
 * dependencies so the parsers are unit-tested on their own. Empty optional fields become null.
 * The one form kit: every area's parser is written on it and returns `reader.result(value)`.
 */
export class FormReader {
	readonly errors: FieldErrors = {};
	constructor(private readonly form: Record<string, unknown>) {}

	get ok(): boolean {
		return Object.keys(this.errors).length === 0;
	}

	/** The parsed input when no field failed, else the field errors. */
	result<T>(value: T): Parsed<T> {
		return this.ok ? { ok: true, value } : { ok: false, errors: { ...this.errors } };
	}

	/** A calendar date `YYYY-MM-DD`. */
	date(name: string, options: { required?: boolean; error?: string } = {}): string | null {
		const v = this.raw(name);
		if (!v) {
			if (options.required) this.errors[name] = 'error_required';
			return null;
		}
		if (!isDate(v)) {
			this.errors[name] = options.error ?? 'error_date';
			return null;
		}
		return v;
	}

	raw(name: string): string {
		const v = this.form[name];
		return typeof v === 'string' ? v.trim() : '';
	}

	text(name: string, options: { required?: boolean; max?: number } = {}): string | null {
		const v = this.raw(name);
		if (!v) {
			if (options.required) this.errors[name] = 'error_required';
			return null;
		}
		if (v.length > (options.max ?? 200)) {
			// Refused whole, never cut.
			this.errors[name] = 'error_too_long';
			return null;
		}
		return v;
	}

	/** A whole number; `1 234` allowed. */
	int(
		name: string,
		options: { required?: boolean; min?: number; max?: number; error?: string } = {}
	): number | null {
		const v = this.raw(name).replace(/[\s\u00a0\u202f]/g, '');
		if (!v) {
			if (options.required) this.errors[name] = 'error_required';
			return null;
		}
		// At most 9 digits: always inside PostgreSQL's integer.
		const n = /^-?\d{1,9}$/.test(v) ? Number(v) : NaN;
		if (
			!Number.isInteger(n) ||
			(options.min !== undefined && n < options.min) ||
			(options.max !== undefined && n > options.max)
		) {
			this.errors[name] = options.error ?? 'processes_error_number';
			return null;
		}
		return n;
	}

	/**
	 * A decimal the Czech way (`12,5`, `1 234,5`, `85 %`) as a canonical string, within its
	 * column's `numeric(precision, scale)` (default `numeric(18, 4)`): more whole digits than the
	 * column holds are refused (PostgreSQL would fail), more decimals too (it would round).
	 */
	decimal(
		name: string,
		options: {
			required?: boolean;
			min?: string;
			error?: string;
			column?: readonly [precision: number, scale: number];
		} = {}
	): string | null {
		const v = this.raw(name);
		if (!v) {
			if (options.required) this.errors[name] = 'error_required';
			return null;
		}
		const d = parseDecimal(v);
		if (d === null) {
			this.errors[name] = 'processes_error_decimal';
			return null;
		}
		const [precision, scale] = options.column ?? [18, 4];
		const [whole, fraction = ''] = d.replace('-', '').split('.');
		if (whole.replace(/^0+/, '').length > precision - scale) {
			this.errors[name] = 'error_number_range';
			return null;
		}
		if (fraction.length > scale) {
			this.errors[name] = 'error_decimal_places';
			return null;
		}
		if (options.min !== undefined && compare(d, options.min) < 0) {
			this.errors[name] = options.error ?? 'processes_error_negative';
			return null;
		}
		return d;
	}

	/**
	 * A CZK amount as people write it (`1 234,50`, `12 Kč`) in haléře, within ±10^15 CZK like
	 * every imported amount, so a sum never leaves PostgreSQL's bigint.
	 */
	money(
		name: string,
		options: { required?: boolean; min?: bigint; error?: string } = {}
	): bigint | null {
		const v = this.raw(name);
		if (!v) {
			if (options.required) this.errors[name] = 'error_required';
			return null;
		}
		const amount = parseCzk(v);
		if (amount === null) {
			this.errors[name] = options.error ?? 'processes_error_amount';
			return null;
		}
		if (amount > MAX_AMOUNT || amount < -MAX_AMOUNT) {
			this.errors[name] = 'error_amount_range';
			return null;
		}
		if (options.min !== undefined && amount < options.min) {
			this.errors[name] = 'processes_error_negative';
			return null;
		}
		return amount;
	}

	choice<T extends string>(
		name: string,
		options: readonly T[],
		settings: { required?: boolean } = { required: true }
	): T | null {
		const v = this.raw(name);
		if (!v && !settings.required) return null;
		if (!(options as readonly string[]).includes(v)) {
			this.errors[name] = 'error_choice';
			return null;
		}
		return v as T;
	}

	/** An id from a select; empty means none. */
	id(name: string, options: { required?: boolean } = {}): number | null {
		const v = this.raw(name);
		if (!v) {
			if (options.required) this.errors[name] = 'error_required';
			return null;
		}
		const n = idNumber(v);
		if (n === null) this.errors[name] = 'error_choice';
		return n;
	}

	bool(name: string): boolean {
		const v = this.raw(name);
		return v === 'on' || v === 'true' || v === '1';
	}

	/** Code of a record: letters, digits, dashes, dots; stored upper-case. */
	code(name: string): string | null {
		const v = this.text(name, { required: true, max: 30 });
		if (v === null) return null;
		const code = v.toUpperCase();
		if (!/^[\p{Lu}\d][\p{Lu}\d._-]*$/u.test(code)) {
			this.errors[name] = 'processes_error_code';
			return null;
		}
		return code;
	}
}

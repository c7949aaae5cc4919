import { parseCzk } from '$lib/money';
import type { FieldErrors } from '../shared/errors';
import {
	monthToDate,
	optionalId,
	optionalText,
	requiredText,
	text,
	type Parsed
} from '../programme/programme.validation';
import {
	INITIATIVE_STATUSES,
	type InitiativeInput,
	type InitiativeStatus,
	type SavingInput
} from './initiatives';

type Form = Record<string, unknown>;

/** A non-negative CZK amount; empty is 0 unless required. */
export function amount(form: Form, key: string, errors: FieldErrors, required = false): bigint {
	const v = text(form, key);
	if (!v) {
		if (required) errors[key] = 'error_required';
		return 0n;
	}
	const parsed = parseCzk(v);
	if (parsed === null) {
		errors[key] = 'programme_error_amount';
		return 0n;
	}
	if (parsed < 0n) {
		errors[key] = 'programme_error_negative';
		return 0n;
	}
	if (parsed > 100_000_000_000_00n) {
		errors[key] = 'programme_error_amount';
		return 0n;
	}
	return parsed;
}

/** Hours with at most two decimals (comma or dot), ≥ 0, as a numeric string. */
export function hours(form: Form, key: string, errors: FieldErrors): string {
	const v = text(form, key).replace(/\s/g, '').replace(',', '.');
	if (!v) return '0';
	if (v.startsWith('-')) {
		errors[key] = 'programme_error_negative';
		return '0';
	}
	if (!/^\d{1,7}(\.\d{1,2})?$/.test(v)) {
		errors[key] = 'programme_error_hours';
		return '0';
	}
	return v;
}

export function parseInitiative(form: Form): Parsed<InitiativeInput> {
	const errors: FieldErrors = {};
	const code = requiredText(form, 'code', errors, 20).toUpperCase();
	if (code && !/^[A-Z0-9][A-Z0-9_-]*$/.test(code)) errors.code = 'programme_error_code';
	const value = {
		code,
		name: requiredText(form, 'name', errors, 200),
		description: optionalText(form, 'description', errors),
		ownerUserId: optionalId(form, 'ownerUserId', errors),
		expectedCzk: amount(form, 'expectedCzk', errors),
		expectedHours: hours(form, 'expectedHours', errors),
		valuationOrgUnitId: optionalId(form, 'valuationOrgUnitId', errors),
		activityId: optionalId(form, 'activityId', errors)
	};
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

export function parseBudget(form: Form): Parsed<{ year: number; amount: bigint }> {
	const errors: FieldErrors = {};
	const year = Number(text(form, 'year'));
	if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.year = 'programme_error_year';
	const value = { year, amount: amount(form, 'amount', errors, true) };
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

export function parseSaving(form: Form, today: string): Parsed<SavingInput> {
	const errors: FieldErrors = {};
	const fromText = text(form, 'periodFrom');
	const toText = text(form, 'periodTo') || fromText;
	const periodStart = fromText ? monthToDate(fromText) : null;
	const periodEnd = toText ? monthToDate(toText, true) : null;
	if (!fromText) errors.periodFrom = 'programme_error_period_required';
	else if (!periodStart) errors.periodFrom = 'programme_error_period';
	if (fromText && !periodEnd) errors.periodTo = 'programme_error_period';
	if (periodStart && periodEnd && periodEnd < periodStart) {
		errors.periodTo = 'programme_error_period_order';
	}
	if (periodStart && periodStart > today) errors.periodFrom = 'programme_error_period_future';
	const value = {
		periodStart: periodStart ?? '',
		periodEnd: periodEnd ?? '',
		amount: amount(form, 'amount', errors),
		hours: hours(form, 'hours', errors),
		evidence: requiredText(form, 'evidence', errors, 2000)
	};
	if (!errors.amount && !errors.hours && value.amount === 0n && Number(value.hours) === 0) {
		errors.amount = 'programme_error_saving_empty';
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

export function parseStatus(value: unknown): InitiativeStatus | null {
	return INITIATIVE_STATUSES.includes(value as InitiativeStatus)
		? (value as InitiativeStatus)
		: null;
}

/** Ids of checked boxes (`name` repeated in the form). */
export function ids(values: FormDataEntryValue[]): number[] {
	const out = new Set<number>();
	for (const v of values) {
		const n = Number(v);
		if (Number.isSafeInteger(n) && n > 0) out.add(n);
	}
	return [...out];
}

import { parseCzk } from '$lib/money';
import { FormReader, type Parsed } from '../shared/form';
import { monthToDate } from '../programme/programme.validation';
import {
	INITIATIVE_STATUSES,
	type InitiativeInput,
	type InitiativeStatus,
	type SavingInput
} from './initiatives';

type Form = Record<string, unknown>;

/** A non-negative CZK amount; empty is 0 unless required. */
function amount(f: FormReader, name: string, required = false): bigint {
	const v = f.raw(name);
	if (!v) {
		if (required) f.errors[name] = 'error_required';
		return 0n;
	}
	const parsed = parseCzk(v);
	if (parsed === null || parsed > 100_000_000_000_00n) {
		f.errors[name] = 'programme_error_amount';
		return 0n;
	}
	if (parsed < 0n) {
		f.errors[name] = 'programme_error_negative';
		return 0n;
	}
	return parsed;
}

/** Hours with at most two decimals (comma or dot), ≥ 0, as a numeric string. */
function hours(f: FormReader, name: string): string {
	const v = f.raw(name).replace(/\s/g, '').replace(',', '.');
	if (!v) return '0';
	if (v.startsWith('-')) {
		f.errors[name] = 'programme_error_negative';
		return '0';
	}
	if (!/^\d{1,7}(\.\d{1,2})?$/.test(v)) {
		f.errors[name] = 'programme_error_hours';
		return '0';
	}
	return v;
}

export function parseInitiative(form: Form): Parsed<InitiativeInput> {
	const f = new FormReader(form);
	// Initiative codes are stricter than the kit's record codes: no dots, at most 20 characters.
	const code = (f.text('code', { required: true, max: 20 }) ?? '').toUpperCase();
	if (code && !/^[A-Z0-9][A-Z0-9_-]*$/.test(code)) f.errors.code = 'programme_error_code';
	return f.result({
		code,
		name: f.text('name', { required: true, max: 200 }) ?? '',
		description: f.text('description', { max: 4000 }),
		ownerUserId: f.id('ownerUserId'),
		expectedCzk: amount(f, 'expectedCzk'),
		expectedHours: hours(f, 'expectedHours'),
		valuationOrgUnitId: f.id('valuationOrgUnitId'),
		activityId: f.id('activityId')
	});
}

export function parseBudget(form: Form): Parsed<{ year: number; amount: bigint }> {
	const f = new FormReader(form);
	const year = f.int('year', { min: 2000, max: 2100, error: 'programme_error_year' });
	if (year === null) f.errors.year = 'programme_error_year';
	return f.result({ year: year ?? 0, amount: amount(f, 'amount', true) });
}

export function parseSaving(form: Form, today: string): Parsed<SavingInput> {
	const f = new FormReader(form);
	const fromText = f.raw('periodFrom');
	const toText = f.raw('periodTo') || fromText;
	const periodStart = fromText ? monthToDate(fromText) : null;
	const periodEnd = toText ? monthToDate(toText, true) : null;
	if (!fromText) f.errors.periodFrom = 'programme_error_period_required';
	else if (!periodStart) f.errors.periodFrom = 'programme_error_period';
	if (fromText && !periodEnd) f.errors.periodTo = 'programme_error_period';
	if (periodStart && periodEnd && periodEnd < periodStart) {
		f.errors.periodTo = 'programme_error_period_order';
	}
	if (periodStart && periodStart > today) f.errors.periodFrom = 'programme_error_period_future';
	const value = {
		periodStart: periodStart ?? '',
		periodEnd: periodEnd ?? '',
		amount: amount(f, 'amount'),
		hours: hours(f, 'hours'),
		evidence: f.text('evidence', { required: true, max: 2000 }) ?? ''
	};
	if (!f.errors.amount && !f.errors.hours && value.amount === 0n && Number(value.hours) === 0) {
		f.errors.amount = 'programme_error_saving_empty';
	}
	return f.result(value);
}

/** A status change: the status asked for (approving names none) and an optional note. */
export function parseStatusChange(
	form: Form,
	approve: boolean
): Parsed<{ to: InitiativeStatus; note: string | null }> {
	const f = new FormReader(form);
	const to = approve ? 'approved' : parseStatus(form.to);
	if (!to) f.errors.status = 'programme_error_transition';
	return f.result({ to: to ?? 'approved', note: f.text('note', { max: 1000 }) });
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

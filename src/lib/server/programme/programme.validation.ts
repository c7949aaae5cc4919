import type { FieldErrors } from '../shared/errors';
import {
	RISK_STATUSES,
	type MilestoneInput,
	type NewMilestoneInput,
	type RiskInput
} from './programme';
import type { RiskStatus } from '../db/schema';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

type Form = Record<string, unknown>;

export function text(form: Form, key: string): string {
	const v = form[key];
	return typeof v === 'string' ? v.trim() : '';
}

export function requiredText(form: Form, key: string, errors: FieldErrors, max = 500) {
	const v = text(form, key);
	if (!v) errors[key] = 'error_required';
	else if (v.length > max) errors[key] = 'error_too_long';
	return v;
}

export function optionalText(form: Form, key: string, errors: FieldErrors, max = 4000) {
	const v = text(form, key);
	if (v.length > max) errors[key] = 'error_too_long';
	return v || null;
}

/** A real calendar date `YYYY-MM-DD`. */
export function isDate(v: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
	const d = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export function date(form: Form, key: string, errors: FieldErrors, required: boolean) {
	const v = text(form, key);
	if (!v) {
		if (required) errors[key] = 'error_required';
		return null;
	}
	if (!isDate(v)) {
		errors[key] = 'error_date';
		return null;
	}
	return v;
}

/** An id from a select; empty means none. */
export function optionalId(form: Form, key: string, errors: FieldErrors): number | null {
	const v = text(form, key);
	if (!v) return null;
	const n = Number(v);
	if (!Number.isSafeInteger(n) || n <= 0) {
		errors[key] = 'error_choice';
		return null;
	}
	return n;
}

function scale(form: Form, key: string, errors: FieldErrors): number {
	const n = Number(text(form, key));
	if (!Number.isInteger(n) || n < 1 || n > 5) errors[key] = 'programme_error_scale';
	return n;
}

export function parseMilestone(form: Form): Parsed<MilestoneInput> {
	const errors: FieldErrors = {};
	const value = {
		name: requiredText(form, 'name', errors),
		ownerUserId: optionalId(form, 'ownerUserId', errors),
		deliverable: optionalText(form, 'deliverable', errors, 1000),
		currentDue: date(form, 'currentDue', errors, true) ?? '',
		doneDate: date(form, 'doneDate', errors, false),
		notes: optionalText(form, 'notes', errors)
	};
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

export function parseNewMilestone(form: Form): Parsed<NewMilestoneInput> {
	const errors: FieldErrors = {};
	const activityId = optionalId(form, 'activityId', errors);
	if (activityId === null && !errors.activityId) errors.activityId = 'error_required';
	const value = {
		activityId: activityId ?? 0,
		name: requiredText(form, 'name', errors),
		ownerUserId: optionalId(form, 'ownerUserId', errors),
		deliverable: optionalText(form, 'deliverable', errors, 1000),
		baselineDue: date(form, 'baselineDue', errors, true) ?? ''
	};
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

export function parseRisk(form: Form): Parsed<RiskInput> {
	const errors: FieldErrors = {};
	const status = text(form, 'status') || 'open';
	if (!RISK_STATUSES.includes(status as RiskStatus)) errors.status = 'error_choice';
	const value = {
		description: requiredText(form, 'description', errors, 2000),
		probability: scale(form, 'probability', errors),
		impact: scale(form, 'impact', errors),
		ownerUserId: optionalId(form, 'ownerUserId', errors),
		mitigation: optionalText(form, 'mitigation', errors),
		status: status as RiskStatus
	};
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

/** `2026-03` → `2026-03-01`; the last day with `end`. */
export function monthToDate(month: string, end = false): string | null {
	const match = /^(\d{4})-(\d{2})$/.exec(month);
	if (!match) return null;
	const y = Number(match[1]);
	const m = Number(match[2]);
	if (m < 1 || m > 12) return null;
	if (!end) return `${match[1]}-${match[2]}-01`;
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return `${match[1]}-${match[2]}-${String(last).padStart(2, '0')}`;
}

import { FormReader, type Parsed } from '../shared/form';
import {
	RISK_STATUSES,
	type MilestoneInput,
	type NewMilestoneInput,
	type RiskInput
} from './programme';

type Form = Record<string, unknown>;

/** Probability and impact of a risk: 1–5; an empty field is out of the scale too. */
function scale(f: FormReader, name: string): number {
	const n = f.int(name, { min: 1, max: 5, error: 'programme_error_scale' });
	if (n === null && !f.errors[name]) f.errors[name] = 'programme_error_scale';
	return n ?? 0;
}

export function parseMilestone(form: Form): Parsed<MilestoneInput> {
	const f = new FormReader(form);
	return f.result({
		name: f.text('name', { required: true, max: 500 }) ?? '',
		ownerUserId: f.id('ownerUserId'),
		deliverable: f.text('deliverable', { max: 1000 }),
		currentDue: f.date('currentDue', { required: true }) ?? '',
		doneDate: f.date('doneDate'),
		notes: f.text('notes', { max: 4000 }),
		slipReason: f.text('slipReason', { max: 2000 })
	});
}

export function parseNewMilestone(form: Form): Parsed<NewMilestoneInput> {
	const f = new FormReader(form);
	return f.result({
		activityId: f.id('activityId', { required: true }) ?? 0,
		name: f.text('name', { required: true, max: 500 }) ?? '',
		ownerUserId: f.id('ownerUserId'),
		deliverable: f.text('deliverable', { max: 1000 }),
		baselineDue: f.date('baselineDue', { required: true }) ?? ''
	});
}

/** The predecessor picked to add or remove a dependency (finish–start). */
export function parseDependency(form: Form): Parsed<{ predecessorId: number }> {
	const f = new FormReader(form);
	return f.result({ predecessorId: f.id('predecessorId', { required: true }) ?? 0 });
}

export function parseRisk(form: Form): Parsed<RiskInput> {
	const f = new FormReader(form);
	return f.result({
		description: f.text('description', { required: true, max: 2000 }) ?? '',
		probability: scale(f, 'probability'),
		impact: scale(f, 'impact'),
		ownerUserId: f.id('ownerUserId'),
		mitigation: f.text('mitigation', { max: 4000 }),
		status: f.choice('status', RISK_STATUSES, { required: false }) ?? 'open'
	});
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

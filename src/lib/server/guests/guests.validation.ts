import { FormReader, type Parsed } from '../shared/form';

/** Who a guest is; shown to the admin only, the guest's pages show no other person's name. */
export const GUEST_PURPOSES = ['assessor', 'partner', 'auditor'] as const;
export type GuestPurpose = (typeof GUEST_PURPOSES)[number];

/** A guest account lasts at most this many days from the invitation. */
export const MAX_GUEST_DAYS = 366;

export interface InviteInput {
	email: string;
	displayName: string;
	purpose: GuestPurpose;
	expiresOn: string;
	cafRounds: number[];
	processes: number[];
	councilReport: boolean;
	mayScore: boolean;
}

const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;

function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

function idList(values: readonly unknown[]): number[] {
	const out = values.map((v) => Number(v)).filter((n) => Number.isSafeInteger(n) && n > 0);
	return [...new Set(out)];
}

/**
 * The invitation form: an address, a name, what the guest comes for, the last day (after today,
 * within a year), and at least one object. Scoring is more than reading: only in CAF rounds.
 */
export function parseInvite(
	form: Record<string, unknown>,
	lists: { cafRounds: readonly unknown[]; processes: readonly unknown[] },
	today: string
): Parsed<InviteInput> {
	const f = new FormReader(form);
	const email = (f.text('email', { required: true, max: 120 }) ?? '').toLowerCase();
	if (email && !f.errors.email && !EMAIL.test(email)) f.errors.email = 'guests_error_email';
	const displayName = f.text('displayName', { required: true, max: 120 }) ?? '';
	const purpose = f.choice('purpose', GUEST_PURPOSES) ?? 'assessor';
	const expiresOn = f.date('expiresOn', { required: true }) ?? '';
	if (expiresOn && !f.errors.expiresOn) {
		if (expiresOn <= today) f.errors.expiresOn = 'guests_error_expiry_past';
		else if (expiresOn > addDays(today, MAX_GUEST_DAYS)) {
			f.errors.expiresOn = 'guests_error_expiry_far';
		}
	}
	const cafRounds = idList(lists.cafRounds);
	const processes = idList(lists.processes);
	const councilReport = f.bool('councilReport');
	const mayScore = f.bool('mayScore');
	if (!cafRounds.length && !processes.length && !councilReport) {
		f.errors.scope = 'guests_error_scope_empty';
	}
	if (mayScore && !cafRounds.length) f.errors.mayScore = 'guests_error_score_without_round';
	return f.result({
		email,
		displayName,
		purpose,
		expiresOn,
		cafRounds,
		processes,
		councilReport,
		mayScore
	});
}

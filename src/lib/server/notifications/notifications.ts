import type { JobKind, MailMode } from '../db/schema';

export type { JobKind, MailMode };

export const MAIL_MODES: readonly MailMode[] = ['all', 'digest', 'reminders', 'none'];

/** What a job carries: the message as rendered when it was queued. */
export interface MailPayload {
	subject: string;
	text: string;
	html: string;
}

export interface NewJob {
	kind: JobKind;
	recipientUserId: number | null;
	/** a webhook URL; e-mail recipients are users */
	address?: string | null;
	payload: MailPayload | Record<string, unknown>;
	dedupeKey: string;
}

/** Whether a user with `mode` receives a job of `kind`. Ambassadors' nudges are reminders. */
export function wants(mode: MailMode, kind: JobKind): boolean {
	if (mode === 'none') return false;
	if (mode === 'all' || kind === 'webhook') return true;
	if (kind === 'digest') return mode === 'digest';
	return mode === 'reminders';
}

/** Minutes to wait before attempt `n + 1` after `n` failed attempts: 1, 5, 25, 125, 625. */
export function backoffMinutes(attempts: number): number {
	return 5 ** Math.max(0, attempts - 1);
}

/** After this many failed attempts a job is given up (status `failed`, shown to the admin). */
export const MAX_ATTEMPTS = 5;

import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import type { Db } from '../db';
import { FormReader, type Parsed } from '../shared/form';
import type { Clock } from '../shared/clock';
import * as repo from './notifications.repository';
import { MAIL_MODES, type MailMode } from './notifications';

export interface MailPreference {
	email: string | null;
	mode: MailMode;
}

/** A user's address and which mails they want; everyone gets everything until they choose. */
export async function get(db: Executor, userId: number): Promise<MailPreference> {
	const row = await repo.preference(db, userId);
	return { email: row?.email ?? null, mode: row?.mode ?? 'all' };
}

/** The account form: an address (may be empty: then no mail) and one of the modes. */
export function parse(form: Record<string, unknown>): Parsed<MailPreference> {
	const f = new FormReader(form);
	const email = f.text('email', { max: 200 });
	if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
		f.errors.email = 'adoption_error_email';
	}
	const mode = f.choice('mode', MAIL_MODES);
	return f.result({ email, mode: mode ?? 'all' });
}

/** Saves a user's own preference (audited: the address is personal data). */
export async function save(
	db: Db,
	userId: number,
	next: MailPreference,
	clock: Clock
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await get(trx, userId);
		await repo.savePreference(trx, userId, next.email, next.mode, clock());
		await audit.record(trx, {
			userId,
			action: 'notification_preference.update',
			entity: 'app_user',
			entityId: userId,
			before,
			after: next
		});
	});
}

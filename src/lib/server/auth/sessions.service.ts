import type { Db } from '../db';
import * as audit from '../audit/audit';
import { NotFoundError } from '../shared/errors';
import { systemClock } from '../shared/clock';
import { listUserSessions } from './session';

/**
 * The sessions a user sees on /account and ends there. A session is named on the page by the
 * first 16 characters of its id (itself only a hash of the token), never by the token; every end
 * is in the audit log with the session it ended.
 */
export const HANDLE_LENGTH = 16;

export function sessionHandle(sessionId: string): string {
	return sessionId.slice(0, HANDLE_LENGTH);
}

export async function mySessions(db: Db, userId: number, currentId: string, now = systemClock()) {
	const sessions = await listUserSessions(db, userId, now);
	return sessions.map(({ id, ...rest }) => ({
		...rest,
		handle: sessionHandle(id),
		current: id === currentId
	}));
}

/** Ends one of the user's own sessions (another device, or this one). */
export async function endSession(db: Db, userId: number, handle: string): Promise<void> {
	if (!/^[0-9a-f]{16}$/.test(handle)) throw new NotFoundError('session');
	await db.transaction().execute(async (trx) => {
		const ended = await trx
			.deleteFrom('user_session')
			.where('user_id', '=', userId)
			.where('id', 'like', `${handle}%`)
			.returning('id')
			.execute();
		if (ended.length === 0) throw new NotFoundError('session');
		await audit.record(trx, {
			userId,
			action: 'session.end',
			entity: 'user',
			entityId: userId,
			before: { session: handle }
		});
	});
}

/** Ends every session of the user but the one in use; returns how many ended. */
export async function endOtherSessions(db: Db, userId: number, currentId: string) {
	return db.transaction().execute(async (trx) => {
		const ended = await trx
			.deleteFrom('user_session')
			.where('user_id', '=', userId)
			.where('id', '!=', currentId)
			.returning('id')
			.execute();
		await audit.record(trx, {
			userId,
			action: 'session.end_others',
			entity: 'user',
			entityId: userId,
			before: { sessions: ended.map((s) => sessionHandle(s.id)) }
		});
		return ended.length;
	});
}

/** Signing out: the session ends and the log says so. */
export async function signOut(db: Db, userId: number, sessionId: string): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('user_session').where('id', '=', sessionId).execute();
		await audit.record(trx, {
			userId,
			action: 'session.sign_out',
			entity: 'user',
			entityId: userId,
			before: { session: sessionHandle(sessionId) }
		});
	});
}

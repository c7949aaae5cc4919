import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import { hashPassword, verifyPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import type { Db } from '../db';
import type { AppUserRow, Role } from '../db/schema';
import { type User } from './users';
import { ValidationError } from '../shared/errors';
import { createAudited, editAudited, updateVersioned } from '../shared/versioned';
import type { NewUserInput } from './users.validation';
import { checkPassword } from './users.validation';
import * as repo from './users.repository';

function toUser(row: AppUserRow): User {
	return {
		id: row.id,
		username: row.username,
		displayName: row.display_name,
		role: row.role,
		active: row.active,
		createdAt: row.created_at,
		version: row.version
	};
}

/** What the audit log keeps of a user: never the password hash. */
function auditView(user: User) {
	return {
		username: user.username,
		displayName: user.displayName,
		role: user.role,
		active: user.active
	};
}

/** The staff accounts (guests are listed with their grant, guests.service). */
export async function list(db: Executor): Promise<User[]> {
	const rows = await repo.all(db);
	return rows.filter((r) => r.role !== 'guest').map(toUser);
}

/** Active users in one of `roles` (all roles when none): id, name and role, by name. */
export async function active(db: Executor, roles?: readonly Role[]) {
	const rows = await repo.active(db, roles);
	return rows.map((r) => ({ id: r.id, name: r.display_name, role: r.role }));
}

export async function findByUsername(db: Executor, username: string) {
	return repo.findByUsername(db, username.trim().toLowerCase());
}

async function getForUpdate(db: Executor, id: number): Promise<User> {
	return toUser(await repo.lockById(db, id));
}

export async function create(db: Db, actorId: number | null, input: NewUserInput): Promise<User> {
	const passwordHash = await hashPassword(input.password);
	const row = await createAudited(db, 'app_user', {
		change: { userId: actorId, action: 'user.create', entity: 'user' },
		values: {
			username: input.username,
			display_name: input.displayName,
			role: input.role,
			password_hash: passwordHash
		},
		view: (r) => auditView(toUser(r)),
		check: async (trx) => {
			if (await findByUsername(trx, input.username)) {
				throw new ValidationError({ username: 'error_username_taken' });
			}
		}
	});
	return toUser(row);
}

/** Changes a user's role or active flag; a stale version is a conflict, never an overwrite. */
export async function update(
	db: Db,
	actorId: number,
	id: number,
	expectedVersion: number,
	change: { role?: Role; active?: boolean }
): Promise<User> {
	return db.transaction().execute(async (trx) => {
		const { after } = await editAudited(trx, 'app_user', id, expectedVersion, {
			change: {
				userId: actorId,
				action:
					change.active === undefined
						? 'user.role'
						: change.active
							? 'user.activate'
							: 'user.deactivate',
				entity: 'user'
			},
			entity: 'user',
			view: (row) => auditView(toUser(row)),
			check: (_, before) => {
				// A guest's account is changed through its grant (guests.service): invited, revoked.
				if (before.role === 'guest') throw new ValidationError({ role: 'guests_error_staff_only' });
				const lockout = change.active === false || (change.role && change.role !== 'admin');
				// An admin cannot lock themselves out; another admin must do it.
				if (id === actorId && lockout) throw new ValidationError({ role: 'error_self_lockout' });
			},
			values: () => change
		});
		if (change.active === false) await invalidateUserSessions(trx, id);
		return toUser(after);
	});
}

/** An admin sets a new password; every session of that user ends. */
export async function resetPassword(db: Db, actorId: number, id: number, password: string) {
	const errors = {};
	checkPassword(password, 'password', errors);
	if (Object.keys(errors).length) throw new ValidationError(errors);
	const passwordHash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		await getForUpdate(trx, id);
		await updateVersioned(trx, 'app_user', id, {
			password_hash: passwordHash,
			updated_at: sql`now()`
		});
		await invalidateUserSessions(trx, id);
		await audit.record(trx, {
			userId: actorId,
			action: 'user.reset_password',
			entity: 'user',
			entityId: id
		});
	});
}

/** The user changes their own password; their other sessions end, this one stays. */
export async function changePassword(
	db: Db,
	userId: number,
	sessionId: string,
	current: string,
	next: string
) {
	const errors: Record<string, string> = {};
	checkPassword(next, 'newPassword', errors);
	const row = await repo.findPasswordHash(db, userId);
	if (!row || !(await verifyPassword(row.password_hash, current))) {
		errors.currentPassword = 'error_current_password';
	}
	if (Object.keys(errors).length) throw new ValidationError(errors);
	const passwordHash = await hashPassword(next);
	await db.transaction().execute(async (trx) => {
		await updateVersioned(trx, 'app_user', userId, {
			password_hash: passwordHash,
			updated_at: sql`now()`
		});
		await invalidateUserSessions(trx, userId, sessionId);
		await audit.record(trx, {
			userId,
			action: 'user.change_password',
			entity: 'user',
			entityId: userId
		});
	});
}

export const count = repo.count;

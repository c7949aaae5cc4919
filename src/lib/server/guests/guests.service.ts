/**
 * Guests: time-limited external accounts scoped to named objects. The admin invites one (an
 * account with the role `guest`, its grant and scope, a one-time link by e-mail through the job
 * queue); the guest follows the link once, sets a password and is signed in; the admin revokes,
 * and the guest's sessions end at once. The link's token is stored as its SHA-256 only, as
 * session tokens are (auth/session.ts). What a guest may open is guests/scope.ts.
 */
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import { hashPassword } from '../auth/password';
import {
	createSession,
	generateSessionToken,
	invalidateUserSessions,
	sessionIdFromToken,
	type Session,
	type SessionOrigin
} from '../auth/session';
import * as cafRepo from '../caf/caf.repository';
import type { Db } from '../db';
import * as jobs from '../notifications/jobs.repository';
import * as notificationsRepo from '../notifications/notifications.repository';
import { systemClock, todayInPrague, startOfPragueDay, type Clock } from '../shared/clock';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { checkPassword } from '../users/users.validation';
import * as users from '../users/users.service';
import { renderInvitation } from './invitation-mail';
import * as repo from './guests.repository';
import { guestActive, type GuestScope } from './scope';
import type { GuestPurpose, InviteInput } from './guests.validation';

/** An invitation link works this long, and never beyond the guest's last day. */
export const INVITATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export type GuestState = 'invited' | 'active' | 'expired' | 'revoked';

export interface GuestRow {
	userId: number;
	username: string;
	displayName: string;
	purpose: GuestPurpose;
	expiresOn: string;
	state: GuestState;
	councilReport: boolean;
	mayScore: boolean;
	cafRounds: string[];
	processes: string[];
	createdAt: Date;
	version: number;
}

/** A guest's scope, for the session check and the guard; null when they have no grant. */
export async function guestScope(db: Executor, userId: number): Promise<GuestScope | null> {
	const grant = await repo.grant(db, userId);
	if (!grant) return null;
	return {
		userId,
		expiresOn: grant.row.expires_on,
		revoked: grant.row.revoked_at !== null,
		councilReport: grant.row.council_report,
		mayScore: grant.row.may_score,
		cafRounds: grant.scope.filter((s) => s.kind === 'caf_round').map((s) => s.object_id),
		processes: grant.scope.filter((s) => s.kind === 'process').map((s) => s.object_id)
	};
}

/** What the admin may put in a scope. */
export async function choices(db: Executor) {
	const [rounds, processes] = await Promise.all([repo.cafRounds(db), repo.processes(db)]);
	return {
		cafRounds: rounds.map((r) => ({ id: r.id, name: r.name, status: r.status })),
		processes: processes.map((p) => ({ id: p.id, name: `${p.code} ${p.name}` }))
	};
}

/** What a guest's landing lists: the objects they may open (names of things, not of people). */
export async function landing(db: Executor, scope: GuestScope) {
	const all = await choices(db);
	return {
		expiresOn: scope.expiresOn,
		mayScore: scope.mayScore,
		councilReport: scope.councilReport,
		cafRounds: all.cafRounds.filter((r) => scope.cafRounds.includes(r.id)),
		processes: all.processes.filter((p) => scope.processes.includes(p.id))
	};
}

/** Every guest, with scope, last day and state, for /admin/users. */
export async function list(db: Executor, clock: Clock = systemClock): Promise<GuestRow[]> {
	const today = todayInPrague(clock());
	const [rows, scopes, all] = await Promise.all([repo.all(db), repo.scopes(db), choices(db)]);
	const roundName = new Map(all.cafRounds.map((r) => [r.id, r.name]));
	const processName = new Map(all.processes.map((p) => [p.id, p.name]));
	return rows.map((r) => {
		const own = scopes.filter((s) => s.user_id === r.user_id);
		const state: GuestState =
			r.revoked_at !== null
				? 'revoked'
				: !guestActive({ expiresOn: r.expires_on, revoked: false }, today)
					? 'expired'
					: r.accepted
						? 'active'
						: 'invited';
		return {
			userId: r.user_id,
			username: r.username,
			displayName: r.display_name,
			purpose: r.purpose as GuestPurpose,
			expiresOn: r.expires_on,
			state,
			councilReport: r.council_report,
			mayScore: r.may_score,
			cafRounds: own
				.filter((s) => s.kind === 'caf_round')
				.map((s) => roundName.get(s.object_id) ?? `#${s.object_id}`),
			processes: own
				.filter((s) => s.kind === 'process')
				.map((s) => processName.get(s.object_id) ?? `#${s.object_id}`),
			createdAt: r.created_at,
			version: r.version
		};
	});
}

/** When a link made at `now` stops working: INVITATION_DAYS on, or the end of the last day. */
export function linkExpiry(now: Date, expiresOn: string): Date {
	const endOfLastDay = startOfPragueDay(
		new Date(new Date(`${expiresOn}T00:00:00Z`).getTime() + DAY_MS).toISOString().slice(0, 10)
	);
	return new Date(Math.min(now.getTime() + INVITATION_DAYS * DAY_MS, endOfLastDay.getTime()));
}

async function issueLink(
	trx: Executor,
	guest: { id: number; displayName: string; expiresOn: string },
	now: Date,
	origin: string
): Promise<string> {
	const token = generateSessionToken();
	const expiresAt = linkExpiry(now, guest.expiresOn);
	const invitation = await repo.insertInvitation(
		trx,
		guest.id,
		sessionIdFromToken(token),
		expiresAt,
		now
	);
	const link = `${origin}/invite/${token}`;
	// The mail carries the link until it is sent; the queue then drops it (jobs.repository finish).
	await jobs.enqueue(
		trx,
		[
			{
				kind: 'invitation',
				recipientUserId: guest.id,
				payload: renderInvitation(guest.displayName, link, expiresAt, guest.expiresOn),
				dedupeKey: `invitation:${invitation.id}`
			}
		],
		now
	);
	return link;
}

/**
 * Invites a guest: the account (no usable password until the link is followed), the grant and
 * scope, a guest seat on the panel of each round when they may score, their address, the link
 * queued as mail. Returns the link, which the admin passes on when no SMTP is set.
 */
export async function invite(
	db: Db,
	actorId: number,
	input: InviteInput,
	clock: Clock,
	origin: string
): Promise<{ userId: number; link: string }> {
	const now = clock();
	// Nobody knows this password: the guest sets theirs through the link.
	const unusable = await hashPassword(generateSessionToken() + generateSessionToken());
	return db.transaction().execute(async (trx) => {
		if (await users.findByUsername(trx, input.email)) {
			throw new ValidationError({ email: 'guests_error_email_taken' });
		}
		const all = await choices(trx);
		const known = (ids: number[], list: { id: number }[]) =>
			ids.every((id) => list.some((x) => x.id === id));
		if (!known(input.cafRounds, all.cafRounds) || !known(input.processes, all.processes)) {
			throw new ValidationError({ scope: 'guests_error_scope_unknown' });
		}
		const user = await trx
			.insertInto('app_user')
			.values({
				username: input.email,
				display_name: input.displayName,
				role: 'guest',
				password_hash: unusable
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await repo.insertGrant(
			trx,
			{
				userId: user.id,
				expiresOn: input.expiresOn,
				councilReport: input.councilReport,
				mayScore: input.mayScore,
				purpose: input.purpose,
				invitedBy: actorId
			},
			[
				...input.cafRounds.map((objectId) => ({ kind: 'caf_round' as const, objectId })),
				...input.processes.map((objectId) => ({ kind: 'process' as const, objectId }))
			]
		);
		if (input.mayScore) {
			for (const roundId of input.cafRounds) await cafRepo.seatGuest(trx, roundId, user.id);
		}
		await notificationsRepo.savePreference(trx, user.id, input.email, 'all', now);
		const link = await issueLink(
			trx,
			{ id: user.id, displayName: input.displayName, expiresOn: input.expiresOn },
			now,
			origin
		);
		await audit.record(trx, {
			userId: actorId,
			action: 'guest.invite',
			entity: 'user',
			entityId: user.id,
			after: {
				username: input.email,
				displayName: input.displayName,
				role: 'guest',
				purpose: input.purpose,
				expiresOn: input.expiresOn,
				cafRounds: input.cafRounds,
				processes: input.processes,
				councilReport: input.councilReport,
				mayScore: input.mayScore
			}
		});
		return { userId: user.id, link };
	});
}

/** A new link for a guest who lost theirs (the earlier ones stop working). */
export async function reinvite(
	db: Db,
	actorId: number,
	userId: number,
	version: number,
	clock: Clock,
	origin: string
): Promise<string> {
	const now = clock();
	return db.transaction().execute(async (trx) => {
		const grant = await repo.lockGrant(trx, userId);
		if (!grant) throw new NotFoundError('guest');
		if (grant.version !== version) throw new ConflictError(null);
		if (
			!guestActive({ expiresOn: grant.expires_on, revoked: !!grant.revoked_at }, todayInPrague(now))
		) {
			throw new ValidationError({ guest: 'guests_error_not_active' });
		}
		const row = await trx
			.selectFrom('app_user')
			.select('display_name')
			.where('id', '=', userId)
			.executeTakeFirstOrThrow();
		await repo.closeInvitations(trx, userId, now);
		const link = await issueLink(
			trx,
			{ id: userId, displayName: row.display_name, expiresOn: grant.expires_on },
			now,
			origin
		);
		await audit.record(trx, {
			userId: actorId,
			action: 'guest.reinvite',
			entity: 'user',
			entityId: userId
		});
		return link;
	});
}

/** Revokes a guest: the grant, the account, every session and open link end now. */
export async function revoke(
	db: Db,
	actorId: number,
	userId: number,
	version: number,
	clock: Clock = systemClock
): Promise<void> {
	const now = clock();
	await db.transaction().execute(async (trx) => {
		const grant = await repo.lockGrant(trx, userId);
		if (!grant) throw new NotFoundError('guest');
		if (grant.version !== version) throw new ConflictError(null);
		if (grant.revoked_at) return;
		await repo.revokeGrant(trx, userId, now);
		await repo.deactivate(trx, userId, now);
		await repo.closeInvitations(trx, userId, now);
		await invalidateUserSessions(trx, userId);
		await audit.record(trx, {
			userId: actorId,
			action: 'guest.revoke',
			entity: 'user',
			entityId: userId,
			before: { expiresOn: grant.expires_on, active: true },
			after: { active: false }
		});
	});
}

/** Whom a link invites, while it still works (unused, not expired, the grant in force). */
export async function invitee(
	db: Executor,
	token: string,
	clock: Clock = systemClock
): Promise<{ displayName: string } | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const now = clock();
	const row = await repo.findInvitation(db, sessionIdFromToken(token));
	if (!row || row.used_at || now >= row.expires_at || !row.active) return null;
	const scope = await guestScope(db, row.user_id);
	if (!guestActive(scope, todayInPrague(now))) return null;
	return { displayName: row.display_name };
}

/**
 * Follows a link: once, before it expires, while the grant is in force. The guest's password must
 * pass the password policy; then the link is spent and the guest is signed in.
 */
export async function accept(
	db: Db,
	token: string,
	password: string,
	origin: SessionOrigin,
	clock: Clock = systemClock
): Promise<{ token: string; session: Session }> {
	if (!/^[a-z2-7]{32}$/.test(token)) throw new NotFoundError('guest_invitation');
	const now = clock();
	const found = await repo.findInvitation(db, sessionIdFromToken(token));
	if (!found) throw new NotFoundError('guest_invitation');
	const errors: Record<string, string> = {};
	const username =
		(
			await db
				.selectFrom('app_user')
				.select('username')
				.where('id', '=', found.user_id)
				.executeTakeFirst()
		)?.username ?? '';
	checkPassword(password, 'password', errors, username);
	if (Object.keys(errors).length) throw new ValidationError(errors);
	const passwordHash = await hashPassword(password);
	return db.transaction().execute(async (trx) => {
		const row = await repo.lockInvitation(trx, sessionIdFromToken(token));
		if (!row || row.used_at || now >= row.expires_at || !row.active || row.role !== 'guest') {
			throw new NotFoundError('guest_invitation');
		}
		const scope = await guestScope(trx, row.user_id);
		if (!guestActive(scope, todayInPrague(now))) throw new NotFoundError('guest_invitation');
		await repo.closeInvitations(trx, row.user_id, now);
		await repo.setPassword(trx, row.user_id, passwordHash, now);
		const sessionToken = generateSessionToken();
		const session = await createSession(trx, sessionToken, row.user_id, origin, now);
		await audit.record(trx, {
			userId: row.user_id,
			action: 'guest.accept',
			entity: 'user',
			entityId: row.user_id,
			after: { invitation: row.id }
		});
		return { token: sessionToken, session };
	});
}

/** A guest signed in with their password (login.service asks for every guest). */
export async function recordSignIn(db: Executor, userId: number): Promise<void> {
	await audit.record(db, {
		userId,
		action: 'guest.sign_in',
		entity: 'user',
		entityId: userId
	});
}

/** One request of a guest: what they opened or sent, and the answer. */
export async function recordGuestRequest(
	db: Executor,
	userId: number,
	request: {
		method: string;
		path: string;
		action: string | null;
		route: string | null;
		status: number;
	}
): Promise<void> {
	await audit.record(db, {
		userId,
		action: request.method === 'GET' ? 'guest.view' : 'guest.send',
		entity: 'user',
		entityId: userId,
		after: request
	});
}

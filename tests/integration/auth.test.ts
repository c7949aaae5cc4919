import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';
import {
	createSession,
	generateSessionToken,
	ABSOLUTE_DAYS,
	IDLE_DAYS,
	invalidateSession,
	recentlyAuthenticated,
	REAUTH_MINUTES,
	sessionIdFromToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { checkOwnPassword, confirmPassword, login } from '../../src/lib/server/auth/login.service';
import {
	endOtherSessions,
	endSession,
	mySessions,
	sessionHandle
} from '../../src/lib/server/auth/sessions.service';
import * as throttle from '../../src/lib/server/auth/throttle';
import {
	LIMITS,
	MAX_PAUSE_SECONDS,
	SLOW_AFTER,
	pauseSeconds
} from '../../src/lib/server/auth/throttle';
import * as users from '../../src/lib/server/users/users.service';
import { ConflictError, NotFoundError, ValidationError } from '../../src/lib/server/shared/errors';

const DAY = 24 * 60 * 60 * 1000;

/** An app clock the test moves forward by hand. */
function steppingClock(iso: string) {
	let ms = Date.parse(iso);
	return { now: () => new Date(ms), advance: (by: number) => (ms += by) };
}

describe.each(engines)('sign-in and sessions on %s', (engine) => {
	let t: TestDb;
	let adminId: number;
	beforeAll(async () => {
		t = await createTestDb(engine);
		const admin = await users.create(t.db, null, {
			username: 'spravce',
			displayName: 'Správce',
			role: 'admin',
			password: 'spravce-heslo-123'
		});
		adminId = admin.id;
	});
	afterAll(() => t.destroy());

	it('stores only the SHA-256 of the session token', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, adminId);
		const ids = await t.db.selectFrom('user_session').select('id').execute();
		expect(ids.map((r) => r.id)).toContain(sessionIdFromToken(token));
		expect(ids.map((r) => r.id)).not.toContain(token);
		expect(sessionIdFromToken(token)).toMatch(/^[0-9a-f]{64}$/);
	});

	it('ends a session after a week unused, and 30 days after sign-in however often it is used', async () => {
		const t0 = Date.parse('2030-01-01T08:00:00Z');
		const at = (days: number) => new Date(t0 + days * DAY);
		const idle = generateSessionToken();
		await createSession(t.db, idle, adminId, {}, at(0));
		expect((await validateSessionToken(t.db, idle, at(6))).user?.username).toBe('spravce');
		// Used on day 6: it now lasts until day 13.
		expect((await validateSessionToken(t.db, idle, at(12.9))).user).not.toBeNull();
		expect((await validateSessionToken(t.db, idle, at(12.9 + IDLE_DAYS + 0.01))).user).toBeNull();

		const busy = generateSessionToken();
		const session = await createSession(t.db, busy, adminId, {}, at(0));
		for (let day = 1; day < ABSOLUTE_DAYS; day += 2) {
			const checked = await validateSessionToken(t.db, busy, at(day));
			expect(checked.user, `day ${day}`).not.toBeNull();
			expect(checked.session!.expiresAt.getTime()).toBeLessThanOrEqual(at(ABSOLUTE_DAYS).getTime());
		}
		expect((await validateSessionToken(t.db, busy, at(ABSOLUTE_DAYS))).session).toBeNull();
		const left = await t.db
			.selectFrom('user_session')
			.where('id', '=', session.id)
			.selectAll()
			.execute();
		expect(left).toHaveLength(0);
	});

	it('moves a session’s expiry, and so sends its cookie again, at most once a minute', async () => {
		const t0 = Date.parse('2030-01-20T08:00:00Z');
		const at = (seconds: number) => new Date(t0 + seconds * 1000);
		const token = generateSessionToken();
		const opened = await createSession(t.db, token, adminId, {}, at(0));
		const soon = await validateSessionToken(t.db, token, at(30));
		expect(soon.renewed).toBe(false);
		expect(soon.session!.expiresAt).toEqual(opened.expiresAt);
		const later = await validateSessionToken(t.db, token, at(61));
		expect(later.renewed).toBe(true);
		expect(later.session!.expiresAt.getTime()).toBe(opened.expiresAt.getTime() + 61_000);
		expect((await validateSessionToken(t.db, token, at(90))).renewed).toBe(false);
	});

	it('asks an admin for the password again after a while; confirming counts as an attempt', async () => {
		const clock = steppingClock('2030-02-01T08:00:00Z');
		const signedIn = await login(t.db, 'spravce', 'spravce-heslo-123', '10.20.0.1', clock.now);
		if (!signedIn.ok) throw new Error('sign-in failed');
		expect(recentlyAuthenticated(signedIn.session, clock.now())).toBe(true);
		clock.advance((REAUTH_MINUTES + 1) * 60_000);
		const later = await validateSessionToken(t.db, signedIn.token, clock.now());
		expect(recentlyAuthenticated(later.session!, clock.now())).toBe(false);
		const wrong = await confirmPassword(
			t.db,
			adminId,
			later.session!.id,
			'spatne',
			'10.20.0.1',
			clock.now
		);
		expect(wrong).toMatchObject({ ok: false, reason: 'invalid' });
		const right = await confirmPassword(
			t.db,
			adminId,
			later.session!.id,
			'spravce-heslo-123',
			'10.20.0.1',
			clock.now
		);
		expect(right.ok).toBe(true);
		const again = await validateSessionToken(t.db, signedIn.token, clock.now());
		expect(recentlyAuthenticated(again.session!, clock.now())).toBe(true);
	});

	it('lists a user’s sessions with where they came from, and ends one or all others, in the audit log', async () => {
		const user = await users.create(t.db, adminId, {
			username: 'zarizeni',
			displayName: 'Zařízení',
			role: 'viewer',
			password: 'tri-zarizeni-1234'
		});
		const clock = () => new Date('2030-03-01T08:00:00Z');
		const signIns = [];
		for (const agent of ['Firefox', 'Chromium', 'Safari']) {
			const r = await login(t.db, 'zarizeni', 'tri-zarizeni-1234', '10.30.0.1', clock, agent);
			if (!r.ok) throw new Error('sign-in failed');
			signIns.push(r);
		}
		const [mine, second, third] = signIns;
		const listed = await mySessions(t.db, user.id, mine.session.id, clock());
		expect(listed).toHaveLength(3);
		expect(listed.filter((s) => s.current)).toHaveLength(1);
		expect(listed.map((s) => s.userAgent).sort()).toEqual(['Chromium', 'Firefox', 'Safari']);
		expect(listed.every((s) => s.address === '10.30.0.1' && /^[0-9a-f]{16}$/.test(s.handle))).toBe(
			true
		);

		// Another user's session cannot be ended by naming it.
		await expect(endSession(t.db, adminId, sessionHandle(second.session.id))).rejects.toThrow(
			NotFoundError
		);
		await endSession(t.db, user.id, sessionHandle(second.session.id));
		expect((await validateSessionToken(t.db, second.token, clock())).user).toBeNull();
		expect(await endOtherSessions(t.db, user.id, mine.session.id)).toBe(1);
		expect((await validateSessionToken(t.db, third.token, clock())).user).toBeNull();
		expect((await validateSessionToken(t.db, mine.token, clock())).user?.username).toBe('zarizeni');
		const events = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'user')
			.where('entity_id', '=', String(user.id))
			.where('action', 'like', 'session.%')
			.execute();
		expect(events.map((e) => e.action).sort()).toEqual(['session.end', 'session.end_others']);
	});

	it('rejects forged and signed-out tokens', async () => {
		expect((await validateSessionToken(t.db, 'x'.repeat(1_000_000))).user).toBeNull();
		expect((await validateSessionToken(t.db, generateSessionToken())).user).toBeNull();
		const token = generateSessionToken();
		const session = await createSession(t.db, token, adminId);
		await invalidateSession(t.db, session.id);
		expect((await validateSessionToken(t.db, token)).user).toBeNull();
	});

	it('answers an unknown user and a wrong password alike, then makes the username wait', async () => {
		await users.create(t.db, adminId, {
			username: 'hana',
			displayName: 'Hana',
			role: 'viewer',
			password: 'hana-heslo-12345'
		});
		const clock = steppingClock('2030-05-01T10:00:00Z');
		const unknown = await login(t.db, 'nikdo', 'cokoli-cokoli', '10.0.0.1', clock.now);
		const wrong = await login(t.db, 'hana', 'spatne-heslo-1', '10.0.0.2', clock.now);
		expect(unknown).toMatchObject({ ok: false, reason: 'invalid' });
		expect(wrong).toMatchObject({ ok: false, reason: 'invalid' });

		for (let i = 1; i < SLOW_AFTER; i++) {
			await login(t.db, 'hana', 'spatne-heslo-1', '10.0.0.2', clock.now);
		}
		const blocked = await login(t.db, 'Hana', 'hana-heslo-12345', '10.0.0.3', clock.now);
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled', retryAfter: 1 });

		// Once the pause has passed, the correct password works again.
		clock.advance(1000);
		const ok = await login(t.db, 'hana', 'hana-heslo-12345', '10.0.0.3', clock.now);
		expect(ok.ok).toBe(true);
	});

	it('keeps the window and the pauses by the app clock it is given, not the database clock', async () => {
		const start = Date.parse('2030-05-01T10:00:00Z');
		const at = (seconds: number) => new Date(start + seconds * 1000);
		const pauses: number[] = [];
		let allowed = 0;
		let t0 = 0;
		while (pauses.length < 8) {
			const attempt = await throttle.beginAttempt(
				t.db,
				'hodiny',
				`10.7.${pauses.length}.1`,
				at(t0)
			);
			if (attempt.allowed) {
				allowed++;
				continue;
			}
			pauses.push(attempt.retryAfter);
			t0 += attempt.retryAfter;
		}
		// No pause for the first attempts, then 1 s, 2 s, 4 s … up to the cap; inside a pause an
		// attempt is refused and not counted.
		expect(allowed).toBe(SLOW_AFTER + 7);
		expect(pauses).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
		expect(pauseSeconds(40)).toBe(MAX_PAUSE_SECONDS);
		// After the window a new one starts, at the time given.
		await throttle.beginAttempt(t.db, 'hodiny', '10.7.0.3', at(t0 + 16 * 60));
		const [row] = await t.db
			.selectFrom('login_throttle')
			.select(['failures', 'window_started_at'])
			.where('key', '=', 'user:hodiny')
			.execute();
		expect([row.failures, row.window_started_at.toISOString()]).toEqual([
			1,
			at(t0 + 16 * 60).toISOString()
		]);
	});

	it('checks at most a few passwords for one username under 40 parallel attempts', async () => {
		await users.create(t.db, adminId, {
			username: 'souběh',
			displayName: 'Souběh',
			role: 'viewer',
			password: 'soubeh-heslo-123'
		});
		const clock = () => new Date('2030-06-01T10:00:00Z');
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				login(t.db, 'souběh', `spatne-heslo-${i}`, `10.5.${i}.1`, clock)
			)
		);
		const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
		expect(checked).toBe(SLOW_AFTER);
		expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(40 - SLOW_AFTER);
	});

	it('holds the address limit under parallel attempts across usernames', async () => {
		const clock = () => new Date('2030-06-02T10:00:00Z');
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				login(t.db, `paralelni${i}`, 'x-heslo-x', '10.6.6.6', clock)
			)
		);
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(LIMITS.address);
	});

	it('lets no stranger lock an account: the owner signs in after the pause', async () => {
		const clock = steppingClock('2030-06-03T10:00:00Z');
		// A stranger tries 100 passwords from many addresses, as fast as answered.
		for (let i = 0; i < 100; i++) {
			await login(t.db, 'spravce', `hadam-${i}`, `10.8.${i % 50}.1`, clock.now);
			clock.advance(100);
		}
		clock.advance(MAX_PAUSE_SECONDS * 1000);
		expect((await login(t.db, 'spravce', 'spravce-heslo-123', '10.8.99.1', clock.now)).ok).toBe(
			true
		);
	});

	it('blocks one client address after many failures across usernames', async () => {
		for (let i = 0; i < LIMITS.address; i++) {
			await login(t.db, `nahodny${i}`, 'x-heslo-x', '10.9.9.9');
		}
		const result = await login(t.db, 'spravce', 'spravce-heslo-123', '10.9.9.9');
		expect(result).toMatchObject({ ok: false, reason: 'throttled' });
		expect((await login(t.db, 'spravce', 'spravce-heslo-123', '10.9.9.10')).ok).toBe(true);
	});

	it('counts a wrong current password like a sign-in attempt', async () => {
		const user = await users.create(t.db, adminId, {
			username: 'zmena',
			displayName: 'Změna',
			role: 'viewer',
			password: 'zmena-heslo-123'
		});
		const clock = () => new Date('2030-06-04T10:00:00Z');
		const answers = [];
		for (let i = 0; i < 10; i++) {
			answers.push((await checkOwnPassword(t.db, user.id, `spatne-${i}`, '10.10.0.1', clock)).ok);
		}
		const right = await checkOwnPassword(t.db, user.id, 'zmena-heslo-123', '10.10.0.1', clock);
		expect(right).toMatchObject({ ok: false, reason: 'throttled' });
		expect(answers.every((a) => a === false)).toBe(true);
	});

	it('refuses a deactivated user with the same answer as a wrong password', async () => {
		const user = await users.create(t.db, adminId, {
			username: 'odchod',
			displayName: 'Odešel',
			role: 'viewer',
			password: 'odchod-heslo-123'
		});
		const before = await login(t.db, 'odchod', 'odchod-heslo-123', '10.2.0.1');
		expect(before.ok).toBe(true);
		await users.update(t.db, adminId, user.id, user.version, { active: false });
		const after = await login(t.db, 'odchod', 'odchod-heslo-123', '10.2.0.1');
		expect(after).toMatchObject({ ok: false, reason: 'invalid' });
		// Deactivation also ended the session it had.
		if (before.ok) expect((await validateSessionToken(t.db, before.token)).user).toBeNull();
	});
});

describe.each(engines)('user administration on %s', (engine) => {
	let t: TestDb;
	let adminId: number;
	beforeAll(async () => {
		t = await createTestDb(engine);
		adminId = (
			await users.create(t.db, null, {
				username: 'admin',
				displayName: 'Admin',
				role: 'admin',
				password: 'admin-heslo-1234'
			})
		).id;
	});
	afterAll(() => t.destroy());

	it('creates users with an audit record and refuses a duplicate username', async () => {
		const user = await users.create(t.db, adminId, {
			username: 'pavel',
			displayName: 'Pavel',
			role: 'finance',
			password: 'pavel-heslo-1234'
		});
		await expect(
			users.create(t.db, adminId, {
				username: 'pavel',
				displayName: 'Jiný Pavel',
				role: 'viewer',
				password: 'pavel-heslo-9999'
			})
		).rejects.toThrow(ValidationError);
		const events = await t.db
			.selectFrom('audit_event')
			.selectAll()
			.where('entity', '=', 'user')
			.where('entity_id', '=', String(user.id))
			.execute();
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ action: 'user.create', user_id: adminId });
		expect(JSON.stringify(events[0].after)).not.toContain('password');
	});

	it('detects a concurrent edit by version and overwrites nothing', async () => {
		const user = await users.create(t.db, adminId, {
			username: 'vera',
			displayName: 'Věra',
			role: 'viewer',
			password: 'vera-heslo-12345'
		});
		await users.update(t.db, adminId, user.id, user.version, { role: 'manager' });
		await expect(
			users.update(t.db, adminId, user.id, user.version, { role: 'finance' })
		).rejects.toThrow(ConflictError);
		const row = await users.findByUsername(t.db, 'vera');
		expect(row?.role).toBe('manager');
		expect(row?.version).toBe(user.version + 1);
	});

	it('keeps an admin from locking themselves out', async () => {
		const me = (await users.findByUsername(t.db, 'admin'))!;
		await expect(
			users.update(t.db, adminId, adminId, me.version, { active: false })
		).rejects.toThrow(ValidationError);
		await expect(
			users.update(t.db, adminId, adminId, me.version, { role: 'viewer' })
		).rejects.toThrow(ValidationError);
		expect((await users.findByUsername(t.db, 'admin'))?.active).toBe(true);
	});

	it('changes a password only with the current one and ends the other sessions', async () => {
		const user = await users.create(t.db, adminId, {
			username: 'ota',
			displayName: 'Ota',
			role: 'viewer',
			password: 'ota-heslo-123456'
		});
		const keep = await login(t.db, 'ota', 'ota-heslo-123456', '10.3.0.1');
		const other = await login(t.db, 'ota', 'ota-heslo-123456', '10.3.0.2');
		if (!keep.ok || !other.ok) throw new Error('sign-in failed');
		await expect(
			users.changePassword(t.db, user.id, keep.session.id, 'spatne-heslo-1', 'kavarna-u-reky-7')
		).rejects.toThrow(ValidationError);
		await expect(
			users.changePassword(t.db, user.id, keep.session.id, 'ota-heslo-123456', 'kratke')
		).rejects.toThrow(ValidationError);
		await users.changePassword(
			t.db,
			user.id,
			keep.session.id,
			'ota-heslo-123456',
			'kavarna-u-reky-7'
		);
		expect((await validateSessionToken(t.db, keep.token)).user?.username).toBe('ota');
		expect((await validateSessionToken(t.db, other.token)).user).toBeNull();
		expect((await login(t.db, 'ota', 'kavarna-u-reky-7', '10.3.0.3')).ok).toBe(true);
	});

	it('an admin password reset ends all of the user’s sessions', async () => {
		const user = await users.create(t.db, adminId, {
			username: 'ema',
			displayName: 'Ema',
			role: 'viewer',
			password: 'ema-heslo-123456'
		});
		const session = await login(t.db, 'ema', 'ema-heslo-123456', '10.4.0.1');
		if (!session.ok) throw new Error('sign-in failed');
		await users.resetPassword(t.db, adminId, user.id, 'reset-heslo-1234');
		expect((await validateSessionToken(t.db, session.token)).user).toBeNull();
		expect((await login(t.db, 'ema', 'reset-heslo-1234', '10.4.0.2')).ok).toBe(true);
	});

	it('writes nothing, audit included, when the transaction fails', async () => {
		const before = await t.db
			.selectFrom('audit_event')
			.select(sql<number>`count(*)::int`.as('n'))
			.executeTakeFirstOrThrow();
		await expect(
			t.db.transaction().execute(async (trx) => {
				await trx
					.insertInto('app_user')
					.values({ username: 'duch', display_name: 'Duch', role: 'viewer', password_hash: 'x' })
					.execute();
				const { record } = await import('../../src/lib/server/audit/audit');
				await record(trx, {
					userId: adminId,
					action: 'user.create',
					entity: 'user',
					entityId: 'duch'
				});
				throw new Error('rollback');
			})
		).rejects.toThrow('rollback');
		const after = await t.db
			.selectFrom('audit_event')
			.select(sql<number>`count(*)::int`.as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
		expect(await users.findByUsername(t.db, 'duch')).toBeUndefined();
	});
});

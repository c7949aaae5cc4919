import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import { completeLogin, login } from '../../src/lib/server/auth/login.service';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import * as twoFactor from '../../src/lib/server/auth/two-factor.service';
import { codeAt, TOTP_PERIOD_SECONDS } from '../../src/lib/server/auth/totp';
import * as users from '../../src/lib/server/users/users.service';

/** An app clock the test moves forward by hand. */
function steppingClock(iso: string) {
	let ms = Date.parse(iso);
	return { now: () => new Date(ms), advance: (by: number) => (ms += by) };
}

const PASSWORD = 'zahradnik-heslo-123';

describe.each(engines)('second factor (TOTP) on %s', (engine) => {
	let t: TestDb;
	let userId: number;
	let key: string;
	let recoveryCodes: string[];
	const clock = steppingClock('2026-03-02T08:00:00Z');
	beforeAll(async () => {
		t = await createTestDb(engine);
		const user = await users.create(t.db, null, {
			username: 'zahradnik',
			displayName: 'Zahradník',
			role: 'admin',
			password: PASSWORD
		});
		userId = user.id;
	});
	afterAll(() => t.destroy());

	it('is off until the key shown is confirmed with a code; the recovery codes are stored hashed', async () => {
		const setup = await twoFactor.beginSetup(t.db, userId);
		key = setup.key;
		expect(setup.uri).toContain(`secret=${key}`);
		expect((await twoFactor.status(t.db, userId)).enabled).toBe(false);
		// Without a second factor, the password alone opens a session.
		expect((await login(t.db, 'zahradnik', PASSWORD, '10.0.0.1', clock.now)).ok).toBe(true);

		const wrong = await twoFactor.confirmSetup(t.db, userId, '000000', '10.0.0.1', clock.now);
		expect(wrong.ok).toBe(false);
		const right = await twoFactor.confirmSetup(
			t.db,
			userId,
			codeAt(key, clock.now()),
			'10.0.0.1',
			clock.now
		);
		expect(right.ok).toBe(true);
		recoveryCodes = right.ok ? right.recoveryCodes : [];
		expect(recoveryCodes).toHaveLength(8);
		const stored = await t.db
			.selectFrom('totp_recovery_code')
			.select('code_hash')
			.where('user_id', '=', userId)
			.execute();
		expect(stored).toHaveLength(8);
		for (const code of recoveryCodes) {
			expect(stored.map((s) => s.code_hash)).not.toContain(code);
		}
		const status = await twoFactor.status(t.db, userId);
		expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 8 });
		const audited = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'app_user')
			.where('entity_id', '=', String(userId))
			.execute();
		expect(audited.map((a) => a.action)).toContain('two_factor.enable');
	});

	it('asks for the code after the password, and opens a session only with a right one', async () => {
		clock.advance(2 * TOTP_PERIOD_SECONDS * 1000);
		const first = await login(t.db, 'zahradnik', PASSWORD, '10.0.0.2', clock.now);
		expect(first).toMatchObject({ ok: false, reason: 'code' });
		if (first.ok || first.reason !== 'code') throw new Error('no challenge');
		// A wrong password never gets as far as the code.
		expect(await login(t.db, 'zahradnik', 'spatne-heslo-123', '10.0.0.2', clock.now)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		clock.advance(2000);
		const wrong = await completeLogin(t.db, first.challenge, '123456', '10.0.0.2', clock.now);
		expect(wrong).toMatchObject({ ok: false, reason: 'code' });
		const code = codeAt(key, clock.now());
		const right = await completeLogin(t.db, first.challenge, code, '10.0.0.2', clock.now);
		expect(right.ok).toBe(true);
		if (!right.ok) return;
		const validated = await validateSessionToken(t.db, right.token, clock.now());
		expect(validated.user).toMatchObject({ id: userId, twoFactor: true });
		// The challenge opened one session: it cannot be answered again.
		const again = await completeLogin(t.db, first.challenge, code, '10.0.0.2', clock.now);
		expect(again).toEqual({ ok: false, reason: 'invalid' });
	});

	it('refuses the same code replayed for a new sign-in, even within its 30 seconds', async () => {
		const challenge = await login(t.db, 'zahradnik', PASSWORD, '10.0.0.3', clock.now);
		if (challenge.ok || challenge.reason !== 'code') throw new Error('no challenge');
		const replay = await completeLogin(
			t.db,
			challenge.challenge,
			codeAt(key, clock.now()),
			'10.0.0.3',
			clock.now
		);
		expect(replay).toMatchObject({ ok: false, reason: 'code' });
		// Sent twice at once, the next code is accepted once.
		clock.advance(TOTP_PERIOD_SECONDS * 1000);
		const second = await login(t.db, 'zahradnik', PASSWORD, '10.0.0.4', clock.now);
		if (second.ok || second.reason !== 'code') throw new Error('no challenge');
		const next = codeAt(key, clock.now());
		const both = await Promise.all([
			twoFactor.checkCode(t.db, userId, next, '10.0.0.5', clock.now),
			twoFactor.checkCode(t.db, userId, next, '10.0.0.6', clock.now)
		]);
		expect(both.filter((r) => r.ok)).toHaveLength(1);
	});

	it('counts wrong codes like wrong passwords: the username waits after a few', async () => {
		clock.advance(20 * 60 * 1000);
		const challenge = await login(t.db, 'zahradnik', PASSWORD, '10.0.0.7', clock.now);
		if (challenge.ok || challenge.reason !== 'code') throw new Error('no challenge');
		const answers = [];
		for (let i = 0; i < 6; i++) {
			answers.push(await completeLogin(t.db, challenge.challenge, '111111', '10.0.0.7', clock.now));
		}
		expect(answers.some((a) => !a.ok && a.reason === 'throttled')).toBe(true);
	});

	it('takes a recovery code once in place of the code, and audits it', async () => {
		clock.advance(20 * 60 * 1000);
		const challenge = await login(t.db, 'zahradnik', PASSWORD, '10.0.0.8', clock.now);
		if (challenge.ok || challenge.reason !== 'code') throw new Error('no challenge');
		const used = await completeLogin(
			t.db,
			challenge.challenge,
			recoveryCodes[0].toUpperCase(),
			'10.0.0.8',
			clock.now
		);
		expect(used.ok).toBe(true);
		expect((await twoFactor.status(t.db, userId)).recoveryCodesLeft).toBe(7);
		const again = await login(t.db, 'zahradnik', PASSWORD, '10.0.0.8', clock.now);
		if (again.ok || again.reason !== 'code') throw new Error('no challenge');
		expect(
			await completeLogin(t.db, again.challenge, recoveryCodes[0], '10.0.0.8', clock.now)
		).toMatchObject({ ok: false, reason: 'code' });
		const audited = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('action', '=', 'two_factor.recovery_code_used')
			.execute();
		expect(audited).toHaveLength(1);
	});

	it('is turned off only with a current code, and that is audited', async () => {
		clock.advance(TOTP_PERIOD_SECONDS * 1000);
		const wrong = await twoFactor.disable(t.db, userId, '000000', '10.0.0.9', clock.now);
		expect(wrong.ok).toBe(false);
		expect((await twoFactor.status(t.db, userId)).enabled).toBe(true);
		clock.advance(TOTP_PERIOD_SECONDS * 1000);
		const right = await twoFactor.disable(
			t.db,
			userId,
			codeAt(key, clock.now()),
			'10.0.0.9',
			clock.now
		);
		expect(right.ok).toBe(true);
		expect(await twoFactor.status(t.db, userId)).toMatchObject({
			enabled: false,
			recoveryCodesLeft: 0
		});
		expect((await login(t.db, 'zahradnik', PASSWORD, '10.0.0.9', clock.now)).ok).toBe(true);
		const audited = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('action', '=', 'two_factor.disable')
			.execute();
		expect(audited).toHaveLength(1);
	});

	it('is required of admins unless DILNA_REQUIRE_ADMIN_TOTP is false', () => {
		expect(twoFactor.adminTwoFactorRequired({})).toBe(true);
		expect(twoFactor.adminTwoFactorRequired({ DILNA_REQUIRE_ADMIN_TOTP: 'true' })).toBe(true);
		expect(twoFactor.adminTwoFactorRequired({ DILNA_REQUIRE_ADMIN_TOTP: 'false' })).toBe(false);
	});
});

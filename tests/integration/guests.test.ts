// Guests: invitations are single-use, expire and are stored hashed; a revoked or expired guest is
// signed out at once; a guest reads only their scope, never people's names, and scores only where
// the admin let them; every guest action is in the audit log. Every loader and action of the app
// passes the one guest check (requireUser), which refuses any page outside GUEST_ROUTES.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as caf from '../../src/lib/server/caf/caf.service';
import * as guests from '../../src/lib/server/guests/guests.service';
import { GUEST_ROUTES, guestMayOpen } from '../../src/lib/server/guests/scope';
import type { InviteInput } from '../../src/lib/server/guests/guests.validation';
import { login } from '../../src/lib/server/auth/login.service';
import {
	sessionIdFromToken,
	validateSessionToken,
	type SessionUser
} from '../../src/lib/server/auth/session';
import * as notifications from '../../src/lib/server/notifications/notifications.service';
import type { MailPayload } from '../../src/lib/server/notifications/notifications';
import * as users from '../../src/lib/server/users/users.service';
import { NotFoundError, ValidationError } from '../../src/lib/server/shared/errors';
import type { Role } from '../../src/lib/server/db/schema';

const DAY = 24 * 60 * 60 * 1000;
const ORIGIN = 'http://dilna.test';
const PASSWORD = 'hodnotitel-z-kraje-2026';
const at = (iso: string) => () => new Date(iso);
// 10:00 in Prague on 2026-03-02
const NOW = '2026-03-02T09:00:00Z';

function tokenOf(link: string): string {
	return link.slice(link.lastIndexOf('/') + 1);
}

describe.each(engines)('guests on %s', (engine) => {
	let t: TestDb;
	const u: Record<string, SessionUser> = {};
	let round: number;
	let otherRound: number;
	let processId: number;
	let n = 0;

	async function user(username: string, role: Role) {
		const id = await build.user(t.db, { username, role, display_name: `Jméno ${username}` });
		u[username] = { id, username, displayName: `Jméno ${username}`, role };
	}

	function input(over: Partial<InviteInput> = {}): InviteInput {
		n++;
		return {
			email: `host${n}@kraj.example`,
			displayName: `Hodnotitel ${n}`,
			purpose: 'assessor',
			expiresOn: '2026-03-31',
			cafRounds: [round],
			processes: [],
			councilReport: false,
			mayScore: false,
			...over
		};
	}

	async function asGuest(userId: number): Promise<SessionUser> {
		const row = await t.db
			.selectFrom('app_user')
			.select(['username', 'display_name'])
			.where('id', '=', userId)
			.executeTakeFirstOrThrow();
		return { id: userId, username: row.username, displayName: row.display_name, role: 'guest' };
	}

	beforeAll(async () => {
		t = await createTestDb(engine);
		await user('admin', 'admin');
		await user('boss', 'manager');
		await user('lead', 'project_manager');
		await user('anna', 'process_owner');
		const newRound = (name: string) =>
			caf.create(t.db, u.boss, {
				name,
				startDate: '2026-01-10',
				scoringDue: '2026-04-10',
				consensusDue: '2026-05-10',
				endDate: '2026-06-10',
				scoringMode: 'classic',
				leaderId: u.lead.id,
				memberIds: [u.anna.id],
				guestIds: []
			});
		round = await newRound('CAF 2026');
		otherRound = await newRound('CAF jiný');
		processId = await build.process(t.db, { code: 'P-01', name: 'Vydání parkovací karty' });
		// The other round is in consensus with an action owned by a person.
		for (const to of ['scoring', 'consensus'] as const) {
			const { version } = await t.db
				.selectFrom('caf_round')
				.select('version')
				.where('id', '=', otherRound)
				.executeTakeFirstOrThrow();
			await caf.changeStatus(t.db, u.lead, otherRound, version, to);
		}
		await caf.createAction(t.db, u.lead, otherRound, {
			subcriterionCode: '1.1',
			title: 'Sdílet vizi s týmy',
			description: null,
			ownerUserId: u.anna.id,
			impact: 3,
			effort: 1,
			dueDate: '2026-09-30'
		});
	});
	afterAll(() => t.destroy());

	it('stores the link only as a hash, mails it once and then drops it from the queue', async () => {
		const { userId, link } = await guests.invite(t.db, u.admin.id, input(), at(NOW), ORIGIN);
		expect(link).toMatch(/^http:\/\/dilna\.test\/invite\/[a-z2-7]{32}$/);
		const token = tokenOf(link);
		const stored = await t.db
			.selectFrom('guest_invitation')
			.select('token_hash')
			.where('user_id', '=', userId)
			.execute();
		expect(stored).toEqual([{ token_hash: sessionIdFromToken(token) }]);
		const sent: { to: string; message: MailPayload }[] = [];
		const result = await notifications.sendDue(
			t.db,
			{ send: async (to, message) => void sent.push({ to, message }) },
			at(NOW)
		);
		expect(result.sent).toBe(1);
		expect(sent[0].to).toBe(`host${n}@kraj.example`);
		expect(sent[0].message.text).toContain(link);
		// No other person's name in the mail, not even the inviting admin's.
		expect(sent[0].message.text).not.toContain('Jméno');
		const jobs = await t.db
			.selectFrom('notification_job')
			.select(['kind', 'payload', 'status'])
			.where('recipient_user_id', '=', userId)
			.execute();
		expect(jobs).toHaveLength(1);
		expect(jobs[0].status).toBe('sent');
		expect(JSON.stringify(jobs[0].payload)).not.toContain(token);
	});

	it('signs the guest in once: a weak password is refused, a second use is not found', async () => {
		const { userId, link } = await guests.invite(t.db, u.admin.id, input(), at(NOW), ORIGIN);
		const token = tokenOf(link);
		expect(await guests.invitee(t.db, token, at(NOW))).toEqual({ displayName: `Hodnotitel ${n}` });
		await expect(guests.accept(t.db, token, 'heslo', {}, at(NOW))).rejects.toBeInstanceOf(
			ValidationError
		);
		const { token: sessionToken } = await guests.accept(t.db, token, PASSWORD, {}, at(NOW));
		const checked = await validateSessionToken(t.db, sessionToken, new Date(NOW));
		expect(checked.user).toMatchObject({ id: userId, role: 'guest' });
		await expect(guests.accept(t.db, token, PASSWORD, {}, at(NOW))).rejects.toBeInstanceOf(
			NotFoundError
		);
		expect(await guests.invitee(t.db, token, at(NOW))).toBeNull();
		const actions = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'user')
			.where('entity_id', '=', String(userId))
			.execute();
		expect(actions.map((a) => a.action)).toEqual(
			expect.arrayContaining(['guest.invite', 'guest.accept'])
		);
		// Later sign-ins go through the login page, and are audited too.
		const later = await login(t.db, `host${n}@kraj.example`, PASSWORD, '127.0.0.1', at(NOW));
		expect(later.ok).toBe(true);
		const signIns = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('user_id', '=', userId)
			.where('action', '=', 'guest.sign_in')
			.execute();
		expect(signIns).toHaveLength(1);
	});

	it('refuses a link past its days, a forged one, and a link whose guest has expired', async () => {
		const { link } = await guests.invite(t.db, u.admin.id, input(), at(NOW), ORIGIN);
		const late = () => new Date(Date.parse(NOW) + (guests.INVITATION_DAYS * DAY + 1000));
		expect(await guests.invitee(t.db, tokenOf(link), late)).toBeNull();
		await expect(guests.accept(t.db, tokenOf(link), PASSWORD, {}, late)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(guests.accept(t.db, 'a'.repeat(32), PASSWORD, {}, at(NOW))).rejects.toBeInstanceOf(
			NotFoundError
		);
		// The link never outlives the guest's last day.
		const short = await guests.invite(
			t.db,
			u.admin.id,
			input({ expiresOn: '2026-03-03' }),
			at(NOW),
			ORIGIN
		);
		expect(await guests.invitee(t.db, tokenOf(short.link), at('2026-03-03T21:00:00Z'))).toEqual(
			expect.objectContaining({})
		);
		expect(await guests.invitee(t.db, tokenOf(short.link), at('2026-03-03T23:30:00Z'))).toBeNull();
	});

	it('signs an expired guest out on their next request, the day after their last day', async () => {
		const { userId, link } = await guests.invite(
			t.db,
			u.admin.id,
			input({ expiresOn: '2026-03-05' }),
			at(NOW),
			ORIGIN
		);
		const { token } = await guests.accept(t.db, tokenOf(link), PASSWORD, {}, at(NOW));
		// 23:30 in Prague on the last day: still in.
		expect(
			(await validateSessionToken(t.db, token, new Date('2026-03-05T22:30:00Z'))).user?.id
		).toBe(userId);
		// 00:30 in Prague the next day: out, and the session is gone.
		expect((await validateSessionToken(t.db, token, new Date('2026-03-05T23:30:00Z'))).user).toBe(
			null
		);
		const left = await t.db
			.selectFrom('user_session')
			.select('id')
			.where('user_id', '=', userId)
			.execute();
		expect(left).toEqual([]);
	});

	it('revoking ends every session and open link at once, and is audited', async () => {
		const { userId, link } = await guests.invite(t.db, u.admin.id, input(), at(NOW), ORIGIN);
		const { token } = await guests.accept(t.db, tokenOf(link), PASSWORD, {}, at(NOW));
		const spare = await guests.reinvite(t.db, u.admin.id, userId, 1, at(NOW), ORIGIN);
		await guests.revoke(t.db, u.admin.id, userId, 1, at(NOW));
		expect((await validateSessionToken(t.db, token, new Date(NOW))).user).toBeNull();
		expect(await guests.invitee(t.db, tokenOf(spare), at(NOW))).toBeNull();
		const again = await login(t.db, `host${n}@kraj.example`, PASSWORD, '127.0.0.2', at(NOW));
		expect(again.ok).toBe(false);
		const listed = (await guests.list(t.db, at(NOW))).find((g) => g.userId === userId);
		expect(listed).toMatchObject({ state: 'revoked', cafRounds: ['CAF 2026'] });
		const revoked = await t.db
			.selectFrom('audit_event')
			.select(['user_id', 'action'])
			.where('action', '=', 'guest.revoke')
			.where('entity_id', '=', String(userId))
			.execute();
		expect(revoked).toEqual([{ user_id: u.admin.id, action: 'guest.revoke' }]);
		// Its role cannot be turned into a staff role through the users page.
		await expect(
			users.update(t.db, u.admin.id, userId, 3, { role: 'viewer' })
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('lets a guest read their round without names, and score only when the admin allowed it', async () => {
		const reader = await guests.invite(t.db, u.admin.id, input(), at(NOW), ORIGIN);
		const scorer = await guests.invite(
			t.db,
			u.admin.id,
			input({ mayScore: true }),
			at(NOW),
			ORIGIN
		);
		const readerUser = await asGuest(reader.userId);
		const scorerUser = await asGuest(scorer.userId);
		const scope = await guests.guestScope(t.db, reader.userId);
		expect(scope).toMatchObject({ cafRounds: [round], processes: [], mayScore: false });
		expect(guestMayOpen(scope, '/(app)/caf/[id]', { id: String(round) })).toBe('allowed');
		expect(guestMayOpen(scope, '/(app)/caf/[id]', { id: String(otherRound) })).toBe('not_found');

		const seen = await caf.get(t.db, readerUser, round);
		expect(seen.leaderName).toBeNull();
		expect(seen.panel).toEqual([]);
		const actions = await caf.actions(t.db, otherRound, readerUser);
		expect(actions.map((a) => a.ownerName)).toEqual([null]);
		expect((await caf.actions(t.db, otherRound, u.boss)).map((a) => a.ownerName)).toEqual([
			'Jméno anna'
		]);

		const v = await t.db
			.selectFrom('caf_round')
			.select('version')
			.where('id', '=', round)
			.executeTakeFirstOrThrow();
		await caf.changeStatus(t.db, u.lead, round, v.version, 'scoring');
		const mark = {
			score: 60,
			phases: null,
			strengths: 'silná stránka',
			improvements: null,
			evidence: null
		};
		await expect(caf.score(t.db, readerUser, round, '1.1', null, mark)).rejects.toMatchObject({
			reason: 'caf_panel'
		});
		await caf.score(t.db, scorerUser, round, '1.1', null, mark);
		const scored = await t.db
			.selectFrom('caf_score')
			.select('user_id')
			.where('round_id', '=', round)
			.execute();
		expect(scored.map((s) => s.user_id)).toContain(scorer.userId);
	});

	it('refuses an invitation without an object it knows, or to an address already in use', async () => {
		await expect(
			guests.invite(t.db, u.admin.id, input({ cafRounds: [999999] }), at(NOW), ORIGIN)
		).rejects.toBeInstanceOf(ValidationError);
		const taken = input();
		await guests.invite(t.db, u.admin.id, taken, at(NOW), ORIGIN);
		await expect(
			guests.invite(t.db, u.admin.id, { ...taken }, at(NOW), ORIGIN)
		).rejects.toBeInstanceOf(ValidationError);
		void processId;
	});
});

/** Every route file of the signed-in app, as its SvelteKit route id. */
function appRoutes(): { id: string; file: string }[] {
	const root = path.resolve('src/routes');
	const walk = (dir: string): string[] =>
		readdirSync(dir).flatMap((e) => {
			const full = path.join(dir, e);
			return statSync(full).isDirectory() ? walk(full) : [full];
		});
	return walk(path.join(root, '(app)'))
		.filter((f) => /\+(page|layout)\.server\.ts$|\+server\.ts$/.test(f))
		.map((file) => {
			const dir = path.relative(root, path.dirname(file)).split(path.sep).join('/');
			return { id: `/${dir}`, file };
		});
}

describe('the guest check on every loader and action of the app', () => {
	const scope = {
		userId: 1,
		expiresOn: '2099-12-31',
		revoked: false,
		councilReport: true,
		mayScore: true,
		cafRounds: [2],
		processes: [5]
	};

	// Each file's handlers call the guard (directly or through the helper its actions share); the
	// role matrix posts every action as the demo guest, tests/e2e/guests.spec.ts opens every page.
	it('guards every load, action and endpoint with requireUser or requireCapability', () => {
		const unguarded: string[] = [];
		for (const { id, file } of appRoutes()) {
			const source = readFileSync(file, 'utf8');
			const handlers = [
				...source.matchAll(
					/export const load\b|^\t\w+: async|export (?:const|async function) (?:GET|POST|PUT|PATCH|DELETE)\b/gm
				)
			].length;
			const guards = [...source.matchAll(/require(?:User|Capability)\(|apiGet\(|scoreInput\(/g)]
				.length;
			// Actions may share a helper that holds the guard (costs/allocation): at least one a file,
			// and as many as handlers when none is shared.
			const shared = /^async function \w+\([^)]*\)[^{]*{\n\tconst \w+ = require/m.test(source);
			if (handlers > 0 && (guards === 0 || (!shared && guards < handlers))) {
				unguarded.push(`${id} (${guards}/${handlers})`);
			}
		}
		expect(unguarded).toEqual([]);
	});

	it('opens to a guest only the pages of GUEST_ROUTES, each only for the objects of the scope', () => {
		const opened: string[] = [];
		for (const { id } of appRoutes()) {
			for (const objectId of ['2', '5', '3']) {
				if (guestMayOpen(scope, id, { id: objectId, code: '1.1' }) === 'allowed') {
					opened.push(`${id} ${objectId}`);
				}
			}
		}
		const expected = Object.keys(GUEST_ROUTES).flatMap((id) => {
			const need = GUEST_ROUTES[id];
			if (need === 'caf_round') return [`${id} 2`];
			if (need === 'process') return [`${id} 5`];
			return [`${id} 2`, `${id} 5`, `${id} 3`];
		});
		expect(opened.sort()).toEqual(expected.sort());
	});
});

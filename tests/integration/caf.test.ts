import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as caf from '../../src/lib/server/caf/caf.service';
import * as initiatives from '../../src/lib/server/initiatives/initiatives.service';
import { CAF_CODES } from '../../src/lib/caf/model';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/lib/server/shared/errors';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Role } from '../../src/lib/server/db/schema';

const score = (n: number, improvements: string | null = null) => ({
	score: n,
	phases: null,
	strengths: 'silná stránka',
	improvements,
	evidence: null
});

describe.each(engines)('CAF rounds on %s', (engine) => {
	let t: TestDb;
	const u: Record<string, SessionUser> = {};

	async function user(username: string, role: Role) {
		const id = await build.user(t.db, { username, role });
		u[username] = { id, username, displayName: username, role };
	}

	async function newRound(name: string) {
		return caf.create(t.db, u.boss, {
			name,
			startDate: '2026-01-10',
			scoringDue: '2026-02-10',
			consensusDue: '2026-03-10',
			endDate: '2026-04-10',
			scoringMode: 'classic',
			leaderId: u.lead.id,
			memberIds: [u.anna.id],
			guestIds: []
		});
	}

	async function version(id: number) {
		const r = await t.db
			.selectFrom('caf_round')
			.select('version')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		return r.version;
	}

	async function move(id: number, to: Parameters<typeof caf.changeStatus>[4], actor = u.lead) {
		await caf.changeStatus(t.db, actor, id, await version(id), to);
	}

	beforeAll(async () => {
		t = await createTestDb(engine);
		await user('boss', 'manager');
		await user('lead', 'project_manager');
		await user('anna', 'process_owner');
		await user('petr', 'finance');
		await user('host', 'viewer');
	});
	afterAll(() => t.destroy());

	it('runs a round from preparation to closed: scores, spread, consensus, close', async () => {
		const id = await newRound('CAF 2026');
		await expect(caf.score(t.db, u.anna, id, '1.1', null, score(40))).rejects.toBeInstanceOf(
			ValidationError
		);
		await move(id, 'scoring');
		await caf.score(t.db, u.anna, id, '1.1', null, score(40));
		await caf.score(t.db, u.lead, id, '1.1', null, score(75, 'Chybí vize'));
		// A second save from the same (now stale) form is refused with what is stored.
		await expect(caf.score(t.db, u.anna, id, '1.1', null, score(45))).rejects.toBeInstanceOf(
			ConflictError
		);
		await caf.score(t.db, u.anna, id, '1.1', 1, score(45));

		// The leader sees the spread at once; a member only from consensus on.
		const asLead = await caf.subcriterionDetail(t.db, u.lead, id, '1.1', 2026);
		expect(asLead.spread).toEqual({ count: 2, min: 45, max: 75, median: 60, disagreement: false });
		const asAnna = await caf.subcriterionDetail(t.db, u.anna, id, '1.1', 2026);
		expect(asAnna.spread).toBeNull();
		expect(asAnna.mine?.score).toBe(45);

		await move(id, 'consensus');
		expect((await caf.subcriterionDetail(t.db, u.anna, id, '1.1', 2026)).scores).toHaveLength(2);
		// Scoring is over; only the leader records consensus.
		await expect(caf.score(t.db, u.anna, id, '1.2', null, score(10))).rejects.toBeInstanceOf(
			ValidationError
		);
		await expect(
			caf.recordConsensus(t.db, u.anna, id, '1.1', null, score(60))
		).rejects.toBeInstanceOf(ForbiddenError);
		await caf.recordConsensus(t.db, u.lead, id, '1.1', null, score(60, 'Vize'));

		await move(id, 'action_plan');
		// Closing needs every subcriterion's consensus.
		await expect(move(id, 'closed')).rejects.toMatchObject({
			errors: { status: 'caf_error_consensus_missing' }
		});
		await move(id, 'consensus');
		for (const code of CAF_CODES.filter((c) => c !== '1.1')) {
			await caf.recordConsensus(t.db, u.lead, id, code, null, score(50));
		}
		await move(id, 'action_plan');
		await move(id, 'closed');
		// A closed round is read-only.
		await expect(move(id, 'action_plan', u.boss)).rejects.toBeInstanceOf(ValidationError);
		await expect(caf.recordConsensus(t.db, u.lead, id, '1.1', 1, score(70))).rejects.toBeInstanceOf(
			ValidationError
		);
		await expect(
			caf.createAction(t.db, u.lead, id, {
				subcriterionCode: '1.1',
				title: 'x',
				description: null,
				ownerUserId: null,
				impact: 1,
				effort: 1,
				dueDate: null
			})
		).rejects.toBeInstanceOf(ValidationError);

		const audit = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'caf_round')
			.where('entity_id', '=', String(id))
			.execute();
		expect(audit.filter((a) => a.action === 'caf_score.save')).toHaveLength(3);
		expect(audit.filter((a) => a.action === 'caf_consensus.save')).toHaveLength(28);

		const results = await caf.results(t.db, u.boss, await caf.get(t.db, u.boss, id), null);
		expect(results.criteria[0]).toEqual({ number: 1, score: 52.5 });
	});

	it('lets only panel members score and hides open rounds from viewers', async () => {
		const id = await newRound('CAF 2027');
		await move(id, 'scoring');
		await expect(caf.score(t.db, u.petr, id, '2.1', null, score(30))).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(caf.score(t.db, u.boss, id, '2.1', null, score(30))).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(caf.get(t.db, u.host, id)).rejects.toBeInstanceOf(ForbiddenError);
		const seen = await caf.list(t.db, u.host);
		expect(seen.map((r) => r.name)).toEqual(['CAF 2026']);
		const closed = await caf.get(t.db, u.host, seen[0].id);
		expect(closed.panel).toEqual([]);
		// Only a manager creates rounds; a member cannot move a round it does not lead.
		await expect(
			caf.create(t.db, u.lead, {
				name: 'x',
				startDate: '2026-01-01',
				scoringDue: '2026-01-01',
				consensusDue: '2026-01-01',
				endDate: '2026-01-01',
				scoringMode: 'classic',
				leaderId: u.lead.id,
				memberIds: [],
				guestIds: []
			})
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(move(id, 'consensus', u.anna)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('turns an area for improvement into an initiative, linked both ways, once', async () => {
		const id = await newRound('CAF 2028');
		await move(id, 'scoring');
		await move(id, 'consensus');
		const actionId = await caf.createAction(t.db, u.lead, id, {
			subcriterionCode: '4.4',
			title: 'Znalostní báze směrnic',
			description: 'Směrnice nejsou k nalezení',
			ownerUserId: u.anna.id,
			impact: 3,
			effort: 1,
			dueDate: '2026-09-30'
		});
		// The leader is a project manager (initiatives.edit); a process owner may not.
		await expect(caf.actionToInitiative(t.db, u.anna, actionId, 1)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const initiativeId = await caf.actionToInitiative(t.db, u.lead, actionId, 1);
		const ini = await initiatives.get(t.db, initiativeId, '2026-06-01');
		expect(ini).toMatchObject({ name: 'Znalostní báze směrnic', status: 'proposed' });
		expect(await caf.findingsFor(t.db, initiativeId)).toEqual([
			{
				actionId,
				roundId: id,
				roundName: 'CAF 2028',
				subcriterionCode: '4.4',
				title: 'Znalostní báze směrnic'
			}
		]);
		const [action] = await caf.actions(t.db, id);
		expect(action).toMatchObject({ initiativeId, priority: 9, version: 2 });
		await expect(caf.actionToInitiative(t.db, u.lead, actionId, 2)).rejects.toBeInstanceOf(
			ValidationError
		);
	});

	it('links evidence and shows linked KPIs of result subcriteria', async () => {
		const id = await newRound('CAF 2029');
		const kpiId = await build.kpi(t.db, { code: 'K-SPOK', name: 'Spokojenost občanů' });
		await caf.link(t.db, u.anna, id, '6.1', 'kpi', kpiId);
		await caf.link(t.db, u.anna, id, '6.1', 'kpi', kpiId);
		const d = await caf.subcriterionDetail(t.db, u.anna, id, '6.1', 2026);
		expect(d.links).toHaveLength(1);
		expect(d.kpis.map((k) => k.code)).toEqual(['K-SPOK']);
		await expect(caf.link(t.db, u.petr, id, '6.1', 'kpi', kpiId)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await caf.unlink(t.db, u.anna, id, d.links[0].id);
		expect((await caf.subcriterionDetail(t.db, u.anna, id, '6.1', 2026)).links).toEqual([]);
	});

	it('lets an invited guest assessor score their round only and see no other open round', async () => {
		const guest = await build.user(t.db, { username: 'guest', role: 'viewer' });
		const g: SessionUser = { id: guest, username: 'guest', displayName: 'guest', role: 'viewer' };
		const invited = await caf.create(t.db, u.boss, {
			name: 'CAF 2030',
			startDate: '2026-01-10',
			scoringDue: '2026-02-10',
			consensusDue: '2026-03-10',
			endDate: '2026-04-10',
			scoringMode: 'classic',
			leaderId: u.lead.id,
			memberIds: [u.anna.id],
			guestIds: [guest]
		});
		const other = await newRound('CAF 2031');
		await move(invited, 'scoring');
		await move(other, 'scoring');

		const round = await caf.get(t.db, g, invited);
		expect(round.rights).toMatchObject({
			isMember: true,
			isGuest: true,
			canScore: true,
			canLink: false,
			canPlan: false
		});
		// Names stay hidden from a viewer account; the round's other open rounds stay invisible.
		expect(round.panel).toEqual([]);
		expect((await caf.list(t.db, g)).map((r) => r.id)).toContain(invited);
		expect((await caf.list(t.db, g)).map((r) => r.id)).not.toContain(other);
		await expect(caf.get(t.db, g, other)).rejects.toBeInstanceOf(ForbiddenError);

		await caf.score(t.db, g, invited, '2.1', null, score(55));
		const detail = await caf.subcriterionDetail(t.db, u.lead, invited, '2.1', 2026);
		expect(detail.scores.map((s) => s.userId)).toContain(guest);
		await expect(caf.score(t.db, g, other, '2.1', null, score(55))).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(caf.link(t.db, g, invited, '2.1', 'kpi', 1)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		// Another viewer, not invited, reads neither round.
		await expect(caf.get(t.db, u.host, invited)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('edits a round timetable and panel and an action plan entry, versioned and audited', async () => {
		const id = await newRound('CAF 2032');
		await caf.update(t.db, u.boss, id, 1, {
			name: 'CAF 2032',
			startDate: '2026-01-15',
			scoringDue: '2026-02-15',
			consensusDue: '2026-03-15',
			endDate: '2026-04-15',
			scoringMode: 'classic',
			leaderId: u.lead.id,
			memberIds: [u.petr.id],
			guestIds: []
		});
		const round = await caf.get(t.db, u.boss, id);
		expect(round).toMatchObject({ startDate: '2026-01-15', version: 2 });
		expect(round.panel.map((p) => p.id).sort()).toEqual([u.lead.id, u.petr.id].sort());
		await expect(
			caf.update(t.db, u.boss, id, 1, { ...round, memberIds: [], guestIds: [] } as never)
		).rejects.toBeInstanceOf(ConflictError);

		await move(id, 'scoring');
		await move(id, 'consensus');
		const actionId = await caf.createAction(t.db, u.lead, id, {
			subcriterionCode: '3.1',
			title: 'Plán vzdělávání',
			description: null,
			ownerUserId: u.anna.id,
			impact: 1,
			effort: 1,
			dueDate: null
		});
		const edit = {
			title: 'Plán vzdělávání 2027',
			description: null,
			ownerUserId: u.petr.id,
			impact: 3,
			effort: 1,
			dueDate: '2026-09-30'
		};
		await expect(caf.updateAction(t.db, u.anna, actionId, 1, edit)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await caf.updateAction(t.db, u.lead, actionId, 1, edit);
		const [action] = (await caf.actions(t.db, id)).filter((a) => a.id === actionId);
		expect(action).toMatchObject({
			ownerUserId: u.petr.id,
			priority: 9,
			dueDate: '2026-09-30',
			version: 2
		});
		await expect(caf.updateAction(t.db, u.lead, actionId, 1, edit)).rejects.toBeInstanceOf(
			ConflictError
		);
		const log = await t.db
			.selectFrom('audit_event')
			.select(['action', 'after'])
			.where('entity_id', 'in', [String(id), String(actionId)])
			.where('action', 'in', ['caf_round.update', 'caf_action.update'])
			.execute();
		expect(log.map((l) => l.action).sort()).toEqual(['caf_action.update', 'caf_round.update']);
	});
});

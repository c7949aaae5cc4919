import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as programme from '../../src/lib/server/programme/programme.service';
import * as report from '../../src/lib/server/programme/report.service';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Role } from '../../src/lib/server/db/schema';
import { ConflictError, ValidationError } from '../../src/lib/server/shared/errors';

const TODAY = '2026-06-15';

describe.each(engines)('programme and milestones on %s', (engine) => {
	let t: TestDb;
	const users: Record<string, SessionUser> = {};
	let activityId: number;
	const ms: Record<string, number> = {};

	async function user(username: string, role: Role) {
		const row = await t.db
			.insertInto('app_user')
			.values({ username, display_name: username, role, password_hash: 'x' })
			.returning('id')
			.executeTakeFirstOrThrow();
		users[username] = { id: row.id, username, displayName: username, role };
	}

	async function milestoneRow(id: number) {
		return t.db.selectFrom('milestone').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	}

	async function auditCount(action: string) {
		const row = await t.db
			.selectFrom('audit_event')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('action', '=', action)
			.executeTakeFirstOrThrow();
		return Number(row.n);
	}

	beforeAll(async () => {
		t = await createTestDb(engine);
		await user('pm', 'project_manager');
		await user('owner', 'process_owner');
		await user('boss', 'manager');
		const prog = await t.db
			.insertInto('programme')
			.values({ code: 'P', name: 'Program', start_date: '2026-01-01', end_date: '2027-12-31' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const activity = await t.db
			.insertInto('programme_activity')
			.values({
				programme_id: prog.id,
				code: 'A1',
				name: 'Audit',
				start_date: '2026-02-01',
				end_date: '2026-12-31'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		activityId = activity.id;
	});
	afterAll(() => t.destroy());

	beforeEach(async () => {
		await t.db.deleteFrom('milestone').execute();
		await t.db.deleteFrom('audit_event').execute();
		const rows = await t.db
			.insertInto('milestone')
			.values([
				{
					activity_id: activityId,
					name: 'Analýza',
					baseline_due: '2026-05-31',
					current_due: '2026-06-10',
					owner_user_id: users.owner.id
				},
				{
					activity_id: activityId,
					name: 'Návrh',
					baseline_due: '2026-08-31',
					current_due: '2026-08-31'
				},
				{
					activity_id: activityId,
					name: 'Zavedení',
					baseline_due: '2026-10-31',
					current_due: '2026-10-31'
				}
			])
			.returning(['id', 'name'])
			.execute();
		for (const r of rows) ms[r.name] = r.id;
	});

	it('derives status and slip, with a late predecessor putting its successor at risk', async () => {
		await programme.addDependency(t.db, users.pm, ms['Návrh'], ms['Analýza']);
		const prog = await programme.get(t.db, TODAY);
		const [activity] = prog!.activities;
		const byName = Object.fromEntries(activity.milestones.map((m) => [m.name, m]));
		expect(byName['Analýza'].status).toBe('late');
		expect(byName['Analýza'].slip).toBe(10);
		expect(byName['Návrh'].status).toBe('at_risk');
		expect(byName['Zavedení'].status).toBe('on_track');
		// Analýza is still open five days after its moved due date: it has really slipped 15 days.
		expect(byName['Analýza'].realSlip).toBe(15);
		expect(activity.maxSlip).toBe(15);
		expect(activity.late).toBe(1);

		const summary = await programme.milestoneSummary(t.db, TODAY);
		expect(summary).toMatchObject({ total: 3, late: 1, atRisk: 1, onTrack: 1, done: 0 });
		expect(summary.overdue.map((m) => m.name)).toEqual(['Analýza']);
		expect(summary.next30).toEqual([]);
	});

	it('moves a milestone, bumps its version and writes the audit log in the same change', async () => {
		const before = await milestoneRow(ms['Zavedení']);
		await programme.updateMilestone(
			t.db,
			users.pm,
			before.id,
			before.version,
			{
				name: before.name,
				ownerUserId: null,
				deliverable: 'Provozní dokumentace',
				currentDue: '2026-11-30',
				doneDate: null,
				notes: null,
				slipReason: 'Dodavatel posunul dodávku serverů'
			},
			TODAY
		);
		const after = await milestoneRow(before.id);
		expect(after.current_due).toBe('2026-11-30');
		expect(after.baseline_due).toBe('2026-10-31');
		expect(after.version).toBe(before.version + 1);
		const events = await t.db
			.selectFrom('audit_event')
			.selectAll()
			.where('entity', '=', 'milestone')
			.execute();
		expect(events).toHaveLength(1);
		expect(events[0].action).toBe('milestone.move');
		expect(events[0].user_id).toBe(users.pm.id);
		expect(JSON.stringify(events[0].before)).toContain('2026-10-31');
		expect(JSON.stringify(events[0].after)).toContain('2026-11-30');
		expect(JSON.stringify(events[0].after)).toContain('Dodavatel posunul dodávku serverů');
		const { milestone } = await programme.getMilestone(t.db, before.id, TODAY);
		expect(milestone.slip).toBe(30);
		expect(milestone.slipReason).toBe('Dodavatel posunul dodávku serverů');
	});

	it('asks why when a milestone moves past its baseline, and flags one outside its activity', async () => {
		const row = await milestoneRow(ms['Zavedení']);
		const input = {
			name: row.name,
			ownerUserId: null,
			deliverable: null,
			currentDue: '2027-06-30',
			doneDate: null,
			notes: null,
			slipReason: null
		};
		const silent = programme.updateMilestone(t.db, users.pm, row.id, row.version, input, TODAY);
		await expect(silent).rejects.toMatchObject({
			errors: { slipReason: 'programme_error_slip_reason' }
		});
		expect((await milestoneRow(row.id)).current_due).toBe(row.current_due);
		await programme.updateMilestone(
			t.db,
			users.pm,
			row.id,
			row.version,
			{ ...input, slipReason: 'Čekáme na zákon o digitalizaci' },
			TODAY
		);
		// The activity ends before the new date: saved, but shown as outside its activity.
		const { milestone, activity } = await programme.getMilestone(t.db, row.id, TODAY);
		expect(activity.endDate < '2027-06-30').toBe(true);
		expect(milestone.outsideActivity).toBe(true);
		// Moving it back within the plan needs no reason.
		await programme.updateMilestone(
			t.db,
			users.pm,
			row.id,
			row.version + 1,
			{ ...input, currentDue: row.current_due },
			TODAY
		);
		const back = await programme.getMilestone(t.db, row.id, TODAY);
		expect(back.milestone.outsideActivity).toBe(false);
	});

	it('refuses a stale version without overwriting', async () => {
		const row = await milestoneRow(ms['Návrh']);
		const input = {
			name: row.name,
			ownerUserId: null,
			deliverable: null,
			currentDue: '2026-09-30',
			doneDate: null,
			notes: null,
			slipReason: 'Rozšířený rozsah analýzy'
		};
		await programme.updateMilestone(t.db, users.pm, row.id, row.version, input, TODAY);
		const stale = programme.updateMilestone(
			t.db,
			users.pm,
			row.id,
			row.version,
			{ ...input, currentDue: '2026-12-15' },
			TODAY
		);
		await expect(stale).rejects.toBeInstanceOf(ConflictError);
		expect((await milestoneRow(row.id)).current_due).toBe('2026-09-30');
		expect(await auditCount('milestone.move')).toBe(1);
	});

	it('refuses a due date before the activity starts and a done date in the future', async () => {
		const row = await milestoneRow(ms['Návrh']);
		const base = {
			name: row.name,
			ownerUserId: null,
			deliverable: null,
			currentDue: row.current_due,
			doneDate: null,
			notes: null,
			slipReason: null
		};
		const early = programme.updateMilestone(
			t.db,
			users.pm,
			row.id,
			row.version,
			{ ...base, currentDue: '2026-01-15' },
			TODAY
		);
		await expect(early).rejects.toMatchObject({
			errors: { currentDue: 'programme_error_due_before_start' }
		});
		const future = programme.updateMilestone(
			t.db,
			users.pm,
			row.id,
			row.version,
			{ ...base, doneDate: '2026-06-16' },
			TODAY
		);
		await expect(future).rejects.toMatchObject({
			errors: { doneDate: 'programme_error_done_future' }
		});
		const after = await milestoneRow(row.id);
		expect(after.version).toBe(row.version);
		expect(after.done_date).toBeNull();
		expect(await auditCount('milestone.update')).toBe(0);

		await programme.updateMilestone(
			t.db,
			users.pm,
			row.id,
			row.version,
			{ ...base, doneDate: TODAY },
			TODAY
		);
		expect((await milestoneRow(row.id)).done_date).toBe(TODAY);
		expect(await auditCount('milestone.done')).toBe(1);
	});

	it('refuses a due date before a predecessor’s (finish-to-start)', async () => {
		await programme.addDependency(t.db, users.pm, ms['Zavedení'], ms['Návrh']);
		const row = await milestoneRow(ms['Zavedení']);
		const early = programme.updateMilestone(
			t.db,
			users.pm,
			row.id,
			row.version,
			{
				name: row.name,
				ownerUserId: null,
				deliverable: null,
				currentDue: '2026-08-01',
				doneDate: null,
				notes: null,
				slipReason: null
			},
			TODAY
		);
		await expect(early).rejects.toMatchObject({
			errors: { currentDue: 'programme_error_due_before_predecessor' }
		});
	});

	it('refuses a dependency that closes a cycle and writes nothing', async () => {
		await programme.addDependency(t.db, users.pm, ms['Návrh'], ms['Analýza']);
		await programme.addDependency(t.db, users.pm, ms['Zavedení'], ms['Návrh']);
		const cycle = programme.addDependency(t.db, users.pm, ms['Analýza'], ms['Zavedení']);
		await expect(cycle).rejects.toBeInstanceOf(ValidationError);
		await expect(cycle).rejects.toMatchObject({
			errors: { predecessorId: 'programme_error_cycle' }
		});
		const self = programme.addDependency(t.db, users.pm, ms['Analýza'], ms['Analýza']);
		await expect(self).rejects.toMatchObject({
			errors: { predecessorId: 'programme_error_cycle' }
		});
		const edges = await t.db.selectFrom('milestone_dependency').selectAll().execute();
		expect(edges).toHaveLength(2);
		expect(await auditCount('milestone.dependency_add')).toBe(2);

		// A shortcut along the chain is no cycle.
		await programme.addDependency(t.db, users.pm, ms['Zavedení'], ms['Analýza']);
		await programme.removeDependency(t.db, users.pm, ms['Zavedení'], ms['Návrh']);
		const { predecessors } = await programme.getMilestone(t.db, ms['Zavedení'], TODAY);
		expect(predecessors.map((p) => p.name)).toEqual(['Analýza']);
	});

	it('serves a private calendar feed: owners see theirs, the project manager all', async () => {
		const ownerToken = await programme.issueCalendarToken(t.db, users.owner);
		const pmToken = await programme.issueCalendarToken(t.db, users.pm);
		const stored = await t.db.selectFrom('calendar_token').select('token_hash').execute();
		expect(stored.map((s) => s.token_hash)).not.toContain(ownerToken);

		const ownerFeed = await programme.calendarFeed(t.db, ownerToken, 'https://x', 'Milníky');
		expect(ownerFeed).toContain('BEGIN:VCALENDAR');
		expect(ownerFeed).toContain('SUMMARY:A1: Analýza');
		expect(ownerFeed).not.toContain('Návrh');
		expect(ownerFeed).toContain('DTSTART;VALUE=DATE:20260610');

		const pmFeed = await programme.calendarFeed(t.db, pmToken, 'https://x', 'Milníky');
		expect(pmFeed!.match(/BEGIN:VEVENT/g)).toHaveLength(3);

		// Regenerating replaces the old URL.
		const newer = await programme.issueCalendarToken(t.db, users.owner);
		expect(await programme.calendarFeed(t.db, ownerToken, 'https://x', 'M')).toBeNull();
		expect(await programme.calendarFeed(t.db, newer, 'https://x', 'M')).toContain('Analýza');
		expect(await programme.calendarFeed(t.db, 'not-a-token', 'https://x', 'M')).toBeNull();
	});

	it('keeps a risk register with version checks and audit', async () => {
		const id = await programme.createRisk(t.db, users.pm, {
			description: 'Dodavatel nestihne termín',
			probability: 4,
			impact: 5,
			ownerUserId: users.boss.id,
			mitigation: 'Smluvní pokuty',
			status: 'open'
		});
		await programme.createRisk(t.db, users.pm, {
			description: 'Nízká podpora zaměstnanců',
			probability: 2,
			impact: 3,
			ownerUserId: null,
			mitigation: null,
			status: 'open'
		});
		const risks = await programme.listRisks(t.db);
		expect(risks.map((r) => r.score)).toEqual([20, 6]);
		const risk = risks.find((r) => r.id === id)!;
		await programme.updateRisk(t.db, users.pm, id, risk.version, {
			...risk,
			status: 'closed'
		});
		await expect(
			programme.updateRisk(t.db, users.pm, id, risk.version, { ...risk, probability: 1 })
		).rejects.toBeInstanceOf(ConflictError);
		const after = await programme.listRisks(t.db);
		expect(after.map((r) => r.status)).toEqual(['open', 'closed']);
		expect(await auditCount('risk.update')).toBe(1);
		await t.db.deleteFrom('programme_risk').execute();
	});

	it('builds the monthly report as of the end of the month', async () => {
		const row = await milestoneRow(ms['Analýza']);
		await programme.updateMilestone(
			t.db,
			users.pm,
			row.id,
			row.version,
			{
				name: row.name,
				ownerUserId: null,
				deliverable: null,
				currentDue: row.current_due,
				doneDate: '2026-06-12',
				notes: null,
				slipReason: null
			},
			TODAY
		);
		const r = await report.monthly(t.db, '2026-06', TODAY);
		expect(r.done.map((m) => m.name)).toEqual(['Analýza']);
		expect(r.activities[0]).toMatchObject({ code: 'A1', total: 3, done: 1 });
		const may = await report.monthly(t.db, '2026-05', TODAY);
		expect(may.done).toEqual([]);
		expect(may.activities[0].done).toBe(0);
		// Done in June, so at the end of May it was still open (and due within 14 days).
		expect(may.nextSteps.map((m) => [m.name, m.status, m.doneDate])).toEqual([
			['Analýza', 'at_risk', null]
		]);
	});
});

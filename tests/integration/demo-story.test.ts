// The demo town's story (documented on seedDemoIfEmpty) holds whatever day it is seeded on: the
// seed runs at fixed dates through the injectable clock, and the checks read what the pages read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session';
import * as caf from '../../src/lib/server/caf/caf.service';
import type { Db } from '../../src/lib/server/db';
import type { Role } from '../../src/lib/server/db/schema';
import { seedDemoIfEmpty } from '../../src/lib/server/demo/seed';
import * as goals from '../../src/lib/server/goals/goals.service';
import * as initiatives from '../../src/lib/server/initiatives/initiatives.service';
import * as documents from '../../src/lib/server/knowledge/documents.service';
import * as findings from '../../src/lib/server/knowledge/findings.service';
import * as knowledge from '../../src/lib/server/knowledge/knowledge.service';
import * as kpis from '../../src/lib/server/kpis/kpis.service';
import { goalDrill } from '../../src/lib/server/overview/drill.service';
import * as overview from '../../src/lib/server/overview/overview.service';
import * as processes from '../../src/lib/server/processes/processes.service';
import {
	milestoneStatus,
	type MilestoneDates
} from '../../src/lib/server/programme/milestone-status';
import { currentDate, currentYear, fixedClock } from '../../src/lib/server/shared/clock';
import { createTestDb, engines, type TestDb } from './harness';

/** New Year, a quarter's last day, the day the demo once had no red goal, a leap day, New Year's Eve. */
const DATES = ['2027-01-02', '2027-03-31', '2026-12-03', '2028-02-29', '2027-12-31'];

/** Every goal's computed status, by code: what must read the same on every date. */
type Story = Record<string, string>;

async function milestoneStatuses(db: Db, today: string) {
	const rows = await db
		.selectFrom('milestone')
		.select(['id', 'current_due', 'done_date'])
		.execute();
	const deps = await db
		.selectFrom('milestone_dependency')
		.select(['predecessor_id', 'successor_id'])
		.execute();
	const dates = new Map<number, MilestoneDates>(
		rows.map((r) => [r.id, { currentDue: String(r.current_due), doneDate: r.done_date }])
	);
	return rows.map((r) =>
		milestoneStatus(
			dates.get(r.id)!,
			today,
			deps.filter((d) => d.successor_id === r.id).map((d) => dates.get(d.predecessor_id)!)
		)
	);
}

async function demoUser(db: Db, username: string): Promise<SessionUser> {
	const row = await db
		.selectFrom('app_user')
		.select(['id', 'display_name', 'role'])
		.where('username', '=', username)
		.executeTakeFirstOrThrow();
	return { id: row.id, username, displayName: row.display_name, role: row.role as Role };
}

describe.each(engines)('the demo story on %s', (engine) => {
	const stories = new Map<string, Story>();

	describe.each(DATES)('seeded on %s', (date) => {
		const clock = fixedClock(date);
		const today = currentDate(clock);
		const year = currentYear(clock);
		let t: TestDb;
		let seedMs = 0;

		beforeAll(async () => {
			t = await createTestDb(engine);
			const started = performance.now();
			expect(await seedDemoIfEmpty(t.db, { clock })).toBe(true);
			seedMs = performance.now() - started;
			console.info(`[demo seed on ${engine} at ${date}] ${Math.round(seedMs)} ms`);
		}, 60_000);
		afterAll(() => t.destroy());

		it('has a goal off target by its own KPIs, whose off-target actuals say why', async () => {
			expect(seedMs).toBeLessThan(15_000);
			const view = await overview.compute(t.db, year, today);
			const tree = await goals.listWithStatus(t.db, year);
			const red = view.goals.filter((g) => g.status === 'off_target');
			expect(red.length).toBeGreaterThan(0);
			for (const g of red) {
				const goal = tree.find((x) => x.id === g.id)!;
				// Computed, not an override: the roll-up of its KPIs puts it there.
				expect([goal.override, goal.computed]).toEqual([null, 'off_target']);
			}
			stories.set(date, Object.fromEntries(tree.map((g) => [g.code, g.computed])));

			const series = await kpis.listWithSeries(t.db, year);
			const causes = series.filter(
				(k) => red.some((g) => g.id === k.goalId) && k.latest?.status === 'off_target'
			);
			expect(causes.length).toBeGreaterThan(0);
			for (const k of causes) expect(k.latest!.comment).toBeTruthy();
			// The overview's off-target tile names them.
			const named = view.offTargetKpis.map((k) => k.code);
			for (const k of causes) expect(named).toContain(k.code);
		});

		it('leads from the red goal to a process with costs this year and an initiative', async () => {
			const view = await overview.compute(t.db, year, today);
			const red = view.goals.find((g) => g.status === 'off_target')!;
			const drill = await goalDrill(t.db, red.id, year);
			expect(drill.goal.status).toBe('off_target');
			expect(drill.processes.length).toBeGreaterThan(0);
			// Every process has a cost this year: its own, or (a support process allocated onward in
			// stages) what it passed on to the processes it serves.
			expect(
				drill.processes.every((p) => p.fullCost !== null && (p.fullCost > 0n || p.passedOn > 0n))
			).toBe(true);
			expect(drill.processes.some((p) => p.initiatives.length > 0)).toBe(true);
			// The overview ranks the year's costliest processes (the what-if starts from them).
			expect(view.topFull.length).toBeGreaterThan(0);
			expect(view.ytd.months).toBeGreaterThan(0);
			expect(view.ytd.actual).toBeGreaterThan(0n);
		});

		it('shows KPIs on target, within tolerance and off target, and periods still due', async () => {
			const stored = await kpis.inYear(t.db, year);
			const statuses = new Set(stored.map((k) => k.status));
			for (const s of ['on_target', 'within_tolerance', 'off_target']) {
				expect(statuses).toContain(s);
			}
			// Every KPI has a recent status: its latest period has ended by today.
			for (const k of stored) {
				expect(k.period).not.toBeNull();
				expect(k.period!.slice(0, 4) >= String(year - 1)).toBe(true);
			}
			const garant = await t.db
				.selectFrom('app_user')
				.select('id')
				.where('username', '=', 'garant')
				.executeTakeFirstOrThrow();
			const due = await kpis.worklist(t.db, garant.id, today);
			expect(due.length).toBeGreaterThan(0);
		});

		it('has overdue and at-risk milestones around today, and done ones behind it', async () => {
			const statuses = await milestoneStatuses(t.db, today);
			const count = (s: string) => statuses.filter((x) => x === s).length;
			expect(count('late')).toBeGreaterThanOrEqual(2);
			expect(count('at_risk')).toBeGreaterThanOrEqual(2);
			expect(count('done')).toBeGreaterThanOrEqual(8);
			expect(count('on_track')).toBeGreaterThanOrEqual(5);
			const view = await overview.compute(t.db, year, today);
			expect(view.milestones.overdue.length).toBe(count('late'));
			expect(view.milestones.overdue.every((m) => m.currentDue < today)).toBe(true);
		});

		it('has a finished initiative that pays back from realized savings', async () => {
			const list = await initiatives.list(t.db, year);
			const paying = list.filter(
				(i) =>
					i.status === 'done' &&
					i.realized > 0n &&
					i.paybackMonths !== null &&
					i.paybackMonths <= 60n
			);
			expect(paying.map((i) => i.code)).toContain('INI-02');
			expect(list.filter((i) => i.realized > 0n).length).toBeGreaterThanOrEqual(5);
		});

		it('has processes worth improving, scored and costed this year', async () => {
			const promising = await processes.list(t.db, { year, sort: 'potential', minPotential: 75 });
			expect(promising.length).toBeGreaterThan(0);
			const view = await overview.compute(t.db, year, today);
			const costed = new Set(view.matrix.map((p) => p.id));
			expect(promising.some((p) => costed.has(p.id))).toBe(true);
		});

		it('has a CAF round closed a year ago and one in consensus now, with actions, some of them initiatives', async () => {
			const leader = await demoUser(t.db, 'tajemnik');
			const rounds = await caf.list(t.db, leader);
			expect(rounds.map((r) => [r.name, r.status])).toEqual(
				expect.arrayContaining([
					[`CAF ${year - 1}`, 'closed'],
					[`CAF ${year}`, 'consensus']
				])
			);
			const closed = rounds.find((r) => r.status === 'closed')!;
			expect(closed.endDate < today && closed.endDate.slice(0, 4) >= String(year - 2)).toBe(true);
			for (const r of rounds) {
				const actions = await caf.actions(t.db, r.id);
				expect(actions.length).toBeGreaterThan(0);
				expect(actions.some((a) => a.initiativeId !== null)).toBe(true);
				expect(actions.some((a) => a.initiativeId === null)).toBe(true);
			}
		});

		it('has a knowledge base: documents linked to processes and CAF, one due for review, findings by process', async () => {
			const garant = await demoUser(t.db, 'garant');
			const host = await demoUser(t.db, 'host');
			const listed = await documents.list(t.db, host);
			expect(listed.length).toBeGreaterThanOrEqual(4);
			const due = await documents.reviewsDue(t.db, garant, today);
			expect(due.length).toBe(1);
			expect(due[0].reviewDate < today).toBe(true);
			const doc = await documents.get(t.db, host, due[0].id);
			expect(doc.links.map((l) => l.kind)).toEqual(expect.arrayContaining(['process', 'caf']));
			expect(doc.fileList.length).toBe(2);
			// The files' text was extracted: a word only inside a file finds the document.
			const hits = await knowledge.search(t.db, host, 'skartacni rizeni', { kinds: ['document'] });
			expect(hits.map((h) => h.id)).toContain(due[0].id);
			// The confidential policy is its owner's and the managers' only.
			expect(await knowledge.search(t.db, host, 'zalohy', { kinds: ['document'] })).toEqual([]);
			const manager = await demoUser(t.db, 'starosta');
			expect(await knowledge.search(t.db, manager, 'zalohy', { kinds: ['document'] })).toHaveLength(
				1
			);

			const register = await findings.list(t.db, host);
			expect(register.length).toBeGreaterThanOrEqual(3);
			expect(register.every((f) => f.processCode !== null)).toBe(true);
			expect(new Set(register.map((f) => f.status))).toEqual(
				new Set(['open', 'in_progress', 'closed'])
			);
		});
	});

	it('tells the same story on every date', () => {
		expect([...stories.keys()]).toEqual(DATES);
		const [first, ...rest] = [...stories.values()];
		expect(Object.values(first)).toContain('off_target');
		for (const story of rest) expect(story).toEqual(first);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import { DEMO_ORG_UNITS, DEMO_USERS } from '../../src/lib/server/demo/seed';
import { seedProgramme } from '../../src/lib/server/demo/seed-programme';
import * as programme from '../../src/lib/server/programme/programme.service';
import * as initiatives from '../../src/lib/server/initiatives/initiatives.service';
import { currentDate } from '../../src/lib/server/shared/clock';

describe.each(engines)('demo programme seed on %s', (engine) => {
	let t: TestDb;
	let ms = 0;
	beforeAll(async () => {
		t = await createTestDb(engine);
		const year = Number(currentDate().slice(0, 4));
		const started = performance.now();
		await t.db.transaction().execute(async (trx) => {
			const userIds: Record<string, number> = {};
			for (const u of DEMO_USERS) {
				const row = await trx
					.insertInto('app_user')
					.values({
						username: u.username,
						display_name: u.displayName,
						role: u.role,
						password_hash: 'x'
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				userIds[u.username] = row.id;
			}
			const orgUnitIds: Record<string, number> = {};
			for (const unit of DEMO_ORG_UNITS) {
				const row = await trx
					.insertInto('org_unit')
					.values({ code: unit.code, name: unit.name })
					.returning('id')
					.executeTakeFirstOrThrow();
				orgUnitIds[unit.code] = row.id;
			}
			await seedProgramme(trx, { userIds, orgUnitIds, year, today: currentDate() });
		});
		ms = performance.now() - started;
	});
	afterAll(() => t.destroy());

	it('seeds four activities and about 25 milestones in every status, quickly', async () => {
		const today = currentDate();
		const prog = await programme.get(t.db, today);
		expect(prog!.activities.map((a) => a.code)).toEqual(['A1', 'A2', 'A3', 'A4']);
		const summary = await programme.milestoneSummary(t.db, today);
		expect(summary.total).toBe(25);
		expect(summary.done).toBeGreaterThanOrEqual(8);
		expect(summary.late).toBeGreaterThanOrEqual(2);
		expect(summary.atRisk).toBeGreaterThanOrEqual(2);
		expect(summary.onTrack).toBeGreaterThanOrEqual(5);
		expect(prog!.activities.filter((a) => a.maxSlip > 0).length).toBeGreaterThanOrEqual(3);
		expect((await programme.listRisks(t.db)).length).toBe(7);
		expect(ms).toBeLessThan(5000);
	});

	it('seeds 12 initiatives in every state, with budgets and realized savings', async () => {
		const list = await initiatives.list(t.db, Number(currentDate().slice(0, 4)));
		expect(list.map((i) => i.code)).toEqual(
			Array.from({ length: 12 }, (_, i) => `INI-${String(i + 1).padStart(2, '0')}`)
		);
		expect(new Set(list.map((i) => i.status))).toEqual(
			new Set(['proposed', 'approved', 'in_progress', 'done', 'cancelled'])
		);
		expect(list.every((i) => i.budgetTotal > 0n)).toBe(true);
		expect(list.filter((i) => i.realized > 0n).length).toBeGreaterThanOrEqual(5);
		const ini01 = await initiatives.get(t.db, list[0].id, currentDate());
		expect(ini01.history.map((h) => h.toStatus)).toEqual(['proposed', 'approved', 'in_progress']);
		expect(ini01.savings.length).toBeGreaterThanOrEqual(2);
	});
});

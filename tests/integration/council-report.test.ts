import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as kpis from '../../src/lib/server/kpis/kpis.service';
import * as settings from '../../src/lib/server/settings/settings.service';
import { council } from '../../src/lib/server/reports/council.service';

const TODAY = '2026-06-15';

/** What the council report prints beyond the overview: explanations, its cover and the real slip. */
describe.each(engines)('the council report on %s', (engine) => {
	let t: TestDb;
	let admin: number;

	beforeAll(async () => {
		t = await createTestDb(engine);
		admin = await build.user(t.db, { username: 'admin', role: 'admin' });
		const goal = await build.goal(t.db, { code: 'C1', level: 'strategic' });
		const late = await build.kpi(t.db, {
			code: 'K-LATE',
			goal_id: goal,
			unit: 'dní',
			direction: 'lower',
			frequency: 'quarterly'
		});
		const fine = await build.kpi(t.db, {
			code: 'K-OK',
			goal_id: goal,
			unit: '%',
			frequency: 'quarterly'
		});
		const silent = await build.kpi(t.db, {
			code: 'K-SILENT',
			goal_id: goal,
			unit: 'dní',
			direction: 'lower',
			frequency: 'quarterly'
		});
		await build.kpiPeriod(t.db, late, '2026-Q1', { target: '10', actual: '14' });
		await t.db
			.updateTable('kpi_actual')
			.set({ comment: 'Dva referenti byli tři měsíce nemocní.' })
			.where('kpi_id', '=', late)
			.execute();
		// An older period's comment is not the one the council reads.
		await build.kpiPeriod(t.db, late, '2025-Q4', { target: '10', actual: '15' });
		await t.db
			.updateTable('kpi_actual')
			.set({ comment: 'stará poznámka' })
			.where('kpi_id', '=', late)
			.where('period', '=', '2025-Q4')
			.execute();
		await build.kpiPeriod(t.db, fine, '2026-Q1', { target: '50', actual: '80' });
		await build.kpiPeriod(t.db, silent, '2026-Q1', { target: '5', actual: '9' });
		await kpis.refreshYearStatus(t.db);

		const programme = await t.db
			.insertInto('programme')
			.values({ code: 'P', name: 'Chytrý úřad', start_date: '2025-01-01', end_date: '2027-12-31' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const activity = await t.db
			.insertInto('programme_activity')
			.values({
				programme_id: programme.id,
				code: 'A1',
				name: 'Elektronizace',
				start_date: '2025-01-01',
				end_date: '2026-12-31'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		// Overdue with its due date never moved: planned slip 0, real slip 45 days.
		await t.db
			.insertInto('milestone')
			.values({
				activity_id: activity.id,
				name: 'Spisová služba',
				baseline_due: '2026-05-01',
				current_due: '2026-05-01'
			})
			.execute();
	});
	afterAll(() => t.destroy());

	it('prints each red KPI with the explanation recorded with its value, and only red ones', async () => {
		const r = await council(t.db, 2026, TODAY);
		expect(r.redKpis.map((k) => [k.code, k.period, k.comment, k.unit])).toEqual([
			['K-LATE', '2026-Q1', 'Dva referenti byli tři měsíce nemocní.', 'dní'],
			['K-SILENT', '2026-Q1', null, 'dní']
		]);
	});

	it('shows an overdue milestone’s real slip, not 0', async () => {
		const r = await council(t.db, 2026, TODAY);
		expect(r.programme!.activities[0]).toMatchObject({ late: 1, maxSlip: 45 });
	});

	it('names the office, the period up to today and the data version on its cover', async () => {
		const before = await council(t.db, 2026, TODAY);
		expect(before.office).toBeNull();
		expect(before.period).toEqual({ from: '2026-01-01', to: TODAY });
		expect((await council(t.db, 2025, TODAY)).period).toEqual({
			from: '2025-01-01',
			to: '2025-12-31'
		});
		await settings.saveOffice(t.db, admin, '', 'Město Dolní Lhota');
		const after = await council(t.db, 2026, TODAY);
		expect(after.office).toBe('Město Dolní Lhota');
		// A change to the figures' data is a new version.
		expect(BigInt(after.version)).toBeGreaterThanOrEqual(BigInt(before.version));
		await t.db
			.updateTable('kpi')
			.set({ name: 'Doba vyřízení' })
			.where('code', '=', 'K-OK')
			.execute();
		expect(BigInt((await council(t.db, 2026, TODAY)).version)).toBeGreaterThan(
			BigInt(after.version)
		);
	});
});

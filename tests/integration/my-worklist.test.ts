// `/my` holds what a person owns that is due: besides KPI actuals, their open milestones due within
// 31 days or overdue, and the savings their initiatives owe for the quarter that ended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import { dueFor } from '../../src/lib/server/notifications/notifications.service';

const TODAY = '2026-12-07';

describe.each(engines)('the personal worklist on %s', (engine) => {
	let t: TestDb;
	let ids: Record<'pm' | 'other', number>;

	beforeAll(async () => {
		t = await createTestDb(engine);
		ids = await build.users(t.db, { pm: 'project_manager', other: 'project_manager' });
		const programme = await t.db
			.insertInto('programme')
			.values({ code: 'P', name: 'Program', start_date: '2026-01-01', end_date: '2027-12-31' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const activity = await t.db
			.insertInto('programme_activity')
			.values({
				programme_id: programme.id,
				code: 'A1',
				name: 'Audit',
				start_date: '2026-01-01',
				end_date: '2027-12-31'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const milestone = (name: string, due: string, owner: number, done: string | null = null) => ({
			activity_id: activity.id,
			name,
			owner_user_id: owner,
			baseline_due: due,
			current_due: due,
			done_date: done
		});
		await t.db
			.insertInto('milestone')
			.values([
				milestone('Po termínu', '2026-11-30', ids.pm),
				milestone('Za týden', '2026-12-14', ids.pm),
				milestone('Za 31 dní', '2027-01-07', ids.pm),
				milestone('Za dva měsíce', '2027-02-07', ids.pm),
				milestone('Splněný', '2026-11-15', ids.pm, '2026-11-10'),
				milestone('Kolegův', '2026-12-10', ids.other)
			])
			.execute();
		const [owes, recorded] = await t.db
			.insertInto('initiative')
			.values([
				{
					code: 'I-1',
					name: 'Elektronická podatelna',
					status: 'in_progress',
					owner_user_id: ids.pm,
					expected_savings_hours: '400'
				},
				{
					code: 'I-2',
					name: 'Nový web',
					status: 'in_progress',
					owner_user_id: ids.pm,
					expected_savings_czk: 5_000_000n
				}
			])
			.returning('id')
			.execute();
		// I-2 has recorded the quarter that ended (Q3 2026); I-1 has recorded nothing yet.
		await t.db
			.insertInto('initiative_saving')
			.values({
				initiative_id: recorded.id,
				period_start: '2026-07-01',
				period_end: '2026-09-30',
				amount: 100_000n,
				evidence: 'faktury'
			})
			.execute();
		expect(owes.id).toBeGreaterThan(0);
	});
	afterAll(() => t.destroy());

	it('lists my open milestones due within 31 days or overdue, none of anyone else', async () => {
		const { milestones } = await dueFor(t.db, ids.pm, TODAY);
		expect(milestones.map((m) => [m.name, m.overdue])).toEqual([
			['Po termínu', true],
			['Za týden', false],
			['Za 31 dní', false]
		]);
		const other = await dueFor(t.db, ids.other, TODAY);
		expect(other.milestones.map((m) => m.name)).toEqual(['Kolegův']);
	});

	it('lists the savings my initiatives owe for the quarter that ended, not those recorded', async () => {
		const { savings } = await dueFor(t.db, ids.pm, TODAY);
		expect(savings).toEqual([
			expect.objectContaining({ code: 'I-1', quarter: '2026-Q3', overdue: true })
		]);
		expect((await dueFor(t.db, ids.other, TODAY)).savings).toEqual([]);
	});
});

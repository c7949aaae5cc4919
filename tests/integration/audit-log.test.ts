// The audit log as an admin or a manager reads it: the object's kind and present name with a link,
// what was done in words, each changed field with its label and readable values, and filters by
// person, object kind and dates (the office's time zone).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as goals from '../../src/lib/server/goals/goals.service';
import * as auditLog from '../../src/lib/server/audit/audit.service';
import { record } from '../../src/lib/server/audit/audit';
import { ValidationError } from '../../src/lib/server/shared/errors';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { GoalInput } from '../../src/lib/server/goals/goals';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe.each(engines)('the audit log on %s', (engine) => {
	let t: TestDb;
	let mayor: SessionUser;
	let secretary: SessionUser;
	let goalId: number;
	let personId: number;

	beforeAll(async () => {
		t = await createTestDb(engine);
		const ids = await build.users(t.db, { starosta: 'manager', tajemnik: 'manager' });
		await t.db
			.updateTable('app_user')
			.set({ display_name: 'Jana Nováková' })
			.where('id', '=', ids.starosta)
			.execute();
		mayor = {
			id: ids.starosta,
			username: 'starosta',
			displayName: 'Jana Nováková',
			role: 'manager'
		};
		secretary = {
			id: ids.tajemnik,
			username: 'tajemnik',
			displayName: 'tajemnik',
			role: 'manager'
		};
		const input: GoalInput = {
			code: 'C9',
			name: 'Rychlejší úřad',
			level: 'strategic',
			parentId: null,
			ownerId: null,
			description: null,
			startYear: 2026,
			endYear: 2028,
			lifecycle: 'planned'
		};
		goalId = await goals.create(t.db, mayor, input);
		await goals.update(t.db, secretary, goalId, 1, {
			...input,
			name: 'Rychlejší a vstřícný úřad',
			ownerId: mayor.id,
			lifecycle: 'active'
		});
		const unit = await build.orgUnit(t.db, { code: 'OF' });
		personId = (
			await t.db
				.insertInto('person')
				.values({
					name: 'Alena Veselá',
					position: 'účetní',
					org_unit_id: unit,
					fte: '1.000',
					valid_from: '2020-01-01'
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await record(t.db, {
			userId: secretary.id,
			action: 'person.update',
			entity: 'person',
			entityId: personId,
			before: { position: 'účetní' },
			after: { position: 'hlavní účetní' }
		});
	});
	afterAll(async () => {
		await t?.destroy();
	});

	it('names the object, links to it and says what changed in words', async () => {
		const events = await auditLog.readLog(
			t.db,
			{ entity: 'goal' },
			{ limit: 50, withPeople: true }
		);
		expect(events).toHaveLength(2);
		const [update, create] = events;
		expect(update).toMatchObject({
			who: 'tajemnik',
			kindLabel: 'Cíl',
			what: 'změna',
			objectName: 'Rychlejší a vstřícný úřad',
			link: `/goals/${goalId}`
		});
		expect(update.changes).toEqual(
			expect.arrayContaining([
				{ label: 'Název', before: 'Rychlejší úřad', after: 'Rychlejší a vstřícný úřad' },
				// A user id reads as the user's name, a lifecycle value as its Czech word.
				{ label: 'Vlastník', before: '—', after: 'Jana Nováková' },
				{ label: 'Stav realizace', before: 'plánovaný', after: 'aktivní' }
			])
		);
		// Unchanged fields are not listed.
		expect(update.changes.map((c) => c.label)).not.toContain('Kód');
		expect(create).toMatchObject({ what: 'založení', who: 'Jana Nováková' });
		expect(create.changes).toContainEqual({ label: 'Kód', before: null, after: 'C9' });
		expect(create.changes.map((c) => plain(c.after))).toContain('2026');
	});

	it('filters by person and by dates in Prague time', async () => {
		const byMayor = await auditLog.readLog(
			t.db,
			{ userId: mayor.id },
			{ limit: 50, withPeople: true }
		);
		expect(byMayor.map((e) => e.action)).toEqual(['goal.create']);

		// 23:30 UTC on 31 December is 00:30 on 1 January in Prague: the office's New Year's Day.
		await sql`update audit_event set occurred_at = ${new Date('2026-12-31T23:30:00Z')}
			where action = 'goal.create'`.execute(t.db);
		await sql`update audit_event set occurred_at = ${new Date('2026-12-31T21:30:00Z')}
			where action = 'goal.update'`.execute(t.db);
		const newYearsDay = await auditLog.readLog(
			t.db,
			{ entity: 'goal', from: '2027-01-01', to: '2027-01-01' },
			{ limit: 50, withPeople: true }
		);
		expect(newYearsDay.map((e) => e.action)).toEqual(['goal.create']);
		const newYearsEve = await auditLog.readLog(
			t.db,
			{ entity: 'goal', from: '2026-12-31', to: '2026-12-31' },
			{ limit: 50, withPeople: true }
		);
		expect(newYearsEve.map((e) => e.action)).toEqual(['goal.update']);
		await expect(
			auditLog.readLog(
				t.db,
				{ from: '2027-01-02', to: '2027-01-01' },
				{ limit: 5, withPeople: true }
			)
		).rejects.toBeInstanceOf(ValidationError);
	});

	it("shows a person's name and changes only to those who may read names", async () => {
		const allowed = await auditLog.readLog(
			t.db,
			{ entity: 'person' },
			{ limit: 5, withPeople: true }
		);
		expect(allowed[0]).toMatchObject({ objectName: 'Alena Veselá', link: `/people/${personId}` });
		expect(allowed[0].changes).toEqual([
			{ label: 'Pracovní pozice', before: 'účetní', after: 'hlavní účetní' }
		]);
		const withheld = await auditLog.readLog(
			t.db,
			{ entity: 'person' },
			{ limit: 5, withPeople: false }
		);
		expect(withheld[0].objectName).toBeNull();
		expect(withheld[0].changes).toEqual([]);
		expect(JSON.stringify(withheld)).not.toContain('Veselá');
	});

	it('offers the kinds with their labels and the people who changed anything', async () => {
		const filters = await auditLog.logFilters(t.db);
		expect(filters.kinds).toEqual(
			expect.arrayContaining([
				{ value: 'goal', label: 'Cíl' },
				{ value: 'person', label: 'Zaměstnanec' }
			])
		);
		expect(filters.actors.map((a) => a.name).sort()).toEqual(['Jana Nováková', 'tajemnik']);
	});
});

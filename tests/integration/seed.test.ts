import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoIfEmpty } from '../../src/lib/server/demo/seed';
import { login } from '../../src/lib/server/auth/login.service';
import * as users from '../../src/lib/server/users/users.service';

async function tableCounts(t: TestDb): Promise<Record<string, number>> {
	const tables = await sql<{ table_name: string }>`
		select table_name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
		order by table_name`.execute(t.db);
	const counts: Record<string, number> = {};
	for (const { table_name } of tables.rows) {
		const row = await sql<{
			n: number;
		}>`select count(*)::int as n from ${sql.table(table_name)}`.execute(t.db);
		counts[table_name] = row.rows[0].n;
	}
	return counts;
}

describe.each(engines)('demo town seed on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(engine);
	});
	afterAll(() => t.destroy());

	it('seeds an empty database with the demo users, who can sign in with their roles', async () => {
		expect(await seedDemoIfEmpty(t.db)).toBe(true);
		const rows = await t.db
			.selectFrom('app_user')
			.select(['username', 'role'])
			.where('role', '!=', 'guest')
			.orderBy('id')
			.execute();
		expect(rows).toEqual(DEMO_USERS.map((u) => ({ username: u.username, role: u.role })));
		// and one guest, the external CAF assessor (seed-guests.ts)
		const guests = await t.db.selectFrom('guest_access').select('user_id').execute();
		expect(guests).toHaveLength(1);
		const result = await login(t.db, 'starosta', DEMO_PASSWORD, '127.0.0.1');
		expect(result.ok).toBe(true);
		const units = await t.db.selectFrom('org_unit').select('name').execute();
		expect(units.map((u) => u.name)).toContain('Odbor sociálních věcí');
	});

	it('is idempotent: a second run changes nothing', async () => {
		const before = await tableCounts(t);
		expect(await seedDemoIfEmpty(t.db)).toBe(false);
		expect(await tableCounts(t)).toEqual(before);
	});
});

describe.each(engines)('demo seed against a real office on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(engine);
	});
	afterAll(() => t.destroy());

	it('never touches a database that already holds data', async () => {
		await users.create(t.db, null, {
			username: 'urednik',
			displayName: 'Úředník',
			role: 'admin',
			password: 'skutecne-heslo-1'
		});
		const before = await tableCounts(t);
		expect(await seedDemoIfEmpty(t.db)).toBe(false);
		expect(await tableCounts(t)).toEqual(before);
		expect(await users.findByUsername(t.db, 'starosta')).toBeUndefined();
	});
});

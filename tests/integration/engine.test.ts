import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';

describe.each(engines)('database engine %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(engine);
	});
	afterAll(() => t.destroy());

	it('returns int8 as exact bigint, date as an ISO string and numeric as a string', async () => {
		const row = await sql<{ big: bigint; day: string; exact: string; total: bigint }>`
			select 900719925474099301::int8 as big, date '2026-03-31' as day,
				0.1::numeric + 0.2::numeric as exact,
				(select sum(x)::int8 from (values (900719925474099300::int8), (1::int8)) v(x)) as total`
			.execute(t.db)
			.then((r) => r.rows[0]);
		expect(row.big).toBe(900719925474099301n);
		expect(row.day).toBe('2026-03-31');
		expect(row.exact).toBe('0.3');
		expect(row.total).toBe(900719925474099301n);
	});

	it('keeps concurrent transactions apart (one rolls back, the other commits)', async () => {
		await sql`create table t_iso (v int)`.execute(t.db);
		const failing = t.db.transaction().execute(async (trx) => {
			await sql`insert into t_iso values (1)`.execute(trx);
			await new Promise((r) => setTimeout(r, 50));
			throw new Error('boom');
		});
		const committing = t.db.transaction().execute(async (trx) => {
			await sql`insert into t_iso values (2)`.execute(trx);
		});
		const outside = sql<{ n: number }>`select count(*)::int as n from t_iso`.execute(t.db);
		await expect(failing).rejects.toThrow('boom');
		await committing;
		await outside;
		const rows = await sql<{ v: number }>`select v from t_iso order by v`.execute(t.db);
		expect(rows.rows.map((r) => r.v)).toEqual([2]);
	});

	it('lets the event loop turn while queries queue, so a busy server still reads and accepts', async () => {
		// A server's sockets are polled between turns of the loop; a queue of queries that never
		// gives a turn back leaves every other request (and new connection) waiting.
		let done = 0;
		const queries = Array.from({ length: 200 }, () =>
			sql`select 1`.execute(t.db).then(() => done++)
		);
		const doneAtNextTurn = await new Promise<number>((resolve) =>
			setImmediate(() => resolve(done))
		);
		await Promise.all(queries);
		expect(done).toBe(200);
		expect(doneAtNextTurn).toBeLessThan(200);
	});
});

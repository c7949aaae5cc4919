// The ledger lines of an import: COPY FROM STDIN on PostgreSQL, a bulk insert on PGlite, from one
// column list (ENTRY_COLUMNS). Both engines: every column arrives as given (texts with tabs,
// backslashes and line breaks, nulls, large amounts), and a line the database refuses leaves the
// transaction with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import { ENTRY_COLUMNS, engineOf, insertEntries } from '../../src/lib/server/imports/write';
import type { ResolvedRow } from '../../src/lib/server/imports/types';

function line(i: number, orgUnitId: number, extra: Partial<ResolvedRow['row']> = {}): ResolvedRow {
	return {
		row: {
			line: i + 2,
			kind: 'actual',
			month: `2025-0${1 + (i % 9)}`,
			amount: BigInt(100 + i),
			polozka: i % 2 ? '5169' : '5139',
			paragraf: '6171',
			orj: '0100',
			org: null,
			uz: null,
			text: `Doklad ${i}`,
			...extra
		},
		orgUnitId,
		initiativeId: null,
		nature: 'fixed'
	};
}

describe.each(engines)('writing ledger lines on %s', (engine) => {
	let t: TestDb;
	let unitId: number;
	let userId: number;
	beforeAll(async () => {
		t = await createTestDb(engine);
		unitId = await build.orgUnit(t.db, { code: '0100' });
		userId = await build.user(t.db, { username: 'ucetni' });
	});
	afterAll(() => t.destroy());

	it('writes the way of its engine, every column as given, in chunks', async () => {
		expect(engineOf(t.db)).toBe(engine);
		const odd = 'Tab\there, back\\slash, \\N, line\nbreak, CR\r, “uvozovky” ščř';
		const rows = [
			...Array.from({ length: 12_001 }, (_, i) => line(i, unitId)),
			line(20_000, unitId, { text: odd, org: 'ORG1', uz: '00123', amount: -900719925474099301n }),
			line(20_001, unitId, { text: null, paragraf: null, orj: null })
		];
		await t.db
			.transaction()
			.execute((trx) => insertEntries(trx, null, userId, 'actual', rows, engineOf(t.db)));
		const written = await t.db
			.selectFrom('cost_entry')
			.select(['kind', 'month', 'amount', 'polozka', 'paragraf', 'orj', 'org', 'uz', 'text'])
			.select(['org_unit_id', 'created_by', 'batch_id', 'nature'])
			.orderBy('id')
			.execute();
		expect(written).toHaveLength(rows.length);
		expect(written[0]).toEqual({
			kind: 'actual',
			month: '2025-01-01',
			amount: 100n,
			polozka: '5139',
			paragraf: '6171',
			orj: '0100',
			org: null,
			uz: null,
			text: 'Doklad 0',
			org_unit_id: unitId,
			created_by: userId,
			batch_id: null,
			nature: 'fixed'
		});
		expect(written.at(-2)).toMatchObject({ text: odd, org: 'ORG1', uz: '00123' });
		expect(written.at(-2)!.amount).toBe(-900719925474099301n);
		expect(written.at(-1)).toMatchObject({ text: null, paragraf: null, orj: null });
		const sum = written.reduce((s, r) => s + r.amount, 0n);
		expect(sum).toBe(rows.reduce((s, r) => s + r.row.amount, 0n));
		// Every column of the list is a column of the ledger.
		expect(ENTRY_COLUMNS.map((c) => c.name)).toContain('batch_id');
	});

	it('a line the database refuses leaves nothing of the transaction', async () => {
		const before = await t.db
			.selectFrom('cost_entry')
			.select((e) => e.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		const rows = [...Array.from({ length: 6_000 }, (_, i) => line(i, unitId)), line(7, 999_999)];
		await expect(
			t.db
				.transaction()
				.execute((trx) => insertEntries(trx, null, userId, 'actual', rows, engineOf(t.db)))
		).rejects.toThrow(/foreign key|violates/);
		const after = await t.db
			.selectFrom('cost_entry')
			.select((e) => e.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
		// The connection is still good for the next statement.
		await t.db.selectFrom('cost_entry').select('id').limit(1).execute();
	});
});

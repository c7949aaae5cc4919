// Two imports of the same source at once take turns: the second sees what the first wrote and
// reports a duplicate (the same file, or the same rows again) or the months it replaced — never
// "imported" twice. Both engines; the ledger and its aggregates stay right either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import { importFile } from '../../src/lib/server/imports/import-file';
import type { ImportOptions } from '../../src/lib/server/imports/types';

const HEADER = 'Datum dokladu;ORJ;Paragraf;Položka;ORG;UZ;Částka;Text';

/** A ledger CSV of `rows` lines in `month` (1–12) of 2025; `tag` changes the texts, not the sums. */
function csv(rows: number, month: number, tag = 'Doklad'): Uint8Array {
	const lines = [HEADER];
	for (let i = 0; i < rows; i++) {
		lines.push(
			`${1 + (i % 28)}.${month}.2025;0100;6171;${i % 2 ? '5169' : '5139'};;;${100 + i},00;${tag} ${i}`
		);
	}
	return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

describe.each(engines)('two imports of one source at once on %s', (engine) => {
	let t: TestDb;
	let userId: number;
	const options = (fileName: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
		fileName,
		kind: 'actual',
		source: 'web',
		year: 2025,
		...extra
	});

	async function ledger() {
		const e = await t.db
			.selectFrom('cost_entry')
			.select([
				sql<number>`count(*)::int`.as('n'),
				sql<bigint>`coalesce(sum(amount), 0)::bigint`.as('sum')
			])
			.executeTakeFirstOrThrow();
		const s = await t.db
			.selectFrom('cost_month_summary')
			.select([
				sql<number>`coalesce(sum(entries), 0)::int`.as('n'),
				sql<bigint>`coalesce(sum(amount), 0)::bigint`.as('sum')
			])
			.executeTakeFirstOrThrow();
		const batches = await t.db
			.selectFrom('import_batch')
			.select(sql<number>`count(*)::int`.as('n'))
			.where('status', '=', 'imported')
			.executeTakeFirstOrThrow();
		return { entries: e, summary: s, batches: batches.n };
	}

	beforeAll(async () => {
		t = await createTestDb(engine);
		userId = await build.user(t.db, { username: 'ekonom', display_name: 'E', role: 'finance' });
		const units = await build.orgUnits(t.db, ['VED']);
		await t.db.insertInto('orj_mapping').values({ orj: '0100', org_unit_id: units.VED }).execute();
	});
	afterAll(() => t.destroy());

	it('the same file twice: one imported, the other a duplicate of it', async () => {
		const before = await ledger();
		const bytes = csv(3000, 1);
		const outcomes = await Promise.all([
			importFile(t.db, userId, bytes, options('leden.csv')),
			importFile(t.db, userId, bytes, options('leden-znovu.csv'))
		]);
		const statuses = outcomes.map((o) => o.status).sort();
		expect(statuses).toEqual(['duplicate', 'imported']);
		const first = outcomes.find((o) => o.status === 'imported')!;
		const second = outcomes.find((o) => o.status === 'duplicate')!;
		expect(second.validation.duplicateOf?.fileName).toBe(
			first.status === 'imported' ? (first === outcomes[0] ? 'leden.csv' : 'leden-znovu.csv') : ''
		);
		const after = await ledger();
		expect(after.batches).toBe(before.batches + 1);
		expect(after.entries.n).toBe(before.entries.n + 3000);
		expect(after.summary).toEqual(after.entries);
	});

	it('the same rows under other bytes twice (appending): the second is a duplicate', async () => {
		const before = await ledger();
		const outcomes = await Promise.all([
			importFile(t.db, userId, csv(2000, 2, 'Doklad'), options('unor-a.csv')),
			importFile(t.db, userId, csv(2000, 2, 'Faktura'), options('unor-b.csv'))
		]);
		expect(outcomes.map((o) => o.status).sort()).toEqual(['duplicate', 'imported']);
		const after = await ledger();
		expect(after.batches).toBe(before.batches + 1);
		expect(after.entries.n).toBe(before.entries.n + 2000);
		expect(after.summary).toEqual(after.entries);
	});

	it('two files of one month (replacing): the second replaces the first', async () => {
		const before = await ledger();
		const [a, b] = await Promise.all([
			importFile(t.db, userId, csv(1500, 3, 'A'), options('brezen-a.csv', { mode: 'replace' })),
			importFile(t.db, userId, csv(1200, 3, 'B'), options('brezen-b.csv', { mode: 'replace' }))
		]);
		expect(a.status).toBe('imported');
		expect(b.status).toBe('imported');
		if (a.status !== 'imported' || b.status !== 'imported') return;
		// One of them ran second and says which batch and month it took over.
		const [earlier, later] = a.batchId < b.batchId ? [a, b] : [b, a];
		expect(earlier.replaced.batches).toEqual([]);
		expect(later.replaced.months).toEqual(['2025-03']);
		expect(later.replaced.batches.map((r) => r.batchId)).toEqual([earlier.batchId]);
		const after = await ledger();
		expect(after.entries.n).toBe(before.entries.n + later.validation.rowsToImport);
		expect(after.summary).toEqual(after.entries);
	});
});

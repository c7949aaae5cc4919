// /costs is read once per data version and served again (costs.service `keptCostsPage`): what the
// page shows must still follow every change to what it reads, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as costs from '../../src/lib/server/costs/costs.service';
import * as entries from '../../src/lib/server/costs/entries.service';
import * as drill from '../../src/lib/server/costs/drill.service';
import * as allocation from '../../src/lib/server/allocation/allocation.service';
import { seedDemoIfEmpty } from '../../src/lib/server/demo/seed';
import { fixedClock } from '../../src/lib/server/shared/clock';
import {
	createSession,
	generateSessionToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { dataVersion } from '../../src/lib/server/db/data-version';
import { createTestDb, engines, type TestDb } from './harness';

const YEAR = 2026;
const query: costs.CostsPageQuery = {
	year: YEAR,
	currentYear: YEAR,
	processPage: 1,
	view: { order: { by: 'code', dir: 'asc' } },
	yoyBy: 'polozka'
};

describe.each(engines)('the kept /costs page on %s', (engine) => {
	let t: TestDb;
	let clerk: number;
	beforeAll(async () => {
		t = await createTestDb(engine);
		await seedDemoIfEmpty(t.db, { clock: fixedClock('2026-12-03') });
		({ id: clerk } = await t.db
			.selectFrom('app_user')
			.select('id')
			.where('role', '=', 'finance')
			.executeTakeFirstOrThrow());
	}, 120_000);
	afterAll(() => t.destroy());

	/** A manual line of `amount` on položka 5169 in month `mm` of YEAR, as the clerk types it. */
	function addManualEntry(mm: string, amount: bigint) {
		return entries.create(t.db, clerk, {
			kind: 'actual',
			month: `${YEAR}-${mm}`,
			amount,
			polozka: '5169',
			paragraf: null,
			orgUnitId: null,
			processId: null,
			initiativeId: null,
			nature: null,
			text: 'kept-page test'
		});
	}

	/** What the page shows, read afresh (no reuse). */
	async function fresh() {
		const [years, page, byParagraf, yoy] = await Promise.all([
			costs.years(t.db, YEAR),
			costs.costsPage(t.db, YEAR, 1, query.view),
			drill.yearOverYear(t.db, YEAR, 'paragraf'),
			drill.yearOverYear(t.db, YEAR, 'polozka')
		]);
		return { years, ...page, byParagraf, yoy: { by: 'polozka', rows: yoy } };
	}

	it('is what a fresh read gives, and is served again while nothing changes', async () => {
		const first = await costs.keptCostsPage(t.db, query);
		expect(first).toEqual(await fresh());
		expect(await costs.keptCostsPage(t.db, query)).toBe(first);
		// other pages and views are kept apart
		const byUnit = await costs.keptCostsPage(t.db, { ...query, yoyBy: 'unit' });
		expect(byUnit.yoy.by).toBe('unit');
		expect(await costs.keptCostsPage(t.db, query)).toBe(first);
	});

	it('shows a manual entry at once: totals, the položka and the count of manual lines', async () => {
		const before = await costs.keptCostsPage(t.db, query);
		await addManualEntry('03', 1_234_50n);
		const after = await costs.keptCostsPage(t.db, query);
		expect(after).toEqual(await fresh());
		expect(after.summary.totals.all.actual - before.summary.totals.all.actual).toBe(1_234_50n);
		expect(after.provenance.manualEntries).toBe(before.provenance.manualEntries + 1);
	});

	it('shows a unit key saved by hand at once', async () => {
		const unit = await t.db
			.selectFrom('org_unit')
			.select(['id', 'code'])
			.orderBy('id')
			.executeTakeFirstOrThrow();
		const process = await t.db
			.selectFrom('process')
			.select('id')
			.orderBy('id')
			.executeTakeFirstOrThrow();
		const before = await costs.keptCostsPage(t.db, query);
		expect(before.provenance.manualKeys.map((k) => k.orgUnitCode)).not.toContain(unit.code);
		await allocation.saveKey(t.db, clerk, unit.id, YEAR, 0, [
			{ processId: process.id, percent: '100' }
		]);
		const after = await costs.keptCostsPage(t.db, query);
		expect(after.provenance.manualKeys.map((k) => k.orgUnitCode)).toContain(unit.code);
		expect(after).toEqual(await fresh());
	});

	it('follows a change to each table it reads that no ledger change rewrites', async () => {
		const changes = [
			sql`update cost_category set name = name || ' (nový název)' where polozka = '5169'`,
			sql`update allocation_key_set set updated_at = updated_at + interval '1 minute'`,
			sql`update allocation_key set percent = percent`,
			sql`update cost_driver set name = name || '.'`,
			sql`update cost_paragraf set name = name || '.'`,
			sql`update cost_refresh set refreshed_at = refreshed_at + interval '1 minute'`,
			sql`update import_batch set file_name = file_name || '.'`
		];
		for (const change of changes) {
			const label = change.compile(t.db).sql;
			const before = await costs.keptCostsPage(t.db, query);
			const result = await t.db.transaction().execute((trx) => change.execute(trx));
			expect(Number(result.numAffectedRows), label).toBeGreaterThan(0);
			const after = await costs.keptCostsPage(t.db, query);
			expect(after, label).not.toBe(before);
			expect(after, label).toEqual(await fresh());
		}
		const page = await costs.keptCostsPage(t.db, query);
		expect(page.summary.byCategory.find((c) => c.polozka === '5169')!.name).toMatch(
			/\(nový název\)$/
		);
	});

	it('answers a signed-in read from the data version its session check read, in one round trip', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, clerk);
		const before = await validateSessionToken(t.db, token);
		expect(before.dataVersion).toBe(await dataVersion(t.db));
		const page = await costs.keptCostsPage(t.db, query, before.dataVersion);
		expect(page).toEqual(await fresh());
		await addManualEntry('04', 99_00n);
		// The next request's session check sees the change, and so does its page.
		const after = await validateSessionToken(t.db, token);
		expect(after.dataVersion! > before.dataVersion!).toBe(true);
		const changed = await costs.keptCostsPage(t.db, query, after.dataVersion);
		expect(changed.summary.totals.all.actual - page.summary.totals.all.actual).toBe(99_00n);
		expect(changed).toEqual(await fresh());
		expect(await costs.keptCostsPage(t.db, query, after.dataVersion)).toBe(changed);
	});
});

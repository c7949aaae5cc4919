// The accounting formats in the import pipeline, on both engines: per-month replace and its undo
// (figures never doubled), leading-zero code matching, unknown codes mapped in the preview or sent
// to the "unmapped" org unit, revenue and financing skip counts, one kind per batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import { importFile } from '../../src/lib/server/imports/import-file';
import { BatchStateError, rollback } from '../../src/lib/server/imports/rollback';
import { UNMAPPED_ORG_UNIT_CODE } from '../../src/lib/server/imports/codes';
import { kxxFile, type KxxSection } from './imports-formats-files';

const YEAR = 2026;

/** One month of actuals: two spending lines on ORJ 110 (zero-padded in the file), one revenue. */
function month(m: number, base: bigint): KxxSection {
	return {
		month: m,
		year: YEAR,
		lines: [
			{ polozka: '5139', orj: '110', amount: base, text: `Materiál ${m}` },
			{ polozka: '5169', orj: '110', amount: base * 2n },
			{ polozka: '1111', amount: 999_00n },
			{ polozka: '8115', amount: 77_00n }
		]
	};
}

describe.each(engines)('accounting formats in the import pipeline on %s', (engine) => {
	let t: TestDb;
	let actorId: number;
	const units: Record<string, number> = {};

	/** Ledger and summary per month (kind actual): the two must always agree. */
	async function byMonth() {
		const ledger = await sql<{ month: string; amount: bigint; n: number }>`
			select to_char(month, 'YYYY-MM') as month, sum(amount)::bigint as amount, count(*)::int as n
			from cost_entry where kind = 'actual' group by 1 order by 1`.execute(t.db);
		const summary = await sql<{ month: string; amount: bigint; n: number }>`
			select to_char(month, 'YYYY-MM') as month, sum(amount)::bigint as amount,
				sum(entries)::int as n
			from cost_month_summary where kind = 'actual' group by 1 order by 1`.execute(t.db);
		expect(summary.rows).toEqual(ledger.rows);
		return Object.fromEntries(ledger.rows.map((r) => [r.month, r.amount]));
	}

	async function batchVersion(id: number) {
		const b = await t.db
			.selectFrom('import_batch')
			.select('version')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		return b.version;
	}

	beforeAll(async () => {
		t = await createTestDb(engine);
		actorId = await build.user(t.db, { username: 'ekonom', display_name: 'E', role: 'finance' });
		Object.assign(units, await build.orgUnits(t.db, ['OF', 'OSV']));
		// The office writes ORJ 0110; KXX pads it to 0000000110.
		await t.db.insertInto('orj_mapping').values({ orj: '0110', org_unit_id: units.OF }).execute();
	});
	afterAll(() => t.destroy());

	let batchA = 0;
	let batchB = 0;
	const fileA = kxxFile([month(1, 1000_00n), month(2, 2000_00n), month(3, 3000_00n)]);
	const fileB = kxxFile([month(3, 3500_00n), month(4, 4000_00n)]);

	it('imports file A (January–March), matching ORJ 0000000110 to 0110, counting skipped lines', async () => {
		const outcome = await importFile(t.db, actorId, fileA, {
			fileName: 'ucetnictvi-01-03.kxx',
			kind: 'actual',
			source: 'web'
		});
		expect(outcome.validation.errors).toEqual([]);
		expect(outcome.status).toBe('imported');
		if (outcome.status !== 'imported') return;
		batchA = outcome.batchId;
		expect(outcome.read.format).toBe('kxx');
		expect(outcome.validation.mode).toBe('replace');
		expect(outcome.replaced.batches).toEqual([]);
		expect(outcome.validation.rowsToImport).toBe(6);
		expect(outcome.validation.skippedRevenue).toBe(3);
		expect(outcome.validation.skippedFinancing).toBe(3);
		const units_ = await t.db
			.selectFrom('cost_entry')
			.select('org_unit_id')
			.distinct()
			.where('batch_id', '=', batchA)
			.execute();
		expect(units_).toEqual([{ org_unit_id: units.OF }]);
		expect(await byMonth()).toEqual({
			'2026-01': 3000_00n,
			'2026-02': 6000_00n,
			'2026-03': 9000_00n
		});
		for (const line of outcome.reconciliation) expect(line.ledger).toBe(line.file);
		const batch = await t.db
			.selectFrom('import_batch')
			.select(['rows_skipped', 'format'])
			.where('id', '=', batchA)
			.executeTakeFirstOrThrow();
		expect(batch).toEqual({ rows_skipped: 6, format: 'kxx' });
	});

	it('refuses the same file again as a duplicate, writing nothing', async () => {
		const before = await byMonth();
		const again = await importFile(t.db, actorId, fileA, {
			fileName: 'znovu.kxx',
			kind: 'actual',
			source: 'web'
		});
		expect(again.status).toBe('duplicate');
		expect(again.validation.duplicateOf?.id).toBe(batchA);
		expect(await byMonth()).toEqual(before);
	});

	it('previews file B (March–April) as replacing March of batch A only', async () => {
		const preview = await importFile(t.db, actorId, fileB, {
			fileName: 'ucetnictvi-03-04.kxx',
			kind: 'actual',
			source: 'web',
			dryRun: true
		});
		expect(preview.status).toBe('dry-run');
		expect(preview.validation.replaces.months).toEqual(['2026-03']);
		expect(preview.validation.replaces.batches).toEqual([
			{
				batchId: batchA,
				fileName: 'ucetnictvi-01-03.kxx',
				format: 'kxx',
				months: ['2026-03'],
				rows: 2,
				total: 9000_00n
			}
		]);
	});

	it('imports file B: March replaced, January–February kept, April added, nothing doubled', async () => {
		const outcome = await importFile(t.db, actorId, fileB, {
			fileName: 'ucetnictvi-03-04.kxx',
			kind: 'actual',
			source: 'web'
		});
		expect(outcome.status).toBe('imported');
		if (outcome.status !== 'imported') return;
		batchB = outcome.batchId;
		expect(outcome.replaced.months).toEqual(['2026-03']);
		expect(await byMonth()).toEqual({
			'2026-01': 3000_00n,
			'2026-02': 6000_00n,
			'2026-03': 10500_00n,
			'2026-04': 12000_00n
		});
		for (const line of outcome.reconciliation) expect(line.ledger).toBe(line.file);
		const link = await t.db
			.selectFrom('import_batch_replacement')
			.select(['replacing_batch_id', 'replaced_batch_id', 'month', 'rows', 'total'])
			.execute();
		expect(link).toEqual([
			{
				replacing_batch_id: batchB,
				replaced_batch_id: batchA,
				month: '2026-03-01',
				rows: 2,
				total: 9000_00n
			}
		]);
		const audit = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'import_batch')
			.where('entity_id', '=', String(batchB))
			.execute();
		expect(audit.map((a) => a.action).sort()).toEqual(['costs.import', 'costs.import_replace']);
	});

	it('refuses to roll back batch A while batch B stands on its March', async () => {
		const before = await byMonth();
		const error = await rollback(t.db, actorId, batchA, await batchVersion(batchA)).catch(
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(BatchStateError);
		expect((error as BatchStateError).replacedBy).toEqual([batchB]);
		expect(await byMonth()).toEqual(before);
	});

	it('rolling back batch B restores March from A (same rows) and removes April', async () => {
		const result = await rollback(t.db, actorId, batchB, await batchVersion(batchB));
		expect(result).toEqual({ deleted: 4, restored: 2 });
		expect(await byMonth()).toEqual({
			'2026-01': 3000_00n,
			'2026-02': 6000_00n,
			'2026-03': 9000_00n
		});
		const march = await t.db
			.selectFrom('cost_entry')
			.select(['batch_id', 'org_unit_id', 'text'])
			.where('month', '=', '2026-03-01')
			.orderBy('polozka')
			.execute();
		expect(march).toEqual([
			{ batch_id: batchA, org_unit_id: units.OF, text: 'Materiál 3' },
			{ batch_id: batchA, org_unit_id: units.OF, text: null }
		]);
		const left = await t.db
			.selectFrom('cost_entry_replaced')
			.select(sql<number>`count(*)::int`.as('n'))
			.executeTakeFirstOrThrow();
		expect(left.n).toBe(0);
		// A new identity value after the restored ids still works.
		const again = await importFile(t.db, actorId, fileB, {
			fileName: 'ucetnictvi-03-04.kxx',
			kind: 'actual',
			source: 'web',
			confirmDuplicate: true
		});
		expect(again.status).toBe('imported');
		expect((await byMonth())['2026-03']).toBe(10500_00n);
		if (again.status === 'imported') {
			await rollback(t.db, actorId, again.batchId, await batchVersion(again.batchId));
		}
		expect((await byMonth())['2026-03']).toBe(9000_00n);
	});

	it('appends instead of replacing when asked', async () => {
		const fileJan = kxxFile([
			{ month: 1, year: YEAR, lines: [{ polozka: '5139', orj: '110', amount: 1_00n }] }
		]);
		const outcome = await importFile(t.db, actorId, fileJan, {
			fileName: 'doplnek.kxx',
			kind: 'actual',
			source: 'cli',
			mode: 'append'
		});
		expect(outcome.status).toBe('imported');
		if (outcome.status !== 'imported') return;
		expect(outcome.replaced.batches).toEqual([]);
		expect((await byMonth())['2026-01']).toBe(3001_00n);
		// A re-export of the same rows (other bytes: a description added) is caught when appending.
		const reExport = kxxFile([
			{
				month: 1,
				year: YEAR,
				lines: [{ polozka: '5139', orj: '110', amount: 1_00n, text: 'Znovu vyexportováno' }]
			}
		]);
		const again = await importFile(t.db, actorId, reExport, {
			fileName: 'doplnek-znovu.kxx',
			kind: 'actual',
			source: 'cli',
			mode: 'append'
		});
		expect(again.status).toBe('duplicate');
		expect(again.validation.duplicateOf?.id).toBe(outcome.batchId);
		expect((await byMonth())['2026-01']).toBe(3001_00n);
		await rollback(t.db, actorId, outcome.batchId, await batchVersion(outcome.batchId));
		expect((await byMonth())['2026-01']).toBe(3000_00n);
	});

	const unknownFile = kxxFile([
		{
			month: 5,
			year: YEAR,
			lines: [
				{ polozka: '5139', orj: '999', amount: 10_00n },
				{ polozka: '5139', orj: '999', amount: 20_00n },
				{ polozka: '5169', orj: '110', amount: 30_00n }
			]
		}
	]);

	it('lists unknown ORJ codes with row counts and writes nothing', async () => {
		const before = await byMonth();
		const outcome = await importFile(t.db, actorId, unknownFile, {
			fileName: 'kveten.kxx',
			kind: 'actual',
			source: 'web'
		});
		expect(outcome.status).toBe('invalid');
		expect(outcome.validation.unknown).toEqual([
			{ field: 'orj', code: '999', count: 2, amount: 30_00n, choice: null }
		]);
		expect(outcome.validation.errors.map((e) => [e.line, e.key])).toEqual([
			[3, 'costs_err_orj_unknown'],
			[4, 'costs_err_orj_unknown']
		]);
		expect(await byMonth()).toEqual(before);
	});

	it('imports with an ORJ mapped in the preview, saving the mapping in the same transaction', async () => {
		const outcome = await importFile(t.db, actorId, unknownFile, {
			fileName: 'kveten.kxx',
			kind: 'actual',
			source: 'web',
			mappings: { orj: { '999': units.OSV } }
		});
		expect(outcome.status).toBe('imported');
		if (outcome.status !== 'imported') return;
		const mapping = await t.db
			.selectFrom('orj_mapping')
			.select(['orj', 'org_unit_id'])
			.where('orj', '=', '999')
			.execute();
		expect(mapping).toEqual([{ orj: '999', org_unit_id: units.OSV }]);
		const rows = await t.db
			.selectFrom('cost_entry')
			.select([sql<number>`count(*)::int`.as('n'), sql<bigint>`sum(amount)::bigint`.as('sum')])
			.where('batch_id', '=', outcome.batchId)
			.where('org_unit_id', '=', units.OSV)
			.executeTakeFirstOrThrow();
		expect(rows).toEqual({ n: 2, sum: 30_00n });
		const audit = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'orj_mapping')
			.where('entity_id', '=', '999')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['costs.orj_save']);
		await rollback(t.db, actorId, outcome.batchId, await batchVersion(outcome.batchId));
		await t.db.deleteFrom('orj_mapping').where('orj', '=', '999').execute();
	});

	it('sends unknown ORJ codes to the "unmapped" org unit when allowed (command line)', async () => {
		const outcome = await importFile(t.db, actorId, unknownFile, {
			fileName: 'kveten.kxx',
			kind: 'actual',
			source: 'cli',
			allowUnmapped: true,
			confirmDuplicate: true
		});
		expect(outcome.status).toBe('imported');
		if (outcome.status !== 'imported') return;
		expect(outcome.validation.unmappedRows).toBe(2);
		expect(outcome.validation.unknown).toEqual([
			{ field: 'orj', code: '999', count: 2, amount: 30_00n, choice: null }
		]);
		const unit = await t.db
			.selectFrom('org_unit')
			.select('id')
			.where('code', '=', UNMAPPED_ORG_UNIT_CODE)
			.executeTakeFirstOrThrow();
		const rows = await t.db
			.selectFrom('cost_entry')
			.select(['orj', 'org_unit_id'])
			.where('batch_id', '=', outcome.batchId)
			.orderBy('orj')
			.execute();
		expect(rows).toEqual([
			{ orj: '110', org_unit_id: units.OF },
			{ orj: '999', org_unit_id: unit.id },
			{ orj: '999', org_unit_id: unit.id }
		]);
		// The unmapped unit never counts as a known ORJ (its code is no mapping).
		const strict = await importFile(t.db, actorId, unknownFile, {
			fileName: 'kveten.kxx',
			kind: 'actual',
			source: 'cli',
			dryRun: true
		});
		expect(strict.status).toBe('invalid');
	});

	it('takes the kind from a budget-only KXX file and replaces only budget months', async () => {
		const budget = kxxFile([
			{
				month: 1,
				year: YEAR,
				docType: '02',
				lines: [{ polozka: '5139', orj: '110', amount: 50_000_00n }]
			}
		]);
		const outcome = await importFile(t.db, actorId, budget, {
			fileName: 'rozpocet.kxx',
			kind: 'actual',
			source: 'web'
		});
		expect(outcome.status).toBe('imported');
		if (outcome.status !== 'imported') return;
		expect(outcome.replaced.batches).toEqual([]);
		const b = await t.db
			.selectFrom('import_batch')
			.select('kind')
			.where('id', '=', outcome.batchId)
			.executeTakeFirstOrThrow();
		expect(b.kind).toBe('budget');
		expect((await byMonth())['2026-01']).toBe(3000_00n);
	});

	it('keeps one kind per batch from a mixed file, saying how many lines it left', async () => {
		const mixed = kxxFile([
			{ month: 6, year: YEAR, lines: [{ polozka: '5139', orj: '110', amount: 5_00n }] },
			{
				month: 6,
				year: YEAR,
				docType: '03',
				lines: [
					{ polozka: '5139', orj: '110', amount: 7_00n },
					{ polozka: '5169', orj: '110', amount: 8_00n }
				]
			}
		]);
		const outcome = await importFile(t.db, actorId, mixed, {
			fileName: 'smiseny.kxx',
			kind: 'actual',
			source: 'web',
			dryRun: true
		});
		expect(outcome.status).toBe('dry-run');
		expect(outcome.validation.rowsToImport).toBe(1);
		expect(outcome.validation.warnings).toContainEqual({
			line: 0,
			field: 'file',
			key: 'imports_warning_budget_lines_left',
			params: { count: 2 }
		});
	});
});

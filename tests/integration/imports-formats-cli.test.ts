// `npm run costs:import` with each accounting format: detection (or --format), the JSON report
// (skipped, unknown codes, months, replace plan, class totals), per-month replace, --strict and the
// NEZAŘAZENO org unit for unmapped ORJ codes. On the embedded database (a data folder of its own)
// and, when TEST_DATABASE_URL is set, on a PostgreSQL test database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/db';
import { engines } from './harness';
import { costsCli } from './costs-cli-harness';
import {
	cityvizorFile,
	internetStreamFile,
	kxxFile,
	veraFile,
	type KxxSection
} from './imports-formats-files';

const kxxMonth = (month: number, amount: bigint, orj = '110'): KxxSection => ({
	month,
	year: 2026,
	lines: [
		{ polozka: '5139', orj, amount },
		{ polozka: '1111', amount: 50_00n }
	]
});

describe.each(engines)('costs:import with accounting formats on %s', (engine) => {
	const cli = costsCli(engine, 'dilna-formats-cli-');
	const { run, withDb } = cli;
	const file = (name: string, bytes: Uint8Array) => cli.file(name, bytes);

	async function ledger(db: Db) {
		const rows = await sql<{ month: string; amount: bigint }>`
			select to_char(month, 'YYYY-MM') as month, sum(amount)::bigint as amount
			from cost_entry where kind = 'actual' group by 1 order by 1`.execute(db);
		return Object.fromEntries(rows.rows.map((r) => [r.month, r.amount]));
	}

	beforeAll(
		() =>
			cli.setup(async (db) => {
				const unit = await db
					.insertInto('org_unit')
					.values({ code: 'OF', name: 'Odbor finanční' })
					.returning('id')
					.executeTakeFirstOrThrow();
				await db.insertInto('orj_mapping').values({ orj: '0110', org_unit_id: unit.id }).execute();
			}),
		60_000
	);
	afterAll(() => cli.teardown());

	it('KXX: detects the format, reports skipped lines and month totals, imports; a later file replaces its months', async () => {
		const a = file('jan-mar.kxx', kxxFile([kxxMonth(1, 100_00n), kxxMonth(2, 200_00n)]));
		const first = run([a, '--json']);
		expect(first.err).not.toContain('Error');
		expect(first.code).toBe(0);
		expect(first.report).toMatchObject({
			status: 'imported',
			format: 'kxx',
			mode: 'replace',
			rowsImported: 2,
			skipped: { revenue: 2, financing: 0, ignored: 0 },
			unknown: [],
			months: [
				{ month: '2026-01', rows: 1, file: '100.00', ledger: '100.00' },
				{ month: '2026-02', rows: 1, file: '200.00', ledger: '200.00' }
			],
			classes: [
				{ month: '2026-01', class: '5', file: '100.00', ledger: '100.00' },
				{ month: '2026-02', class: '5', file: '200.00', ledger: '200.00' }
			]
		});
		const batchA = first.report.batchId as number;

		const b = file('feb-mar.kxx', kxxFile([kxxMonth(2, 250_00n), kxxMonth(3, 300_00n)]));
		const plan = run([b, '--dry-run']);
		expect(plan.code).toBe(0);
		expect(plan.out).toContain(
			`replaces 2026-02 from KXX (batch ${batchA}, jan-mar.kxx), keeps everything else`
		);
		const second = run([b, '--json']);
		expect(second.code).toBe(0);
		expect(second.report).toMatchObject({
			status: 'imported',
			replaces: { months: ['2026-02'], batches: [{ batchId: batchA, total: '200.00' }] }
		});
		expect(await withDb(ledger)).toEqual({
			'2026-01': 100_00n,
			'2026-02': 250_00n,
			'2026-03': 300_00n
		});
		// The same file again: refused as a duplicate, nothing doubled.
		const again = run([b, '--json']);
		expect(again.code).toBe(1);
		expect(again.report.status).toBe('duplicate');
		expect((await withDb(ledger))['2026-02']).toBe(250_00n);
	}, 240_000);

	it('KXX: --strict refuses unknown ORJ codes; without it they go to NEZAŘAZENO', async () => {
		const f = file('duben.kxx', kxxFile([kxxMonth(4, 40_00n, '777')]));
		const strict = run([f, '--json', '--strict']);
		expect(strict.code).toBe(1);
		expect(strict.report.unknown).toEqual([
			{ field: 'orj', code: '777', count: 1, amount: '40.00', choice: null }
		]);
		expect((await withDb(ledger))['2026-04']).toBeUndefined();

		const loose = run([f]);
		expect(loose.code).toBe(0);
		expect(loose.out).toContain('unknown ORJ 777: 1 rows, 40.00 CZK');
		expect(loose.out).toContain('1 rows with an unmapped ORJ go to org unit NEZAŘAZENO');
		const unit = await withDb((db) =>
			db
				.selectFrom('cost_entry as e')
				.innerJoin('org_unit as u', 'u.id', 'e.org_unit_id')
				.select(['u.code', 'e.orj'])
				.where('e.month', '=', '2026-04-01')
				.execute()
		);
		expect(unit).toEqual([{ code: 'NEZAŘAZENO', orj: '777' }]);
	}, 240_000);

	it('VERA: imports the credit side as spending, matching ORJ 0110', async () => {
		const f = file(
			'vera.csv',
			veraFile([
				{ month: 5, year: 2026, polozka: '5139', orj: '0110', d: '1 234,50' },
				{ month: 5, year: 2026, polozka: '2111', orj: '0110', d: '0', md: '99,00' }
			])
		);
		const r = run([f, '--json']);
		expect(r.code).toBe(0);
		expect(r.report).toMatchObject({
			status: 'imported',
			format: 'vera',
			total: '1234.50',
			skipped: { revenue: 1 },
			unmappedRows: 0
		});
	}, 120_000);

	it('CityVizor: a quoted ; in the note, forced with --format', async () => {
		const f = file(
			'export.csv',
			cityvizorFile([
				{
					date: '3.6.2026',
					polozka: '5169',
					orj: '0110',
					amount: '2 000,00',
					note: 'služby; červen'
				}
			])
		);
		const r = run([f, '--json', '--format', 'cityvizor']);
		expect(r.code).toBe(0);
		expect(r.report).toMatchObject({ status: 'imported', format: 'cityvizor', total: '2000.00' });
		const text = await withDb((db) =>
			db
				.selectFrom('cost_entry')
				.select('text')
				.where('month', '=', '2026-06-01')
				.executeTakeFirstOrThrow()
		);
		expect(text.text).toBe('služby; červen');
	}, 120_000);

	it('Internet Stream: SK.csv as actuals', async () => {
		const f = file(
			'SK.csv',
			internetStreamFile([{ date: '15.07.2026', polozka: '6121', orj: '0110', dal: '10000.00' }])
		);
		const r = run([f, '--json']);
		expect(r.code).toBe(0);
		expect(r.report).toMatchObject({
			status: 'imported',
			format: 'internet-stream',
			kind: 'actual',
			total: '10000.00',
			classes: [{ month: '2026-07', class: '6', file: '10000.00', ledger: '10000.00' }]
		});
	}, 120_000);

	it('refuses an unknown --format or --mode with the usage', () => {
		expect(run(['x.kxx', '--format', 'pdf']).code).toBe(2);
		expect(run(['x.kxx', '--mode', 'wipe']).code).toBe(2);
	});
});

// `npm run costs:import` deciding unknown codes and reading yearly tables as a scheduled job does:
// `--unknown refuse|skip|accept`, a mapping file (`--mappings`, saved for the source), `--strict`,
// and `--year` with `--column` for a table with no date column. On the embedded database and,
// with TEST_DATABASE_URL, on PostgreSQL.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { engines } from './harness';
import { costsCli } from './costs-cli-harness';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)));

async function ledger(db: Db) {
	const rows = await sql<{ month: string; polozka: string; amount: bigint }>`
		select to_char(month, 'YYYY-MM') as month, polozka, sum(amount)::bigint as amount
		from cost_entry group by 1, 2 order by 1, 2`.execute(db);
	return rows.rows.map((r) => `${r.month} ${r.polozka} ${r.amount}`);
}

describe.each(engines)('costs:import choices and yearly tables on %s', (engine) => {
	const cli = costsCli(engine, 'dilna-cli-choices-');
	let january = '';
	let february = '';

	beforeAll(async () => {
		await cli.setup(async (db) => {
			await db.insertInto('org_unit').values({ code: '110', name: 'Odbor financí' }).execute();
		});
		january = cli.file('leden.kxx', fixture('unknown-polozka-2024-01.kxx'));
		february = cli.file('unor.kxx', fixture('unknown-polozka-2024-02.kxx'));
	}, 300_000);
	afterAll(() => cli.teardown());

	it('refuses an unknown položka by default and with --unknown refuse, listing it, writing nothing', async () => {
		for (const args of [[], ['--unknown', 'refuse']]) {
			const r = cli.run([january, '--json', ...args]);
			expect(r.code).toBe(1);
			expect(r.report.status).toBe('invalid');
			expect(r.report.unknown).toEqual([
				{ field: 'polozka', code: '5999', count: 2, amount: '500.00', choice: null },
				{ field: 'polozka', code: '6999', count: 1, amount: '300.00', choice: null }
			]);
		}
		expect(await cli.withDb(ledger)).toEqual([]);
	}, 900_000);

	it('--unknown skip leaves the rows out and says so; --unknown accept imports them as unverified', async () => {
		const skip = cli.run([january, '--json', '--dry-run', '--unknown', 'skip']);
		expect(skip.code).toBe(0);
		expect(skip.report).toMatchObject({
			status: 'dry-run',
			rowsValid: 2,
			total: '3000.00',
			skippedUnknown: { rows: 3, total: '800.00' }
		});
		const accept = cli.run([january, '--json', '--unknown', 'accept']);
		expect(accept.code).toBe(0);
		expect(accept.report).toMatchObject({ status: 'imported', rowsImported: 5, unverifiedRows: 3 });
		expect(await cli.withDb(ledger)).toEqual([
			'2024-01 5139 100000',
			'2024-01 5169 200000',
			'2024-01 5999 50000',
			'2024-01 6999 30000'
		]);
		// --unknown decides for this run only: nothing is saved for the source.
		const saved = await cli.withDb((db) =>
			db.selectFrom('import_code_choice').selectAll().execute()
		);
		expect(saved).toEqual([]);
	}, 900_000);

	it('a mapping file maps and skips, replaces the month, and is saved for the next file', async () => {
		const mappings = cli.file(
			'mapovani.json',
			JSON.stringify({ polozka: { '5999': '5139', '6999': 'skip' } })
		);
		const r = cli.run([january, '--json', '--confirm-duplicate', '--mappings', mappings]);
		expect(r.code).toBe(0);
		expect(r.report).toMatchObject({
			status: 'imported',
			rowsImported: 4,
			skippedUnknown: { rows: 1, total: '300.00' },
			replaces: { months: ['2024-01'] }
		});
		expect(await cli.withDb(ledger)).toEqual(['2024-01 5139 150000', '2024-01 5169 200000']);
		// The next month's file needs no mapping file: the choice is saved for KXX.
		const next = cli.run([february, '--json']);
		expect(next.code).toBe(0);
		expect(next.report.unknown).toEqual([
			{
				field: 'polozka',
				code: '5999',
				count: 1,
				amount: '99.00',
				choice: { action: 'map', target: '5139' }
			}
		]);
	}, 900_000);

	it('--strict refuses any unknown code even when a choice is saved, writing nothing', async () => {
		const before = await cli.withDb(ledger);
		const r = cli.run([february, '--json', '--strict', '--confirm-duplicate']);
		expect(r.code).toBe(1);
		expect(r.report.status).toBe('refused-strict');
		expect(await cli.withDb(ledger)).toEqual(before);
	}, 900_000);

	it('--year reads a table with no date column; --column picks its amount column, by its Czech abbreviation', async () => {
		const table = cli.file('rozpocet.csv', fixture('yearly-abbreviations.csv'));
		const budget = (column: string, ...more: string[]) =>
			cli.run([table, '--json', '--kind', 'budget', '--year', '2016', '--column', column, ...more]);
		const approved = budget('approved');
		expect(approved.code).toBe(0);
		expect(approved.report).toMatchObject({
			status: 'imported',
			yearly: { year: 2016, column: 'approved', header: 'SR', month: '2016-01' },
			total: '8000.00'
		});
		const amended = budget('amended', '--dry-run');
		expect(amended.report).toMatchObject({
			yearly: { column: 'amended', header: 'RU' },
			total: '7200.50'
		});
	}, 900_000);
});

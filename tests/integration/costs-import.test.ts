// The import pipeline on both engines: import, duplicate detection, rollback, the bad-file corpus
// (nothing written, previous state intact), aggregates and allocation after changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import { importFile } from '../../src/lib/server/imports/import-file';
import { rollback } from '../../src/lib/server/imports/rollback';
import { LIMITS } from '../../src/lib/server/imports/types';
import { rebuildSummary } from '../../src/lib/server/costs/aggregates';
import { refreshProcessCosts, saveKey } from '../../src/lib/server/allocation/allocation.service';
import { ValidationError } from '../../src/lib/server/shared/errors';

const fixtures = path.resolve('tests/fixtures/costs');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)));
const cp1250 = (text: string) => {
	// Windows-1250 for the Czech letters the fixtures use; ASCII maps to itself.
	const table: Record<string, number> = {
		á: 0xe1,
		č: 0xe8,
		ď: 0xef,
		é: 0xe9,
		ě: 0xec,
		í: 0xed,
		ň: 0xf2,
		ó: 0xf3,
		ř: 0xf8,
		š: 0x9a,
		ť: 0x9d,
		ú: 0xfa,
		ů: 0xf9,
		ý: 0xfd,
		ž: 0x9e,
		Č: 0xc8,
		Ř: 0xd8,
		Š: 0x8a,
		Ž: 0x8e,
		Ú: 0xda
	};
	return new Uint8Array([...text].map((ch) => table[ch] ?? ch.charCodeAt(0)));
};

describe.each(engines)('costs import on %s', (engine) => {
	let t: TestDb;
	let adminId: number;
	let units: Record<string, number>;
	let processes: Record<string, number>;

	async function ledgerState() {
		const entries = await t.db
			.selectFrom('cost_entry')
			.select([
				sql<number>`count(*)::int`.as('n'),
				sql<bigint>`coalesce(sum(amount), 0)::bigint`.as('sum')
			])
			.executeTakeFirstOrThrow();
		const summary = await t.db
			.selectFrom('cost_month_summary')
			.select([
				sql<number>`coalesce(sum(entries), 0)::int`.as('n'),
				sql<bigint>`coalesce(sum(amount), 0)::bigint`.as('sum')
			])
			.executeTakeFirstOrThrow();
		const batches = await t.db
			.selectFrom('import_batch')
			.select(sql<number>`count(*)::int`.as('n'))
			.executeTakeFirstOrThrow();
		return { entries, summary, batches: batches.n };
	}

	beforeAll(async () => {
		t = await createTestDb(engine);
		adminId = await build.user(t.db, { username: 'ekonom', display_name: 'E', role: 'finance' });
		units = await build.orgUnits(t.db, ['VED', 'OF', 'OSV']);
		await t.db
			.insertInto('orj_mapping')
			.values([
				{ orj: '0100', org_unit_id: units.VED },
				{ orj: '0120', org_unit_id: units.OSV },
				{ orj: '0130', org_unit_id: units.OF },
				{ orj: '0140', org_unit_id: units.VED }
			])
			.execute();
		processes = {};
		for (const [code, unit, fte, volume] of [
			['P-SOC-1', 'OSV', '2.50', 400],
			['P-SOC-2', 'OSV', '1.50', 100],
			['P-FIN-1', 'OF', '1.00', 1000]
		] as const) {
			processes[code] = await build.process(t.db, { code, org_unit_id: units[unit] });
			await build.processYear(t.db, { process_id: processes[code], year: 2025, fte, volume });
		}
	});
	afterAll(() => t.destroy());

	it('imports the Windows-1250 sample export whole, with reconciliation and aggregates', async () => {
		const outcome = await importFile(t.db, adminId, fixture('ucetnictvi-2025.csv'), {
			fileName: 'ucetnictvi-2025.csv',
			kind: 'actual',
			source: 'web'
		});
		expect(outcome.status).toBe('imported');
		if (outcome.status !== 'imported') return;
		expect(outcome.read.encoding).toBe('windows-1250');
		expect(outcome.read.delimiter).toBe(';');
		expect(outcome.validation.skippedRevenue).toBeGreaterThan(0);
		for (const line of outcome.reconciliation) expect(line.batch).toBe(line.file);
		const state = await ledgerState();
		expect(state.entries.n).toBe(outcome.validation.rowsToImport);
		expect(state.summary.sum).toBe(state.entries.sum);
		expect(state.entries.sum).toBe(outcome.validation.total);
		const text = await t.db
			.selectFrom('cost_entry')
			.select('text')
			.where('text', 'like', '%Řádná%')
			.executeTakeFirst();
		expect(text?.text).toContain('Řádná');
		const audit = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'import_batch')
			.execute();
		expect(audit.map((a) => a.action)).toContain('costs.import');
	});

	it('refuses the same file again unless confirmed', async () => {
		const before = await ledgerState();
		const again = await importFile(t.db, adminId, fixture('ucetnictvi-2025.csv'), {
			fileName: 'kopie.csv',
			kind: 'actual',
			source: 'web'
		});
		expect(again.status).toBe('duplicate');
		expect(again.validation.duplicateOf?.fileName).toBe('ucetnictvi-2025.csv');
		expect(await ledgerState()).toEqual(before);
		const confirmed = await importFile(t.db, adminId, fixture('ucetnictvi-2025.csv'), {
			fileName: 'kopie.csv',
			kind: 'actual',
			source: 'web',
			confirmDuplicate: true
		});
		expect(confirmed.status).toBe('imported');
		const after = await ledgerState();
		expect(after.entries.sum).toBe(before.entries.sum * 2n);
		// Rolling the copy back returns the ledger and the aggregates to where they were.
		if (confirmed.status !== 'imported') return;
		await rollback(t.db, adminId, confirmed.batchId, 1);
		const rolled = await ledgerState();
		expect(rolled.entries).toEqual(before.entries);
		expect(rolled.summary).toEqual(before.summary);
		const batch = await t.db
			.selectFrom('import_batch')
			.select(['status', 'rolled_back_at'])
			.where('id', '=', confirmed.batchId)
			.executeTakeFirstOrThrow();
		expect(batch.status).toBe('rolled_back');
		expect(batch.rolled_back_at).toBeInstanceOf(Date);
		await expect(rollback(t.db, adminId, confirmed.batchId, 2)).rejects.toThrow();
	});

	const corpus: [string, Uint8Array | (() => Uint8Array), RegExp, number | null][] = [
		['empty', new Uint8Array(), /imports_error_empty_file/, 0],
		['header only', fixture('bad-header-only.csv'), /imports_error_no_data/, 0],
		['binary renamed to .csv', fixture('bad-binary.csv'), /imports_error_binary_file/, 0],
		['ragged rows', fixture('bad-ragged.csv'), /imports_error_column_count/, 3],
		// The unknown položka is one message for the file (line 0) naming it; the ORJ is row-numbered.
		[
			'unknown codes',
			fixture('bad-unknown-codes.csv'),
			/imports_error_unknown_undecided.*costs_err_orj_unknown/,
			0
		],
		['amounts with letters', fixture('bad-amount-letters.csv'), /imports_error_amount_invalid/, 3],
		['dates outside the year', fixture('bad-date-outside-year.csv'), /costs_err_year/, 4],
		[
			'formula injection but an unknown ORJ too',
			fixture('bad-formula-injection.csv'),
			/costs_err_orj_unknown/,
			3
		],
		[
			'over the row limit',
			() => {
				const lines = ['datum;polozka;castka'];
				for (let i = 0; i < 200_001; i++) lines.push('1.1.2025;5139;1');
				return new TextEncoder().encode(lines.join('\n'));
			},
			/costs_err_too_many_rows/,
			0
		],
		[
			'over the file size limit',
			() => new Uint8Array(LIMITS.maxFileSize + 1).fill(0x41),
			/costs_err_too_large/,
			0
		]
	];
	it.each(corpus)(
		'a bad file (%s) is refused with a row-numbered message, nothing written',
		async (_name, input, key, line) => {
			const before = await ledgerState();
			const bytes = typeof input === 'function' ? input() : input;
			const outcome = await importFile(t.db, adminId, bytes, {
				fileName: 'bad.csv',
				kind: 'actual',
				source: 'web',
				confirmDuplicate: true
			});
			expect(outcome.status).toBe('invalid');
			const messages = outcome.validation.errors;
			expect(messages.length).toBeGreaterThan(0);
			expect(messages.map((m) => m.key).join(' ')).toMatch(key);
			if (line !== null) expect(messages[0].line).toBe(line);
			expect(await ledgerState()).toEqual(before);
		}
	);

	it('reads a wrong encoding as a clear message when UTF-8 is forced on Windows-1250', async () => {
		const outcome = await importFile(
			t.db,
			adminId,
			cp1250('datum;polozka;castka;text\n1.1.2025;5139;1;papír\n'),
			{
				fileName: 'x.csv',
				kind: 'actual',
				source: 'web',
				encoding: 'utf-8'
			}
		);
		expect(outcome.status).toBe('invalid');
		expect(outcome.validation.errors[0]).toMatchObject({
			key: 'costs_err_encoding',
			params: { line: 2 }
		});
	});

	it('reads a BOM file and keeps a formula-looking text as text', async () => {
		const outcome = await importFile(t.db, adminId, fixture('ok-bom-formula.csv'), {
			fileName: 'ok-bom-formula.csv',
			kind: 'actual',
			source: 'web',
			dryRun: true
		});
		expect(outcome.status).toBe('dry-run');
		expect(outcome.read.encoding).toBe('utf-8');
		expect(outcome.read.result.rows.map((r) => r.text)).toContain('=HYPERLINK("http://evil")');
		expect(outcome.read.mapping.polozka).toBe('Položka (kód)');
	});

	it('allocates overhead by FTE, then by a saved key, exactly to the haléř', async () => {
		await t.db.deleteFrom('cost_entry').execute();
		await build.costEntries(t.db, [
			{ month: '2025-03-01', amount: 1_000_001n, org_unit_id: units.OSV },
			{
				month: '2025-04-01',
				amount: 50_000n,
				nature: 'variable',
				polozka: '5161',
				org_unit_id: units.OSV,
				process_id: processes['P-SOC-2']
			},
			{ month: '2025-04-01', amount: 300_000n, polozka: '5168', org_unit_id: units.VED }
		]);
		await rebuildSummary(t.db);
		await refreshProcessCosts(t.db, [2025]);
		const rows = await t.db
			.selectFrom('process_cost_year')
			.selectAll()
			.where('year', '=', 2025)
			.where('kind', '=', 'actual')
			.execute();
		const by = Object.fromEntries(rows.map((r) => [r.process_id, r]));
		// OSV overhead 10 000,01 Kč over 2.5 : 1.5 FTE; VED (no processes) over all by FTE 2.5:1.5:1.
		expect(by[processes['P-SOC-1']].allocated).toBe(625_001n + 150_000n);
		expect(by[processes['P-SOC-2']].allocated).toBe(375_000n + 90_000n);
		expect(by[processes['P-SOC-2']].direct).toBe(50_000n);
		expect(by[processes['P-FIN-1']].allocated).toBe(60_000n);
		const totalAllocated = rows.reduce((a, r) => a + r.allocated, 0n);
		expect(totalAllocated).toBe(1_300_001n);
		expect(by[processes['P-SOC-2']].unit_cost).toBe((375_000n + 90_000n + 50_000n) / 100n);

		await expect(
			saveKey(t.db, adminId, units.OSV, 2025, 0, [
				{ processId: processes['P-SOC-1'], percent: '50' },
				{ processId: processes['P-SOC-2'], percent: '49,9999' }
			])
		).rejects.toBeInstanceOf(ValidationError);
		await saveKey(t.db, adminId, units.OSV, 2025, 0, [
			{ processId: processes['P-SOC-1'], percent: '33,3333' },
			{ processId: processes['P-SOC-2'], percent: '33,3333' },
			{ processId: processes['P-FIN-1'], percent: '33,3334' }
		]);
		const after = await t.db
			.selectFrom('process_cost_allocation')
			.selectAll()
			.where('org_unit_id', '=', units.OSV)
			.where('kind', '=', 'actual')
			.execute();
		expect(after.every((s) => s.key_source === 'manual')).toBe(true);
		expect(after.reduce((a, s) => a + s.amount, 0n)).toBe(1_000_001n);
		await expect(saveKey(t.db, adminId, units.OSV, 2025, 0, [])).rejects.toThrow('conflict');
	});
});

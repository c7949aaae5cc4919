// Unknown codes in the import, on both engines: an unknown položka no longer refuses the file
// blindly: it is listed with its rows and amount, and the clerk maps it to a known položka,
// accepts it as written (unverified, its class deciding its nature) or leaves its rows out. The
// choice is saved for the source with the import, so the next file goes through; nothing is
// written before the import is confirmed.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import { importFile } from '../../src/lib/server/imports/import-file';
import { rollback } from '../../src/lib/server/imports/rollback';
import { fixedClock } from '../../src/lib/server/shared/clock';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)));
const january = fixture('unknown-polozka-2024-01.kxx');
const february = fixture('unknown-polozka-2024-02.kxx');
const clock = fixedClock('2024-06-15');

describe.each(engines)('unknown codes in the import on %s', (engine) => {
	let t: TestDb;
	let actorId: number;

	const ledger = async () => {
		const r = await sql<{ polozka: string; nature: string; amount: bigint }>`
			select polozka, nature, sum(amount)::bigint as amount from cost_entry
			where batch_id is not null group by 1, 2 order by 1`.execute(t.db);
		return r.rows;
	};
	const version = async (id: number) =>
		(
			await t.db
				.selectFrom('import_batch')
				.select('version')
				.where('id', '=', id)
				.executeTakeFirstOrThrow()
		).version;

	beforeAll(async () => {
		t = await createTestDb(engine);
		actorId = await build.user(t.db, { username: 'ekonom', display_name: 'E', role: 'finance' });
		await build.orgUnits(t.db, ['110']);
	});
	afterAll(() => t.destroy());

	it('lists every unknown položka with its rows and amount, once, and writes nothing', async () => {
		const outcome = await importFile(t.db, actorId, january, {
			fileName: 'leden.kxx',
			kind: 'actual',
			source: 'web',
			clock
		});
		expect(outcome.status).toBe('invalid');
		const unknown = outcome.validation.unknown.filter((u) => u.field === 'polozka');
		expect(unknown).toEqual([
			{ field: 'polozka', code: '5999', count: 2, amount: 500_00n, choice: null },
			{ field: 'polozka', code: '6999', count: 1, amount: 300_00n, choice: null }
		]);
		// One message for the file, not one per row.
		expect(outcome.validation.errors.map((e) => [e.line, e.key, e.params])).toEqual([
			[0, 'imports_error_unknown_undecided', { rows: 3, codes: '5999, 6999' }]
		]);
		expect(await ledger()).toEqual([]);
	});

	it('a preview with choices saves nothing: neither rows nor choices', async () => {
		const outcome = await importFile(t.db, actorId, january, {
			fileName: 'leden.kxx',
			kind: 'actual',
			source: 'web',
			dryRun: true,
			clock,
			mappings: { choices: { polozka: { '5999': { action: 'skip' }, '6999': { action: 'skip' } } } }
		});
		expect(outcome.status).toBe('dry-run');
		expect(outcome.validation.skippedUnknown).toEqual({ rows: 3, amount: 800_00n });
		expect(await ledger()).toEqual([]);
		expect(await t.db.selectFrom('import_code_choice').selectAll().execute()).toEqual([]);
	});

	it('maps 5999 to 5139 and accepts 6999 as written; the choices are saved for the source', async () => {
		const outcome = await importFile(t.db, actorId, january, {
			fileName: 'leden.kxx',
			kind: 'actual',
			source: 'web',
			clock,
			mappings: {
				choices: {
					polozka: { '5999': { action: 'map', target: '5139' }, '6999': { action: 'accept' } }
				}
			}
		});
		expect(outcome.validation.errors).toEqual([]);
		expect(outcome.status).toBe('imported');
		if (outcome.status !== 'imported') return;
		expect(outcome.validation.unverifiedRows).toBe(1);
		expect(await ledger()).toEqual([
			{ polozka: '5139', nature: 'variable', amount: 1500_00n },
			{ polozka: '5169', nature: 'fixed', amount: 2000_00n },
			// Class 6 on no approved initiative is capital spending, not improvement.
			{ polozka: '6999', nature: 'capital', amount: 300_00n }
		]);
		// The reconciliation compares what was written: 5999 counts under 5139.
		for (const line of outcome.reconciliation) expect(line.batch).toBe(line.file);
		const saved = await t.db
			.selectFrom('import_code_choice')
			.select(['source', 'field', 'code', 'action', 'target', 'updated_by'])
			.orderBy('code')
			.execute();
		expect(saved).toEqual([
			{
				source: 'kxx',
				field: 'polozka',
				code: '5999',
				action: 'map',
				target: '5139',
				updated_by: actorId
			},
			{
				source: 'kxx',
				field: 'polozka',
				code: '6999',
				action: 'accept',
				target: null,
				updated_by: actorId
			}
		]);
		const audit = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'import_code_choice')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'costs.code_choice_save',
			'costs.code_choice_save'
		]);
	});

	it('the next file from the same source goes through with the saved choice', async () => {
		const outcome = await importFile(t.db, actorId, february, {
			fileName: 'unor.kxx',
			kind: 'actual',
			source: 'cli',
			clock
		});
		expect(outcome.validation.errors).toEqual([]);
		expect(outcome.status).toBe('imported');
		expect(outcome.validation.unknown.find((u) => u.code === '5999')?.choice).toEqual({
			action: 'map',
			target: '5139'
		});
		const rows = await sql<{ polozka: string; amount: bigint }>`
			select polozka, sum(amount)::bigint as amount from cost_entry
			where month = '2024-02-01' group by 1 order by 1`.execute(t.db);
		expect(rows.rows).toEqual([{ polozka: '5139', amount: 799_00n }]);
		if (outcome.status === 'imported') {
			await rollback(t.db, actorId, outcome.batchId, await version(outcome.batchId));
		}
	});

	it('leaves rows out by choice and says how many; --unknown skip does the same for the rest', async () => {
		const outcome = await importFile(t.db, actorId, february, {
			fileName: 'unor.kxx',
			kind: 'actual',
			source: 'cli',
			clock,
			confirmDuplicate: true,
			mappings: { choices: { polozka: { '5999': { action: 'skip' } } } }
		});
		expect(outcome.status).toBe('imported');
		expect(outcome.validation.skippedUnknown).toEqual({ rows: 1, amount: 99_00n });
		expect(outcome.validation.rowsToImport).toBe(1);
		// A code nobody chose for, with --unknown skip: left out, not refused.
		await t.db.deleteFrom('import_code_choice').execute();
		const policy = await importFile(t.db, actorId, january, {
			fileName: 'leden.kxx',
			kind: 'actual',
			source: 'cli',
			clock,
			dryRun: true,
			unknown: 'skip'
		});
		expect(policy.status).toBe('dry-run');
		expect(policy.validation.skippedUnknown).toEqual({ rows: 3, amount: 800_00n });
	});

	it('refuses a map to a code that is not in the list, naming the položka, writing nothing', async () => {
		const before = await ledger();
		const outcome = await importFile(t.db, actorId, january, {
			fileName: 'leden-2.kxx',
			kind: 'actual',
			source: 'web',
			clock,
			confirmDuplicate: true,
			mappings: {
				choices: {
					polozka: { '5999': { action: 'map', target: '5998' }, '6999': { action: 'skip' } }
				}
			}
		});
		expect(outcome.status).toBe('invalid');
		expect(outcome.validation.errors.map((e) => e.key)).toEqual([
			'imports_error_choice_target',
			'imports_error_choice_target'
		]);
		expect(await ledger()).toEqual(before);
		expect(await t.db.selectFrom('import_code_choice').selectAll().execute()).toEqual([]);
	});
});

describe.each(engines)('code lists of the file’s own year on %s', (engine) => {
	let t: TestDb;
	let actorId: number;
	beforeAll(async () => {
		t = await createTestDb(engine);
		actorId = await build.user(t.db, { username: 'ekonom', display_name: 'E', role: 'finance' });
		await build.orgUnits(t.db, ['110']);
	});
	afterAll(() => t.destroy());

	it('takes a položka valid only in later years as unknown in a 2013 file', async () => {
		const outcome = await importFile(t.db, actorId, fixture('other-year-2013-03.kxx'), {
			fileName: 'brezen-2013.kxx',
			kind: 'actual',
			source: 'web',
			clock
		});
		expect(outcome.status).toBe('invalid');
		expect(outcome.validation.unknown).toEqual([
			{ field: 'polozka', code: '5011', count: 1, amount: 5000_00n, choice: null }
		]);
	});

	it('knows a položka of the 2020 list that the cost categories lack, by its class', async () => {
		const outcome = await importFile(t.db, actorId, fixture('later-code-2020-03.kxx'), {
			fileName: 'brezen-2020.kxx',
			kind: 'actual',
			source: 'web',
			clock
		});
		expect(outcome.validation.errors).toEqual([]);
		expect(outcome.status).toBe('imported');
		expect(outcome.validation.unknown).toEqual([]);
		expect(outcome.validation.unverifiedRows).toBe(0);
		const rows = await t.db.selectFrom('cost_entry').select(['polozka', 'nature']).execute();
		expect(rows).toEqual([{ polozka: '5122', nature: 'fixed' }]);
	});
});

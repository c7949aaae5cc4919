// POST /api/v1/imports on both engines, from the request to the answer (pushRequest, which the
// route calls as it is): only an import token whose user may import gets in; a pushed file goes
// through the same pipeline as the import screen (per-month replace, all or nothing) and lands as
// a batch finance sees and can roll back; a file with codes nobody has decided on writes nothing
// and waits whole until a clerk decides them on /costs/import.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import { authorize } from '../../src/lib/server/api/guard';
import * as tokens from '../../src/lib/server/api/tokens.service';
import * as batches from '../../src/lib/server/imports/batches';
import * as pushes from '../../src/lib/server/imports/push.service';
import { rollback } from '../../src/lib/server/imports/rollback';
import { viewExtras } from '../../src/lib/server/imports/formats/web';
import * as costs from '../../src/lib/server/costs/costs.service';
import type { RowMessage } from '../../src/lib/server/imports/source-row';

const fixture = (name: string) =>
	readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url), 'latin1');
/** January 2024: 5139, 5169 and the unknown 5999 (twice) and 6999. */
const januaryUnknown = fixture('unknown-polozka-2024-01.kxx');
const februaryUnknown = fixture('unknown-polozka-2024-02.kxx');
/** The same January with known položky only: 5999 → 5139, 6999 → 6121. */
const januaryKnown = januaryUnknown
	.replaceAll('61715999', '61715139')
	.replaceAll('61716999', '61716121');
const text = (m: RowMessage) => m.key;
const url = (query = '') => new URL(`http://dilna.test/api/v1/imports${query}`);

/** A raw-body push, as the accounting system sends it. */
function pushed(
	db: TestDb['db'],
	token: string | null,
	name: string,
	body: string | Uint8Array,
	query = ''
) {
	const headers: Record<string, string> = {
		'content-type': 'application/octet-stream',
		'x-file-name': encodeURIComponent(name)
	};
	if (token) headers.authorization = `Bearer ${token}`;
	return pushes.pushRequest(
		db,
		new Request(url(query), {
			method: 'POST',
			headers,
			body: typeof body === 'string' ? Buffer.from(body, 'latin1') : Buffer.from(body)
		}),
		url(query),
		text
	);
}

type Body = Record<string, unknown> & {
	status: string;
	batchId: number | null;
	pendingId?: number;
	errors: { key: string }[];
	unknown: { field: string; code: string; count: number; amount: string; choice: unknown }[];
	replaces: { months: string[] };
};

describe.each(engines)('POST /api/v1/imports on %s', (engine) => {
	let t: TestDb;
	const ids: Record<string, number> = {};
	const secrets: Record<string, string> = {};

	const ledger = async () =>
		(
			await sql<{ month: string; polozka: string; amount: bigint }>`
				select to_char(month, 'YYYY-MM') as month, polozka, sum(amount)::bigint as amount
				from cost_entry group by 1, 2 order by 1, 2`.execute(t.db)
		).rows;
	const counts = async () => ({
		batches: (await t.db.selectFrom('import_batch').select('id').execute()).length,
		pending: (await t.db.selectFrom('import_pending').select('id').execute()).length,
		entries: (await t.db.selectFrom('cost_entry').select('id').execute()).length
	});

	beforeAll(async () => {
		t = await createTestDb(engine);
		Object.assign(
			ids,
			await build.users(t.db, {
				admin: 'admin',
				ucetni: 'finance',
				referent: 'finance',
				viewer: 'viewer'
			})
		);
		await build.orgUnits(t.db, ['110']);
		const issue = async (name: string, userId: number, scope: 'read' | 'costs_import') =>
			(await tokens.issue(t.db, ids.admin, { userId, name, scope })).token;
		secrets.push = await issue('GINIS', ids.ucetni, 'costs_import');
		secrets.read = await issue('BI', ids.ucetni, 'read');
		secrets.viewerPush = await issue('Viewer push', ids.viewer, 'costs_import');
	});
	afterAll(() => t.destroy());

	it('refuses without a token, with a read token or a user who may not import, writing nothing', async () => {
		const before = await counts();
		const none = await pushed(t.db, null, 'leden.kxx', januaryKnown);
		expect(none.status).toBe(401);
		expect(none.headers['WWW-Authenticate']).toContain('Bearer');
		const read = await pushed(t.db, secrets.read, 'leden.kxx', januaryKnown);
		expect([read.status, read.body]).toEqual([403, { error: 'insufficient_scope' }]);
		const viewer = await pushed(t.db, secrets.viewerPush, 'leden.kxx', januaryKnown);
		expect([viewer.status, viewer.body]).toEqual([403, { error: 'forbidden' }]);
		expect(await counts()).toEqual(before);
		// An import token opens no data either.
		expect(await authorize(t.db, `Bearer ${secrets.push}`, null, 'read')).toEqual({
			ok: false,
			status: 403,
			error: 'insufficient_scope'
		});
	});

	it('imports a clean file whole as an api batch with the report of costs:import --json', async () => {
		const answer = await pushed(t.db, secrets.push, 'leden.kxx', januaryKnown);
		const body = answer.body as Body;
		expect(answer.status).toBe(201);
		expect(body).toMatchObject({
			file: 'leden.kxx',
			status: 'imported',
			format: 'kxx',
			kind: 'actual',
			mode: 'replace',
			rowsRead: 5,
			rowsImported: 5,
			total: '3800.00',
			errors: [],
			months: [{ month: '2024-01', rows: 5, file: '3800.00', ledger: '3800.00' }]
		});
		expect(await ledger()).toEqual([
			{ month: '2024-01', polozka: '5139', amount: 1500_00n },
			{ month: '2024-01', polozka: '5169', amount: 2000_00n },
			{ month: '2024-01', polozka: '6121', amount: 300_00n }
		]);
		const listed = await batches.list(t.db);
		expect(listed.map((b) => [b.id, b.source, b.file_name, b.imported_by_name])).toEqual([
			[body.batchId, 'api', 'leden.kxx', 'ucetni']
		]);
	});

	it('a later push of the same month replaces it; rolling that batch back puts the first back', async () => {
		const corrected = januaryKnown.replace('000000000000200000', '000000000000250000');
		const answer = await pushed(t.db, secrets.push, 'leden-oprava.kxx', corrected);
		const body = answer.body as Body;
		expect(answer.status).toBe(201);
		expect(body.replaces.months).toEqual(['2024-01']);
		expect((await ledger()).find((r) => r.polozka === '5169')?.amount).toBe(2500_00n);
		const batch = await t.db
			.selectFrom('import_batch')
			.select(['id', 'version', 'source'])
			.where('id', '=', body.batchId!)
			.executeTakeFirstOrThrow();
		expect(batch.source).toBe('api');
		await rollback(t.db, ids.referent, batch.id, batch.version);
		expect((await ledger()).find((r) => r.polozka === '5169')?.amount).toBe(2000_00n);
		expect((await ledger()).reduce((s, r) => s + r.amount, 0n)).toBe(3800_00n);
	});

	it('the same file again is a duplicate (409), nothing written', async () => {
		const before = await counts();
		const answer = await pushed(t.db, secrets.push, 'leden.kxx', januaryKnown);
		expect(answer.status).toBe(409);
		expect((answer.body as Body).duplicateOf).toBeTypeOf('number');
		expect(await counts()).toEqual(before);
	});

	it('refuses a file with a bad row (422) by line, writing nothing and keeping nothing waiting', async () => {
		const before = await counts();
		const csv = 'Datum;Částka;Položka\n2024-03-15;100,00;5139\n2024-03-16;sto;5139\n';
		const answer = await pushed(t.db, secrets.push, 'březen.csv', new TextEncoder().encode(csv));
		const body = answer.body as Body;
		expect(answer.status).toBe(422);
		expect(body.status).toBe('invalid');
		expect(body.file).toBe('březen.csv');
		expect(body.errors.length).toBeGreaterThan(0);
		expect(await counts()).toEqual(before);
	});

	it('answers 400 for a bad option or a body without a file name, before reading the file', async () => {
		const bad = await pushed(t.db, secrets.push, 'leden.kxx', januaryKnown, '?kind=forecast');
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ error: 'bad_request', errors: { kind: 'error_choice' } });
		const unnamed = await pushes.pushRequest(
			t.db,
			new Request(url(), {
				method: 'POST',
				headers: { authorization: `Bearer ${secrets.push}` },
				body: januaryKnown
			}),
			url(),
			text
		);
		expect([unnamed.status, unnamed.body]).toEqual([400, { error: 'file_name_missing' }]);
	});

	it('takes multipart/form-data with the file in the field file', async () => {
		const form = new FormData();
		form.set(
			'file',
			new File([Buffer.from(januaryKnown.replace('2024', '2023'), 'latin1')], 'x.kxx')
		);
		form.set('kind', 'actual');
		const request = new Request(url(), {
			method: 'POST',
			headers: { authorization: `Bearer ${secrets.push}` },
			body: form
		});
		const answer = await pushes.pushRequest(t.db, request, url(), text);
		expect(answer.status).toBe(201);
		expect((answer.body as Body).file).toBe('x.kxx');
	});
});

describe.each(engines)('a pushed file with unknown codes waits for a clerk on %s', (engine) => {
	let t: TestDb;
	const ids: Record<string, number> = {};
	let secret = '';
	let pendingId = 0;

	const entries = async () =>
		(await t.db.selectFrom('cost_entry').select(['polozka', 'amount']).execute()).length;

	beforeAll(async () => {
		t = await createTestDb(engine);
		Object.assign(
			ids,
			await build.users(t.db, { admin: 'admin', ucetni: 'finance', referent: 'finance' })
		);
		await build.orgUnits(t.db, ['110']);
		secret = (
			await tokens.issue(t.db, ids.admin, {
				userId: ids.ucetni,
				name: 'GINIS',
				scope: 'costs_import'
			})
		).token;
	});
	afterAll(() => t.destroy());

	it('stops the file whole: 202 with the pending id and the undecided codes, no ledger line', async () => {
		const answer = await pushed(t.db, secret, 'leden.kxx', januaryUnknown);
		const body = answer.body as Body;
		expect(answer.status).toBe(202);
		expect(body.status).toBe('pending');
		expect(body.batchId).toBeNull();
		expect(body.pendingId).toBeTypeOf('number');
		pendingId = body.pendingId!;
		expect(body.unknown).toEqual([
			{ field: 'polozka', code: '5999', count: 2, amount: '500.00', choice: null },
			{ field: 'polozka', code: '6999', count: 1, amount: '300.00', choice: null }
		]);
		expect(await entries()).toBe(0);
		expect(await t.db.selectFrom('import_batch').select('id').execute()).toEqual([]);
		// The same push again while it waits: the same pending file, not a second one.
		const again = await pushed(t.db, secret, 'leden.kxx', januaryUnknown);
		expect([again.status, (again.body as Body).pendingId]).toEqual([202, pendingId]);
		const waiting = await pushes.waiting(t.db);
		expect(waiting.map((w) => [w.id, w.fileName, w.format, w.pushedBy, w.unknown.length])).toEqual([
			[pendingId, 'leden.kxx', 'kxx', 'ucetni', 2]
		]);
		expect(waiting[0].unknown[0]).toEqual({
			field: 'polozka',
			code: '5999',
			count: 2,
			amount: 500_00n
		});
	});

	it('a clerk previews with choices (nothing written), then imports: one api batch, the wait ends', async () => {
		const choices = {
			mappings: {
				choices: {
					polozka: {
						'5999': { action: 'map' as const, target: '5139' },
						'6999': { action: 'accept' as const }
					}
				}
			}
		};
		const preview = await pushes.finish(t.db, ids.referent, pendingId, {
			...choices,
			dryRun: true
		});
		expect(preview.outcome.status).toBe('dry-run');
		expect(await entries()).toBe(0);
		expect((await pushes.waiting(t.db)).length).toBe(1);

		const done = await pushes.finish(t.db, ids.referent, pendingId, choices);
		expect(done.outcome.status).toBe('imported');
		if (done.outcome.status !== 'imported') return;
		expect(done.outcome.validation.unverifiedRows).toBe(1);
		// 6999 accepted as written: marked in the reconciliation and on /costs, with its amount.
		expect(viewExtras(done.outcome).unverifiedPolozky).toEqual(['6999']);
		const summary = await costs.yearSummary(t.db, 2024);
		expect(summary.byCategory.map((c) => [c.polozka, c.unverified, c.actual]).sort()).toEqual([
			['5139', false, 1500_00n],
			['5169', false, 2000_00n],
			['6999', true, 300_00n]
		]);
		const batch = await t.db
			.selectFrom('import_batch')
			.select(['id', 'source', 'file_name', 'imported_by', 'rows_imported'])
			.executeTakeFirstOrThrow();
		expect(batch).toEqual({
			id: done.outcome.batchId,
			source: 'api',
			file_name: 'leden.kxx',
			imported_by: ids.referent,
			rows_imported: 5
		});
		const row = await t.db
			.selectFrom('import_pending')
			.select(['status', 'batch_id', 'content', 'resolved_by'])
			.where('id', '=', pendingId)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({
			status: 'imported',
			batch_id: batch.id,
			content: null,
			resolved_by: ids.referent
		});
		expect(await pushes.waiting(t.db)).toEqual([]);
		// Finished once: a second confirm finds nothing waiting and writes nothing.
		await expect(pushes.finish(t.db, ids.referent, pendingId, choices)).rejects.toThrow(
			'import_pending not found'
		);
		expect(await entries()).toBe(5);
	});

	it('the next month pushed goes straight in with the choices saved for the source', async () => {
		const answer = await pushed(t.db, secret, 'unor.kxx', februaryUnknown);
		expect(answer.status).toBe(201);
		expect((answer.body as Body).unknown.map((u) => u.choice)).toEqual([
			{ action: 'map', target: '5139' }
		]);
	});

	it('a waiting file can be discarded: its bytes go, nothing is written', async () => {
		const other = januaryUnknown.replace('6/@000123450100 1 2024', '6/@000123450100 1 2022');
		const answer = await pushed(t.db, secret, 'jiny.kxx', other.replace('61715999', '61715998'));
		expect(answer.status).toBe(202);
		const id = (answer.body as Body).pendingId!;
		const before = await entries();
		await pushes.discard(t.db, ids.referent, id, 1);
		const row = await t.db
			.selectFrom('import_pending')
			.select(['status', 'content'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'discarded', content: null });
		expect(await entries()).toBe(before);
		const audited = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'import_pending')
			.orderBy('id')
			.execute();
		expect(audited.map((a) => a.action)).toEqual([
			'costs.import_pending',
			'costs.import_pending_done',
			'costs.import_pending',
			'costs.import_pending_discard'
		]);
	});
});

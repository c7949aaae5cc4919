// `npm run costs:import` as a scheduled job runs it: exit codes, the JSON report, all or nothing,
// and a clear message when the app holds the embedded database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db/engine';

function run(args: string[], env: Record<string, string>) {
	const result = spawnSync('npx', ['tsx', 'scripts/costs-import.ts', ...args], {
		env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', LANG: 'cs_CZ.UTF-8', ...env },
		encoding: 'utf8',
		timeout: 90_000
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('costs:import on the embedded database', () => {
	let dir: string;
	let good: string;
	let bad: string;
	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'dilna-costs-cli-'));
		good = path.join(dir, 'vydaje.csv');
		bad = path.join(dir, 'spatne.csv');
		writeFileSync(
			good,
			'Období;Položka;Částka;Text\n2025-01;5139;1 000,50;papír\n2025-02;5161;-20,00;dobropis\n2025-02;1111;5 000,00;daň\n'
		);
		writeFileSync(bad, 'Období;Položka;Částka\n2025-01;5139;100,00\n2025-02;5139;12a4\n');
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('dry-runs, imports whole with --json, and refuses the same file again', async () => {
		const env = { DATA_DIR: path.join(dir, 'db') };
		const dry = run([good, '--dry-run', '--json'], env);
		expect(dry.code).toBe(0);
		const dryReport = JSON.parse(dry.out.trim().split('\n').pop()!);
		expect(dryReport).toMatchObject({
			status: 'dry-run',
			rowsRead: 3,
			rowsImported: 0,
			rowsValid: 2,
			total: '980.50'
		});
		expect(dryReport.skipped.revenue).toBe(1);

		const real = run([good, '--json', '--kind', 'actual'], env);
		expect(real.code).toBe(0);
		const report = JSON.parse(real.out.trim().split('\n').pop()!);
		expect(report).toMatchObject({
			status: 'imported',
			rowsImported: 2,
			total: '980.50',
			errors: []
		});

		const again = run([good], env);
		expect(again.code).toBe(1);
		expect(again.out).toContain('--confirm-duplicate');

		const db = openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'db', 'pgdata') });
		const rows = await db
			.selectFrom('cost_entry')
			.select(['amount', 'batch_id'])
			.orderBy('amount')
			.execute();
		const batch = await db.selectFrom('import_batch').select(['source', 'rows_imported']).execute();
		await db.destroy();
		expect(rows.map((r) => r.amount)).toEqual([-2000n, 100050n]);
		expect(batch).toEqual([{ source: 'cli', rows_imported: 2 }]);
	});

	it('writes nothing from a file with a bad row and reports it by line number', async () => {
		const env = { DATA_DIR: path.join(dir, 'db2') };
		const result = run([bad, '--json'], env);
		expect(result.code).toBe(1);
		const report = JSON.parse(result.out.trim().split('\n').pop()!);
		expect(report.status).toBe('invalid');
		expect(report.errors).toEqual([
			expect.objectContaining({ line: 3, field: 'amount', message: 'Částka „12a4“ není číslo.' })
		]);
		const db = openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'db2', 'pgdata') });
		const count = await db
			.selectFrom('cost_entry')
			.select(db.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		await db.destroy();
		expect(Number(count.n)).toBe(0);
	});

	it('says clearly when the app holds the embedded database', () => {
		const locked = path.join(dir, 'locked');
		mkdirSync(locked, { recursive: true });
		writeFileSync(path.join(locked, 'dilna.pid'), String(process.pid));
		const result = run([good], { DATA_DIR: locked });
		expect(result.code).toBe(3);
		expect(result.err).toContain('in use by another Dílna process');
	});

	it('explains its usage', () => {
		expect(run([], {}).code).toBe(2);
		expect(run([good, '--kind', 'neco'], {}).code).toBe(2);
	});
});

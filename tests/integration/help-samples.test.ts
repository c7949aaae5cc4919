// Every sample file the help page offers goes through the real import path (the preview, nothing
// written) on the demo town's database and comes out without an error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import { seedDemoIfEmpty } from '../../src/lib/server/demo/seed';
import { importFile } from '../../src/lib/server/imports/import-file';
import { SAMPLES } from '../../src/lib/help/samples';
import * as people from '../../src/lib/server/people/people.service';
import { parseFile } from '../../src/lib/server/kpis/import-file';
import { readBpmn } from '../../src/lib/server/models/bpmn';
import * as drivers from '../../src/lib/server/allocation/drivers.service';

const file = (name: string) => new Uint8Array(readFileSync(path.resolve('static/samples', name)));

describe.each(engines)('sample files on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(engine);
		await seedDemoIfEmpty(t.db);
	}, 240_000);
	afterAll(() => t.destroy());

	for (const sample of SAMPLES.filter((s) => s.importer === 'costs')) {
		it(`previews ${sample.file} without an error`, async () => {
			const outcome = await importFile(t.db, null, file(sample.file), {
				fileName: sample.file,
				kind: 'actual',
				source: 'web',
				dryRun: true
			});
			expect(outcome.validation.errors.map((e) => e.key)).toEqual([]);
			expect(outcome.validation.resolved.length).toBeGreaterThan(0);
		});
	}

	it('checks the staff sample without an error (the import preview)', async () => {
		const check = await people.checkImport(t.db, file('zamestnanci.csv'), 'zamestnanci.csv');
		expect(check.errors).toEqual([]);
		expect(check.rows).toHaveLength(3);
	});

	it('checks the driver values sample without an error (the import preview)', async () => {
		const check = await drivers.checkImport(
			t.db,
			file('velicny-2025.csv'),
			'velicny-2025.csv',
			null
		);
		expect(check.errors).toEqual([]);
		expect(check.rows).toHaveLength(8);
	});

	it('reads the BPMN model sample (it throws a refusal when a model is bad)', async () => {
		const model = await readBpmn(file('proces-model.bpmn'));
		expect(model.steps.length).toBeGreaterThan(0);
		expect(model.performers.length).toBeGreaterThan(0);
	});

	it('reads the KPI actuals sample without an error', async () => {
		const bytes = file('ukazatele-skutecnost.csv');
		const parsed = await parseFile('ukazatele-skutecnost.csv', bytes.slice().buffer);
		expect(parsed.ok).toBe(true);
	});
});

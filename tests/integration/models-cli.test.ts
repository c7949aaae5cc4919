// `npm run model:import` on the embedded database and, with TEST_DATABASE_URL, on PostgreSQL:
// the counts it prints are checked against the fixtures' XML, a dry run stores nothing, a save
// becomes the next version, and bad files are refused with exit code 1 and nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db/engine';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Db } from '../../src/lib/server/db';
import { readBpmn } from '../../src/lib/server/models/bpmn';
import { createTestDb, engines, type TestDb } from './harness';
import { runCli } from './costs-cli-harness';

const FIXTURES = 'tests/fixtures/bpmn';
/** A few public BPMN MIWG reference models, committed with their licence (see the README). */
const MIWG_COMMITTED = path.join(FIXTURES, 'miwg');
/** The whole Reference folder, when a copy was fetched (never committed). */
const MIWG = process.env.BPMN_MIWG_DIR ?? '/tmp/bpmn-miwg/Reference';

/** Counts by element name in the XML text itself: an oracle independent of bpmn-moddle. */
function xmlCounts(xml: string) {
	const n = (re: RegExp) => (xml.match(re) ?? []).length;
	const tag = (names: string) => new RegExp(`<(?:\\w+:)?(?:${names})[\\s/>]`, 'g');
	return {
		participants: n(tag('participant')),
		lanes: n(tag('lane')),
		tasks: n(
			tag('task|userTask|serviceTask|manualTask|scriptTask|businessRuleTask|sendTask|receiveTask')
		),
		subProcesses: n(tag('subProcess|transaction|adHocSubProcess|callActivity')),
		gateways: n(
			tag('exclusiveGateway|parallelGateway|inclusiveGateway|eventBasedGateway|complexGateway')
		),
		events: n(
			tag(
				'startEvent|endEvent|intermediateCatchEvent|intermediateThrowEvent|boundaryEvent|implicitThrowEvent'
			)
		),
		sequenceFlows: n(tag('sequenceFlow'))
	};
}

describe.each(engines)('model:import on %s', (engine) => {
	let dir: string;
	let env: Record<string, string>;
	let testDb: TestDb | null = null;
	let open: () => Db;

	function run(args: string[]) {
		return runCli('scripts/model-import.ts', args, { LANG: 'cs_CZ.UTF-8', ...env });
	}

	async function versions(): Promise<number> {
		const db = open();
		try {
			const rows = await db.selectFrom('process_model_version').select('id').execute();
			return rows.length;
		} finally {
			if (engine === 'pglite') await db.destroy();
		}
	}

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'dilna-model-cli-'));
		let db: Db;
		if (engine === 'pglite') {
			const dataDir = path.join(dir, 'db', 'pgdata');
			env = { DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '' };
			mkdirSync(dataDir, { recursive: true });
			db = openDatabase({ kind: 'pglite', dataDir });
			await migrateToLatest(db);
			open = () => openDatabase({ kind: 'pglite', dataDir });
		} else {
			testDb = await createTestDb('postgres');
			env = { DATABASE_URL: testDb.url! };
			db = testDb.db;
			open = () => testDb!.db;
		}
		await db
			.insertInto('process')
			.values({ code: 'SPIS', name: 'Spisová služba', kind: 'support' })
			.execute();
		if (engine === 'pglite') await db.destroy();
	}, 180_000);
	afterAll(async () => {
		await testDb?.destroy();
		rmSync(dir, { recursive: true, force: true });
	});

	// A process start costs seconds on a busy machine: three runs per engine; the other fixtures'
	// counts are checked in process below and in bpmn.spec.ts.
	it('dry-runs with counts matching the XML, saves a version, refuses a bad file', async () => {
		const file = path.join(FIXTURES, 'collaboration.bpmn');
		const dry = run([file, '--process', 'spis', '--dry-run', '--json']);
		expect(dry.code, dry.err).toBe(0);
		expect(dry.report.status).toBe('dry-run');
		expect(dry.report.counts).toEqual(xmlCounts(readFileSync(file, 'utf8')));
		expect(await versions()).toBe(0);

		const text = run([path.join(FIXTURES, 'no-diagram.bpmn'), '--process', 'SPIS']);
		expect(text.code, text.err).toBe(0);
		expect(text.out).toContain('version 1');
		expect(text.out).toContain('tasks 3, sub-processes 0, gateways 1, events 2, sequence flows 6');
		expect(text.out).toContain('laid out automatically');

		const bad = run([path.join(FIXTURES, 'entity.bpmn'), '--process', 'SPIS', '--json']);
		expect(bad.code).toBe(1);
		expect(bad.report).toMatchObject({ status: 'refused', error: 'models_error_entity' });
		expect(await versions()).toBe(1);
	}, 600_000);

	it('reads the committed BPMN MIWG reference models through the command line', async () => {
		// B.2.0: pools, lanes, sub-processes, every event kind; A.4.1: gateways and a loop
		for (const f of ['B.2.0.bpmn', 'A.4.1.bpmn']) {
			const file = path.join(MIWG_COMMITTED, f);
			const r = run([file, '--process', 'SPIS', '--dry-run', '--json']);
			expect(r.code, `${f}: ${r.out}`).toBe(0);
			const counts = xmlCounts(readFileSync(file, 'utf8'));
			expect(r.report.counts, f).toEqual(counts);
			expect(counts.tasks + counts.events + counts.sequenceFlows, f).toBeGreaterThan(10);
		}
	}, 300_000);
});

// Every reference model in process (the command line costs a process start per file).
describe('fixtures and BPMN MIWG reference models in process', () => {
	it('read with counts matching their XML', async () => {
		for (const f of [
			'lanes.bpmn',
			'collaboration.bpmn',
			'subprocess.bpmn',
			'events.bpmn',
			'no-diagram.bpmn'
		]) {
			const xml = readFileSync(path.join(FIXTURES, f), 'utf8');
			expect((await readBpmn(xml)).counts, f).toEqual(xmlCounts(xml));
		}
	});

	it('the committed MIWG models read with counts matching their XML', async () => {
		const files = readdirSync(MIWG_COMMITTED).filter((f) => f.endsWith('.bpmn'));
		expect(files.sort()).toEqual(['A.1.0.bpmn', 'A.4.1.bpmn', 'B.2.0.bpmn', 'C.1.0.bpmn']);
		for (const f of files) {
			const xml = readFileSync(path.join(MIWG_COMMITTED, f), 'utf8');
			expect((await readBpmn(xml)).counts, f).toEqual(xmlCounts(xml));
		}
	});

	it.skipIf(!existsSync(MIWG))(
		'every MIWG reference model of a fetched copy reads with counts matching its XML',
		async () => {
			const files = readdirSync(MIWG).filter((f) => f.endsWith('.bpmn'));
			expect(files.length).toBeGreaterThan(0);
			for (const f of files) {
				const xml = readFileSync(path.join(MIWG, f), 'utf8');
				expect((await readBpmn(xml)).counts, f).toEqual(xmlCounts(xml));
			}
		},
		120_000
	);
});

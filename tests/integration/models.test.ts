// Process models against the real database on both engines: import and versions, the refused
// files (nothing stored), a concurrent save, restore, links kept across versions by element id,
// ownership, the cost per task beside the full cost, the catalogue coverage and the audit log.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session';
import * as models from '../../src/lib/server/models/models.service';
import * as drivers from '../../src/lib/server/allocation/drivers.service';
import type { LinkInput, SaveConflict } from '../../src/lib/server/models/models';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/lib/server/shared/errors';
import { fixedClock } from '../../src/lib/server/shared/clock';
import * as build from '../builders';
import { createTestDb, engines, type TestDb } from './harness';

const YEAR = 2026;
const clock = fixedClock('2026-03-02');
const fixture = (name: string) => readFileSync(`tests/fixtures/bpmn/${name}`);
const noLinks: Omit<LinkInput, 'elementId' | 'kind'> = {
	roleId: null,
	orgUnitId: null,
	assetId: null,
	minutes: null,
	waitMinutes: null,
	sharePercent: '100'
};
const as = (id: number, role: SessionUser['role']): SessionUser => ({
	id,
	username: `u${id}`,
	displayName: `U${id}`,
	role
});

describe.each(engines)('process models on %s', (engine) => {
	let t: TestDb;
	let processId: number;
	let otherId: number;
	let owner: SessionUser;
	let stranger: SessionUser;
	let manager: SessionUser;
	let viewer: SessionUser;
	let roleId: number;
	let unitId: number;
	let assetId: number;

	beforeAll(async () => {
		t = await createTestDb(engine);
		const ids = await build.users(t.db, {
			owner: 'process_owner',
			stranger: 'process_owner',
			manager: 'manager',
			viewer: 'viewer'
		});
		owner = as(ids.owner, 'process_owner');
		stranger = as(ids.stranger, 'process_owner');
		manager = as(ids.manager, 'manager');
		viewer = as(ids.viewer, 'viewer');
		unitId = await build.orgUnit(t.db, { code: 'OV' });
		processId = await build.process(t.db, { code: 'P-STAV', owner_user_id: owner.id });
		otherId = await build.process(t.db, { code: 'P-JINY' });
		await build.processYear(t.db, { process_id: processId, year: YEAR, volume: 240 });
		await t.db
			.insertInto('org_unit_year')
			.values({ org_unit_id: unitId, year: YEAR, fte: '4', hourly_cost: 45_000n })
			.execute();
		roleId = (
			await t.db
				.insertInto('process_role')
				.values({ process_id: processId, job_role: 'Referent', raci: 'R' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		assetId = (
			await t.db
				.insertInto('info_asset')
				.values({ code: 'ISSR', name: 'IS stavebního řízení', kind: 'system' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await t.db
			.insertInto('process_asset')
			.values({ process_id: processId, asset_id: assetId })
			.execute();
		await t.db
			.insertInto('process_cost_year')
			.values({
				process_id: processId,
				year: YEAR,
				kind: 'actual',
				direct: 5_000_000n,
				allocated: 1_000_000n,
				full_cost: 6_000_000n,
				volume: 240,
				unit_cost: 25_000n
			})
			.execute();
	});
	afterAll(() => t.destroy());

	it('refuses bad files and a stranger, storing nothing', async () => {
		for (const [file, key] of [
			['malformed.bpmn', 'models_error_malformed'],
			['entity.bpmn', 'models_error_entity'],
			['not-bpmn.xml', 'models_error_not_bpmn']
		] as const) {
			const e = await models
				.save(t.db, owner, processId, fixture(file), { base: null, note: null }, clock)
				.catch((x: unknown) => x);
			expect(e).toBeInstanceOf(ValidationError);
			expect((e as ValidationError).errors.file).toBe(key);
		}
		await expect(
			models.save(t.db, stranger, processId, fixture('lanes.bpmn'), { base: null, note: null })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			models.save(t.db, viewer, processId, fixture('lanes.bpmn'), { base: null, note: null })
		).rejects.toBeInstanceOf(ForbiddenError);
		const stored = await t.db.selectFrom('process_model_version').select('id').execute();
		expect(stored).toHaveLength(0);
		expect((await models.page(t.db, processId, YEAR)).latest).toBeNull();
	});

	it('imports a model as version 1 with its counts, and the owner links a lane and a task', async () => {
		const n = await models.save(
			t.db,
			owner,
			processId,
			fixture('lanes.bpmn'),
			{ base: null, note: 'první verze' },
			clock
		);
		expect(n).toBe(1);
		const link = (elementId: string, kind: 'lane' | 'task', set: Partial<LinkInput>) =>
			models.saveLink(t.db, owner, processId, { ...noLinks, elementId, kind, ...set }, null);
		await link('LaneClerk', 'lane', { roleId, orgUnitId: unitId });
		await link('Receive', 'task', { assetId, minutes: '30', waitMinutes: '60' });
		await link('Check', 'task', { minutes: '12.5', sharePercent: '50' });
		const p = await models.page(t.db, processId, YEAR);
		expect(p.latest).toBe(1);
		expect(p.versions[0]).toMatchObject({ number: 1, note: 'první verze', laidOut: false });
		expect(p.versions[0].counts).toMatchObject({ lanes: 2, tasks: 3, sequenceFlows: 6 });
		// 30 min × 240 = 120 h × 450 = 54 000 CZK; 12.5 × 50 % × 240 = 25 h × 450 = 11 250 CZK
		expect(p.costing!.tasks.map((x) => [x.id, x.hours, x.cost])).toEqual([
			['Receive', 12_000n, 5_400_000n],
			['Check', 2_500n, 1_125_000n],
			['Sign', null, null]
		]);
		expect(p.costing!.missing).toEqual({ minutes: 1, hourlyCost: 0 });
		expect(p.comparison).toMatchObject({
			modelled: 6_525_000n,
			full: 6_000_000n,
			difference: -525_000n
		});
		const hours = await models.modelledHours(t.db, processId, YEAR);
		expect(hours).toMatchObject({
			version: 1,
			timed: true,
			hours: 14_500n,
			cost: 6_525_000n,
			byRole: [
				{ roleId, hours: 14_500n },
				{ roleId: null, hours: 0n }
			],
			byUnit: [
				{ orgUnitId: unitId, hours: 14_500n },
				{ orgUnitId: null, hours: 0n }
			]
		});
		expect(await models.modelledHours(t.db, otherId, YEAR)).toBeNull();
		// the same figures for every process at once (the opportunity matrix, capacity)
		const all = await models.modelledHoursByProcess(t.db, YEAR);
		expect([...all.keys()]).toEqual([processId]);
		expect(all.get(processId)).toEqual(hours);
		// The allocation's hours driver offers the model's hours; the process without one is typed.
		const hoursDriver = await drivers.valuesFor(
			t.db,
			await build.idOf(t.db, 'cost_driver', 'HOURS'),
			YEAR
		);
		expect(hoursDriver.fromModels).toBe(true);
		const rowOf = (v: typeof hoursDriver, id: number) => v.rows.find((r) => r.processId === id)!;
		expect(rowOf(hoursDriver, processId).modelled).toBe('14500');
		expect(rowOf(hoursDriver, otherId).modelled).toBeNull();
		// A driver counted in anything else (cases) is never filled from the models.
		const casesDriver = await drivers.valuesFor(
			t.db,
			await build.idOf(t.db, 'cost_driver', 'CASES'),
			YEAR
		);
		expect(casesDriver.fromModels).toBe(false);
		expect(rowOf(casesDriver, processId).modelled).toBeNull();
	});

	it('refuses a link to an element not in the model, a role of another process, a stale form', async () => {
		const base = { ...noLinks, kind: 'task' as const, minutes: '5' };
		await expect(
			models.saveLink(t.db, owner, processId, { ...base, elementId: 'Nope' }, null)
		).rejects.toBeInstanceOf(ValidationError);
		const other = await t.db
			.insertInto('process_role')
			.values({ process_id: otherId, job_role: 'Cizí', raci: 'A' })
			.returning('id')
			.executeTakeFirstOrThrow();
		await expect(
			models.saveLink(
				t.db,
				owner,
				processId,
				{ ...base, kind: 'lane', elementId: 'LaneHead', roleId: other.id },
				null
			)
		).rejects.toBeInstanceOf(ValidationError);
		await expect(
			models.saveLink(t.db, owner, processId, { ...base, elementId: 'Receive' }, null)
		).rejects.toBeInstanceOf(ConflictError);
	});

	it('a second save of the same base version is refused with what changed; nothing is lost', async () => {
		const renamed = fixture('lanes.bpmn')
			.toString()
			.replace('Podepsat rozhodnutí', 'Podepsat a vypravit')
			.replace(/<bpmn:task id="Sign"/, '<bpmn:task id="Sign"');
		const n = await models.save(
			t.db,
			manager,
			processId,
			renamed,
			{ base: 1, note: 'přejmenováno' },
			clock
		);
		expect(n).toBe(2);
		const e = await models
			.save(t.db, owner, processId, fixture('lanes.bpmn'), { base: 1, note: 'souběžně' }, clock)
			.catch((x: unknown) => x);
		expect(e).toBeInstanceOf(ConflictError);
		const conflict = (e as ConflictError).current as SaveConflict;
		expect(conflict.latest).toBe(2);
		expect(conflict.note).toBe('přejmenováno');
		expect(conflict.diff.renamed).toEqual([
			{ id: 'Sign', from: 'Podepsat rozhodnutí', to: 'Podepsat a vypravit' }
		]);
		const p = await models.page(t.db, processId, YEAR);
		expect(p.versions.map((v) => v.number)).toEqual([2, 1]);
		expect(p.diff!.renamed).toHaveLength(1);
		// the links survive the new version by element id
		expect(p.costing!.tasks[0]).toMatchObject({ id: 'Receive', cost: 5_400_000n });
	});

	it('restores version 1 as version 3 and keeps version 2', async () => {
		const n = await models.restore(t.db, owner, processId, 1, 2, clock);
		expect(n).toBe(3);
		const p = await models.page(t.db, processId, YEAR);
		expect(p.versions[0]).toMatchObject({ number: 3, restoredFrom: 1 });
		expect(p.shown!.steps.find((s) => s.id === 'Sign')!.name).toBe('Podepsat rozhodnutí');
		expect(await models.xmlOf(t.db, processId, 2)).toContain('Podepsat a vypravit');
		const diff = await models.compare(t.db, processId, 2, 3);
		expect(diff.renamed).toEqual([
			{ id: 'Sign', from: 'Podepsat a vypravit', to: 'Podepsat rozhodnutí' }
		]);
		await expect(models.restore(t.db, owner, processId, 1, 2, clock)).rejects.toBeInstanceOf(
			ConflictError
		);
	});

	it('a model without a diagram is laid out; coverage reports roles and times', async () => {
		const n = await models.save(t.db, manager, otherId, fixture('no-diagram.bpmn'), {
			base: null,
			note: null
		});
		expect(n).toBe(1);
		const p = await models.page(t.db, otherId, YEAR);
		expect(p.versions[0].laidOut).toBe(true);
		expect(p.shown!.xml).toContain('BPMNShape');
		const cov = await models.coverage(t.db);
		expect(cov.get(processId)).toMatchObject({ latest: 3, rolesFilled: false, timesFilled: false });
		expect(cov.get(otherId)).toMatchObject({ latest: 1, rolesFilled: false });
	});

	it('audits every save, restore and link change', async () => {
		const rows = await t.db
			.selectFrom('audit_event')
			.select(['action'])
			.where('entity', '=', 'process_model')
			.orderBy('id')
			.execute();
		expect(rows.map((r) => r.action)).toEqual([
			'model.save',
			'model.link',
			'model.link',
			'model.link',
			'model.save',
			'model.restore',
			'model.save'
		]);
	});

	it('keeps the modeler’s SVG with a saved version; the report shows it, or the tasks without one', async () => {
		const svg =
			'<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>';
		const xml = await models.xmlOf(t.db, processId, 3);
		expect(
			await models.save(t.db, owner, processId, xml, { base: 3, note: null, svg }, clock)
		).toBe(4);
		// something that is not an SVG is not kept (the version is saved all the same)
		expect(
			await models.save(t.db, owner, processId, xml, { base: 4, note: null, svg: '<html>' }, clock)
		).toBe(5);
		const stored = await t.db
			.selectFrom('process_model_version')
			.select(['number', 'svg'])
			.where('number', 'in', [4, 5])
			.orderBy('number')
			.execute();
		expect(stored.map((r) => r.svg)).toEqual([svg, null]);
		await models.restore(t.db, owner, processId, 4, 5, clock);

		const report = await models.reportDiagrams(t.db, [processId, otherId]);
		expect(report.choices.map((c) => c.code)).toEqual(['P-JINY', 'P-STAV']);
		const [other, own] = report.diagrams;
		// imported without a picture: the report lists its tasks
		expect(other).toMatchObject({ code: 'P-JINY', version: 1, image: null });
		expect(other.tasks.length).toBeGreaterThan(0);
		// a restore copies the version's picture with its XML: version 6 shows version 4's SVG
		expect(own).toMatchObject({ code: 'P-STAV', version: 6 });
		expect(own.image).toMatch(/^data:image\/svg\+xml;base64,/);
		expect(Buffer.from(own.image!.split(',')[1], 'base64').toString()).toBe(svg);
		expect(own.tasks.map((x) => x.name)).toEqual([
			'Přijmout žádost',
			'Ověřit v registru',
			'Podepsat rozhodnutí'
		]);
		expect(own.tasks[0].lane).toBe('Referent');
		expect((await models.reportDiagrams(t.db, [])).diagrams).toEqual([]);
	});
});

describe('the demo town’s process models', () => {
	it('models eight key processes whose modelled cost is about three quarters of the full cost', async () => {
		const { seedDemoIfEmpty } = await import('../../src/lib/server/demo/seed');
		const t = await createTestDb('pglite');
		try {
			await seedDemoIfEmpty(t.db, { clock: fixedClock('2026-06-15') });
			const cov = await models.coverage(t.db);
			expect(cov.size).toBe(8);
			for (const c of cov.values()) {
				expect(c).toMatchObject({ rolesFilled: true, timesFilled: true });
			}
			const sr = await t.db
				.selectFrom('process')
				.select('id')
				.where('code', '=', 'P-SR')
				.executeTakeFirstOrThrow();
			const p = await models.page(t.db, sr.id, 2025);
			expect(p.comparison!.coverage).toBeGreaterThan(0.6);
			expect(p.comparison!.coverage).toBeLessThan(0.9);
			const hours = await models.modelledHours(t.db, sr.id, 2025);
			expect(hours!.hours).toBeGreaterThan(0n);
		} finally {
			await t.destroy();
		}
	}, 300_000);
});

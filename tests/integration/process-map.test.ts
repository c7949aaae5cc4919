// Process map, goals and KPIs against the real database on both engines: the demo seed, the
// services' rules (ownership, versions, cycles, weights, periods, dependants) and the import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db';
import { DEMO_ORG_UNITS, DEMO_USERS } from '../../src/lib/server/demo/seed';
import { seedProcessMap } from '../../src/lib/server/demo/seed-process-map';
import * as goals from '../../src/lib/server/goals/goals.service';
import * as kpis from '../../src/lib/server/kpis/kpis.service';
import { parseTarget } from '../../src/lib/server/kpis/kpis.validation';
import * as orgUnits from '../../src/lib/server/org-units/org-units.service';
import {
	ConflictError,
	DependantsError,
	ForbiddenError,
	ValidationError
} from '../../src/lib/server/shared/errors';
import * as processes from '../../src/lib/server/processes/processes.service';
import type { ProcessInput } from '../../src/lib/server/processes/processes';
import { createTestDb, engines, type TestDb } from './harness';
import { idOf, processInput } from '../builders';

const YEAR = new Date().getFullYear();
const TODAY = new Date().toISOString().slice(0, 10);

async function seed(db: Db) {
	const userIds: Record<string, number> = {};
	const users: Record<string, SessionUser> = {};
	for (const u of DEMO_USERS) {
		const row = await db
			.insertInto('app_user')
			.values({
				username: u.username,
				display_name: u.displayName,
				role: u.role,
				password_hash: 'x'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		userIds[u.username] = row.id;
		users[u.username] = {
			id: row.id,
			username: u.username,
			displayName: u.displayName,
			role: u.role
		};
	}
	const orgUnitIds: Record<string, number> = {};
	for (const unit of DEMO_ORG_UNITS) {
		const row = await db
			.insertInto('org_unit')
			.values({
				code: unit.code,
				name: unit.name,
				parent_id: unit.parent ? orgUnitIds[unit.parent] : null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		orgUnitIds[unit.code] = row.id;
	}
	const started = performance.now();
	await db
		.transaction()
		.execute((trx) => seedProcessMap(trx, { userIds, orgUnitIds, year: YEAR, today: TODAY }));
	return { users, orgUnitIds, seedMs: performance.now() - started };
}

async function inputOf(db: Db, id: number): Promise<ProcessInput & { version: number }> {
	const card = await processes.get(db, id, YEAR);
	return { ...processInput(card), version: card.version };
}

async function rejects<T extends Error>(promise: Promise<unknown>, type: new (...a: never[]) => T) {
	try {
		await promise;
	} catch (e) {
		expect(e).toBeInstanceOf(type);
		return e as T;
	}
	throw new Error(`expected ${type.name}`);
}

describe.each(engines)('process map on %s', (engine) => {
	let t: TestDb;
	let db: Db;
	let users: Record<string, SessionUser>;
	let seedMs: number;

	beforeAll(async () => {
		t = await createTestDb(engine);
		db = t.db;
		({ users, seedMs } = await seed(db));
	});
	afterAll(() => t.destroy());

	it('seeds a believable demo town quickly', async () => {
		console.info(`[process-map seed on ${engine}] ${Math.round(seedMs)} ms`);
		expect(seedMs).toBeLessThan(10_000);
		const list = await processes.list(db, { year: YEAR });
		expect(list.length).toBeGreaterThanOrEqual(30);
		expect(list.filter((p) => p.ownerId === users.garant.id).length).toBeGreaterThanOrEqual(10);
		expect(list.every((p) => p.status === 'draft' || p.volume !== null)).toBe(true);
		const tree = await goals.listWithStatus(db, YEAR);
		expect(tree.filter((g) => g.level === 'vision')).toHaveLength(1);
		expect(tree.filter((g) => g.level === 'strategic')).toHaveLength(4);
		const kpiList = tree.flatMap((g) => g.kpis);
		expect(kpiList).toHaveLength(40);
		const statuses = kpiList.map((k) => k.status);
		const on = statuses.filter((s) => s === 'on_target').length;
		const within = statuses.filter((s) => s === 'within_tolerance').length;
		const off = statuses.filter((s) => s === 'off_target').length;
		console.info(`[process-map seed] KPIs on ${on}, within ${within}, off ${off}`);
		expect(on).toBeGreaterThan(within);
		expect(within).toBeGreaterThan(0);
		expect(off).toBeGreaterThan(0);
		// every seeded off-target actual carries its comment
		const offWithout = (await kpis.listWithSeries(db, YEAR))
			.flatMap((k) => k.periods)
			.filter((p) => p.status === 'off_target' && !p.comment);
		expect(offWithout).toEqual([]);
		const work = await kpis.worklist(db, users.garant.id, TODAY);
		expect(work.length).toBeGreaterThan(0);
		expect(await kpis.worklist(db, users.host.id, TODAY)).toEqual([]);
	});

	it('sorts and filters the catalogue by potential, kind, unit and owner', async () => {
		const byPotential = await processes.list(db, { year: YEAR, sort: 'potential' });
		const indexes = byPotential.map((p) => p.potential ?? -1);
		expect(indexes).toEqual([...indexes].sort((a, b) => b - a));
		const promising = await processes.list(db, { year: YEAR, minPotential: 75 });
		expect(promising.length).toBeGreaterThan(0);
		expect(promising.every((p) => p.potential !== null && p.potential >= 75)).toBe(true);
		expect(promising.length).toBeLessThan(byPotential.length);
		const support = await processes.list(db, { year: YEAR, kind: 'support' });
		expect(support.length).toBeGreaterThan(0);
		expect(support.every((p) => p.kind === 'support')).toBe(true);
		const mine = await processes.list(db, { year: YEAR, ownerId: users.garant.id, q: 'evidence' });
		expect(mine.map((p) => p.code)).toContain('P-EO');
	});

	it('lets a process owner edit only their own card, and refuses a stale version', async () => {
		const own = await idOf(db, 'process', 'P-EO');
		const other = await idOf(db, 'process', 'P-RIZ');
		const input = await inputOf(db, own);
		await processes.update(db, users.garant, own, input.version, {
			...input,
			outputs: 'Výpis z evidence',
			ownerId: users.starosta.id
		});
		const after = await processes.get(db, own, YEAR);
		expect(after.outputs).toBe('Výpis z evidence');
		expect(after.ownerId).toBe(users.garant.id); // an owner cannot hand the card away
		const otherInput = await inputOf(db, other);
		await rejects(
			processes.update(db, users.garant, other, otherInput.version, otherInput),
			ForbiddenError
		);
		await rejects(processes.update(db, users.host, own, after.version, input), ForbiddenError);
		await rejects(processes.create(db, users.garant, { ...input, code: 'P-NEW' }), ForbiddenError);
		// the second of two editors with the same version is refused; nothing is overwritten
		await processes.update(db, users.starosta, own, after.version, {
			...input,
			name: 'Evidence obyvatel a adres'
		});
		await rejects(
			processes.update(db, users.garant, own, after.version, { ...input, name: 'Přepsáno' }),
			ConflictError
		);
		expect((await processes.get(db, own, YEAR)).name).toBe('Evidence obyvatel a adres');
		const history = await processes.history(db, own);
		expect(history.map((h) => h.action)).toEqual(['process.update', 'process.update']);
	});

	it('refuses a duplicate code and explains dependants before deleting', async () => {
		const input = await inputOf(db, await idOf(db, 'process', 'P-RP'));
		const e = await rejects(processes.create(db, users.tajemnik, { ...input }), ValidationError);
		expect(e.errors).toEqual({ code: 'processes_error_code_taken' });
		const linked = await idOf(db, 'process', 'P-RP');
		const refused = await rejects(processes.remove(db, users.tajemnik, linked), DependantsError);
		expect(refused.dependants).toEqual([{ key: 'processes_dep_goals', count: 1 }]);
		expect(await processes.get(db, linked, YEAR)).toBeTruthy();
		const fresh = await processes.create(db, users.tajemnik, { ...input, code: 'P-TMP' });
		await processes.remove(db, users.tajemnik, fresh);
		expect(await db.selectFrom('process').where('id', '=', fresh).selectAll().execute()).toEqual(
			[]
		);
	});

	it('keeps year figures, roles and information assets on the card', async () => {
		const id = await idOf(db, 'process', 'P-RV');
		const card = await processes.get(db, id, YEAR);
		const y = card.years.find((row) => row.year === YEAR)!;
		await processes.saveYear(db, users.garant, id, y.version, {
			year: YEAR,
			volume: 4500,
			leadTimeDays: '1.5',
			fte: '2.4'
		});
		await rejects(
			processes.saveYear(db, users.garant, id, y.version, {
				year: YEAR,
				volume: 1,
				leadTimeDays: null,
				fte: null
			}),
			ConflictError
		);
		await processes.addRole(db, users.garant, id, {
			jobRole: 'Kontrolor',
			raci: 'C',
			competences: 'STK'
		});
		const asset = (await processes.listAssets(db)).find((a) => a.code === 'GIS')!;
		await processes.linkAsset(db, users.garant, id, asset.id);
		const after = await processes.get(db, id, YEAR);
		expect(after.volume).toBe(4500);
		expect(after.leadTimeDays).toBe('1.5');
		expect(after.roles.map((r) => r.jobRole)).toContain('Kontrolor');
		expect(after.assets.map((a) => a.code)).toContain('GIS');
		const refused = await rejects(
			processes.removeAsset(db, users.tajemnik, asset.id),
			DependantsError
		);
		expect(refused.dependants[0].key).toBe('processes_dep_processes');
	});

	it('refuses a cycle in the goal tree, a wrong parent level and a weight out of range', async () => {
		const c1 = await idOf(db, 'goal', 'C1');
		const c11 = await idOf(db, 'goal', 'C1.1');
		const objective = await goals.create(db, users.starosta, {
			code: 'C1.4',
			name: 'Nový specifický cíl',
			level: 'objective',
			parentId: c11,
			ownerId: null,
			description: null,
			startYear: YEAR,
			endYear: YEAR + 1,
			lifecycle: 'active'
		});
		const detail = await goals.get(db, c11, YEAR);
		const e = await rejects(
			goals.update(db, users.starosta, c11, detail.version, {
				code: 'C1.1',
				name: detail.name,
				level: 'objective',
				parentId: objective,
				ownerId: null,
				description: null,
				startYear: null,
				endYear: null,
				lifecycle: 'active'
			}),
			ValidationError
		);
		expect(e.errors).toEqual({ parentId: 'goals_error_cycle' });
		const wrongLevel = await rejects(
			goals.create(db, users.starosta, {
				code: 'C9',
				name: 'Strategický cíl pod cílem',
				level: 'strategic',
				parentId: c1,
				ownerId: null,
				description: null,
				startYear: null,
				endYear: null,
				lifecycle: 'active'
			}),
			ValidationError
		);
		expect(wrongLevel.errors).toEqual({ parentId: 'goals_error_parent_level' });
		const weight = await rejects(
			goals.linkProcess(db, users.starosta, objective, await idOf(db, 'process', 'P-EO'), 101),
			ValidationError
		);
		expect(weight.errors).toEqual({ weight: 'goals_error_weight' });
		await rejects(
			goals.linkProcess(db, users.garant, objective, await idOf(db, 'process', 'P-EO'), 50),
			ForbiddenError
		);
		await goals.linkProcess(db, users.starosta, objective, await idOf(db, 'process', 'P-EO'), 50);
		const removed = await rejects(goals.remove(db, users.starosta, c1), DependantsError);
		expect(removed.dependants.map((d) => d.key)).toEqual(['goals_dep_subgoals']);
		const linked = await rejects(goals.remove(db, users.starosta, objective), DependantsError);
		expect(linked.dependants).toEqual([{ key: 'goals_dep_processes', count: 1 }]);
		await goals.unlinkProcess(db, users.starosta, objective, await idOf(db, 'process', 'P-EO'));
		await goals.remove(db, users.starosta, objective);
	});

	it('rolls goal status up and lets a manager override it with a comment', async () => {
		const id = await idOf(db, 'goal', 'C3.3');
		const before = await goals.get(db, id, YEAR);
		await rejects(
			goals.setOverride(db, users.starosta, id, before.version, 'off_target', ' '),
			ValidationError
		);
		await goals.setOverride(
			db,
			users.starosta,
			id,
			before.version,
			'off_target',
			'Výpadek serverovny v říjnu'
		);
		const after = await goals.get(db, id, YEAR);
		expect(after.status).toBe('off_target');
		expect(after.computed).toBe(before.computed);
		await rejects(
			goals.setOverride(db, users.starosta, id, before.version, null, null),
			ConflictError
		);
	});

	it('checks targets: negative tolerance, a period outside the frequency, a stale version', async () => {
		expect(
			parseTarget(
				{ period: '2026', target: '10', tolerance: '-1' },
				{ frequency: 'monthly', direction: 'higher' }
			)
		).toEqual({
			ok: false,
			errors: { tolerance: 'goals_error_negative_tolerance' }
		});
		expect(
			parseTarget(
				{ period: '2026-Q1', target: '10', tolerance: '1' },
				{ frequency: 'monthly', direction: 'higher' }
			)
		).toEqual({
			ok: false,
			errors: { period: 'goals_error_period_frequency' }
		});
		const id = await idOf(db, 'kpi', 'KPI-06');
		await rejects(
			kpis.setTarget(db, users.garant, id, null, {
				period: String(YEAR + 1),
				target: '100',
				targetMax: null,
				tolerance: '0'
			}),
			ForbiddenError
		);
		await kpis.setTarget(db, users.starosta, id, null, {
			period: String(YEAR + 1),
			target: '100',
			targetMax: null,
			tolerance: '0'
		});
		// a second manager who also saw "no target yet" is refused
		await rejects(
			kpis.setTarget(db, users.tajemnik, id, null, {
				period: String(YEAR + 1),
				target: '90',
				targetMax: null,
				tolerance: '0'
			}),
			ConflictError
		);
		const kpi = await kpis.get(db, id);
		expect(kpi.periods.find((p) => p.period === String(YEAR + 1))?.target).toBe('100');
	});

	it('records actuals: own KPIs only, period per frequency, a comment when off target', async () => {
		const own = await idOf(db, 'kpi', 'KPI-02'); // monthly, garant, lower is better
		const notOwn = await idOf(db, 'kpi', 'KPI-03');
		const period = `${YEAR - 1}-06`;
		const current = (await kpis.get(db, own)).periods.find((p) => p.period === period)!;
		const wrongPeriod = await rejects(
			kpis.recordActual(db, users.garant, own, current.actualVersion, {
				period: `${YEAR - 1}-Q2`,
				value: '12',
				comment: null
			}),
			ValidationError
		);
		expect(wrongPeriod.errors).toEqual({ period: 'goals_error_period_frequency' });
		const off = await rejects(
			kpis.recordActual(db, users.garant, own, current.actualVersion, {
				period,
				value: '40,5',
				comment: null
			}),
			ValidationError
		);
		expect(off.errors).toEqual({ comment: 'goals_error_comment_required' });
		// The period has a value already: replacing it needs a confirmation (a second submit).
		const unconfirmed = await rejects(
			kpis.recordActual(db, users.garant, own, current.actualVersion, {
				period,
				value: '12,5',
				comment: null
			}),
			ValidationError
		);
		expect(unconfirmed.errors).toEqual({ confirm: 'goals_confirm_overwrite' });
		await kpis.recordActual(db, users.garant, own, current.actualVersion, {
			period,
			value: '12,5',
			comment: null,
			confirmed: true
		});
		const after = (await kpis.get(db, own)).periods.find((p) => p.period === period)!;
		expect(after.actual).toBe('12.5');
		expect(after.status).toBe('on_target');
		await rejects(
			kpis.recordActual(db, users.garant, own, current.actualVersion, {
				period,
				value: '13',
				comment: null
			}),
			ConflictError
		);
		await rejects(
			kpis.recordActual(db, users.garant, notOwn, null, {
				period: `${YEAR - 1}-Q1`,
				value: '90',
				comment: null
			}),
			ForbiddenError
		);
		await rejects(
			kpis.recordActual(db, users.host, own, after.actualVersion, {
				period,
				value: '1',
				comment: null
			}),
			ForbiddenError
		);
		const history = await kpis.history(db, own);
		expect(history[0].action).toBe('kpi.actual');
	});

	it('refuses deleting a KPI with actuals', async () => {
		const e = await rejects(
			kpis.remove(db, users.starosta, await idOf(db, 'kpi', 'KPI-01')),
			DependantsError
		);
		expect(e.dependants[0].key).toBe('goals_dep_actuals');
	});

	it('imports actuals all or nothing, with a row-numbered report', async () => {
		const k2 = await idOf(db, 'kpi', 'KPI-02');
		const countBefore = await db
			.selectFrom('kpi_actual')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		const bad = await kpis.importActuals(db, users.garant, [
			{ line: 2, period: `${YEAR - 2}-01`, code: 'KPI-02', value: '15', comment: '' },
			{ line: 3, period: `${YEAR - 2}-Q1`, code: 'KPI-02', value: '15', comment: '' },
			{ line: 4, period: `${YEAR - 2}-02`, code: 'KPI-99', value: '15', comment: '' },
			{ line: 5, period: `${YEAR - 2}-03`, code: 'KPI-03', value: '15', comment: '' },
			{ line: 6, period: `${YEAR - 2}-04`, code: 'KPI-02', value: 'x', comment: '' },
			{ line: 7, period: `${YEAR - 2}-01`, code: 'kpi-02', value: '14', comment: '' }
		]);
		expect(bad).toEqual({
			ok: false,
			problems: [
				{ line: 3, field: 'period', key: 'goals_error_period_frequency' },
				{ line: 4, field: 'code', key: 'goals_import_unknown_kpi', params: { code: 'KPI-99' } },
				{ line: 5, field: 'code', key: 'goals_import_not_yours', params: { code: 'KPI-03' } },
				{ line: 6, field: 'value', key: 'processes_error_decimal' },
				{ line: 7, field: 'period', key: 'goals_import_duplicate', params: { line: 2 } }
			]
		});
		const countAfterBad = await db
			.selectFrom('kpi_actual')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(countAfterBad.n)).toBe(Number(countBefore.n));
		const good = await kpis.importActuals(db, users.garant, [
			{ line: 2, period: `${YEAR - 2}-01`, code: 'KPI-02', value: '15,5', comment: '' },
			{
				line: 3,
				period: `${YEAR - 2}-02`,
				code: 'KPI-02',
				value: '25',
				comment: 'chřipková epidemie'
			}
		]);
		expect(good).toEqual({ ok: true, imported: 2 });
		const periods = (await kpis.get(db, k2)).periods;
		expect(periods.find((p) => p.period === `${YEAR - 2}-01`)?.actual).toBe('15.5');
		expect(periods.find((p) => p.period === `${YEAR - 2}-02`)?.status).toBe('off_target');
	});

	it('keeps the KPI statuses /goals and the overview read in step with every change', async () => {
		// What kpi_year_status holds must be what the rule gives from the KPI's whole history.
		const expectInStep = async () => {
			for (const year of [YEAR - 2, YEAR - 1, YEAR]) {
				const stored = await kpis.inYear(db, year);
				const fromRule = new Map((await kpis.listWithSeries(db, year)).map((k) => [k.id, k]));
				expect(stored).toHaveLength(fromRule.size);
				for (const k of stored) {
					const rule = fromRule.get(k.id)!;
					const latest = rule.latest;
					expect([k.code, year, k.status, k.period, k.actual, k.target]).toEqual([
						k.code,
						year,
						latest?.status ?? 'no_data',
						latest?.period ?? null,
						latest?.actual ?? null,
						latest?.target ?? null
					]);
					const recent = rule.periods
						.slice(-12)
						.filter((p) => p.actual !== null)
						.map((p) => ({ period: p.period, actual: p.actual, status: p.status }));
					expect(k.recent).toEqual(recent);
				}
			}
		};
		// After the seed and the targets, actuals and imports of the tests above.
		await expectInStep();
		// Turning a KPI's direction round re-rates every period it has.
		const id = await idOf(db, 'kpi', 'KPI-02');
		const kpi = await kpis.get(db, id);
		await kpis.update(db, users.starosta, id, kpi.version, {
			code: kpi.code,
			name: kpi.name,
			goalId: kpi.goalId,
			responsibleId: kpi.responsibleId,
			definition: kpi.definition,
			unit: kpi.unit,
			direction: kpi.direction === 'lower' ? 'higher' : 'lower',
			frequency: kpi.frequency,
			baseline: kpi.baseline,
			baselinePeriod: kpi.baselinePeriod,
			valueMin: kpi.valueMin,
			valueMax: kpi.valueMax
		});
		const [stored] = await kpis.inYear(db, YEAR - 1, { ids: [id] });
		const [rule] = (await kpis.listWithSeries(db, YEAR - 1)).filter((k) => k.id === id);
		expect(rule.direction).not.toBe(kpi.direction);
		expect(stored.status).toBe(rule.latest?.status ?? 'no_data');
		await expectInStep();
	});

	it('lists coverage gaps', async () => {
		const cov = await goals.coverage(db);
		expect(cov.goalsWithoutProcess.map((g) => g.code)).toContain('C2.2');
		expect(cov.goalsWithoutProcess.map((g) => g.code)).not.toContain('C2');
		expect(cov.processesWithoutGoal.map((p) => p.code)).toContain('P-MAT');
		expect(cov.processesWithoutGoal.map((p) => p.code)).not.toContain('P-PART'); // a draft
	});

	it('edits the org unit tree: no cycles, no deleting units with processes', async () => {
		const list = await orgUnits.list(db);
		const ved = list.find((u) => u.code === 'VED')!;
		const ovv = list.find((u) => u.code === 'OVV')!;
		expect(list[0].code).toBe('VED');
		expect(ovv.depth).toBe(1);
		const e = await rejects(
			orgUnits.update(db, users.tajemnik, ved.id, ved.version, {
				code: 'VED',
				name: ved.name,
				parentId: ovv.id,
				description: null
			}),
			ValidationError
		);
		expect(e.errors).toEqual({ parentId: 'processes_error_unit_cycle' });
		const dep = await rejects(orgUnits.remove(db, users.tajemnik, ovv.id), DependantsError);
		expect(dep.dependants.map((d) => d.key)).toEqual(['processes_dep_processes']);
		await orgUnits.saveYear(db, users.tajemnik, ovv.id, null, {
			year: YEAR + 1,
			fte: '14.5',
			hourlyCost: 56000n
		});
		await rejects(
			orgUnits.saveYear(db, users.tajemnik, ovv.id, null, {
				year: YEAR + 1,
				fte: '15',
				hourlyCost: null
			}),
			ConflictError
		);
		const years = await orgUnits.listYears(db, YEAR + 1, YEAR + 1);
		expect(years).toEqual([
			{ orgUnitId: ovv.id, year: YEAR + 1, fte: '14.50', hourlyCost: 56000n, version: 1 }
		]);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as initiatives from '../../src/lib/server/initiatives/initiatives.service';
import { ForbiddenError } from '../../src/lib/server/shared/errors';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Role } from '../../src/lib/server/db/schema';
import { ConflictError, ValidationError } from '../../src/lib/server/shared/errors';

const TODAY = '2026-06-15';

describe.each(engines)('initiatives on %s', (engine) => {
	let t: TestDb;
	const users: Record<string, SessionUser> = {};
	let orgUnitId: number;
	let otherUnitId: number;

	async function user(username: string, role: Role) {
		const id = await build.user(t.db, { username, role });
		users[username] = { id, username, displayName: username, role };
	}

	async function initiativeRow(id: number) {
		return t.db.selectFrom('initiative').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	}

	async function newInitiative(code: string, extra: Partial<{ hours: string; czk: bigint }> = {}) {
		return initiatives.create(t.db, users.pm, {
			code,
			name: `Opatření ${code}`,
			description: null,
			ownerUserId: users.pm.id,
			expectedCzk: extra.czk ?? 120_000_00n,
			expectedHours: extra.hours ?? '0',
			valuationOrgUnitId: orgUnitId,
			activityId: null
		});
	}

	beforeAll(async () => {
		t = await createTestDb(engine);
		await user('pm', 'project_manager');
		await user('boss', 'manager');
		await user('money', 'finance');
		await user('admin', 'admin');
		orgUnitId = await build.orgUnit(t.db, { code: 'OVV', name: 'Odbor vnitřních věcí' });
		otherUnitId = await build.orgUnit(t.db, { code: 'IT' });
		await t.db
			.insertInto('org_unit_year')
			.values([
				{ org_unit_id: orgUnitId, year: 2025, fte: '10', hourly_cost: 400_00n },
				{ org_unit_id: orgUnitId, year: 2026, fte: '10', hourly_cost: 450_00n }
			])
			.execute();
	});
	afterAll(() => t.destroy());

	it('takes actual spending from the ledger entries tagged with the initiative', async () => {
		const id = await newInitiative('INI-A');
		const other = await newInitiative('INI-B');
		const spend = { nature: 'investment', polozka: '6111' } as const;
		await build.costEntries(t.db, [
			{ ...spend, month: '2026-01-01', amount: 200_000_00n, initiative_id: id },
			{ ...spend, month: '2026-03-01', amount: 50_000_50n, polozka: '5168', initiative_id: id },
			// A budget row and another initiative's spend must not count.
			{ ...spend, kind: 'budget', month: '2026-01-01', amount: 999_000_00n, initiative_id: id },
			{ ...spend, month: '2026-01-01', amount: 77_000_00n, initiative_id: other },
			{ month: '2026-01-01', amount: 5_000_00n }
		]);
		await initiatives.setBudget(
			t.db,
			users.pm,
			id,
			(await initiativeRow(id)).version,
			2026,
			300_000_00n
		);

		const list = await initiatives.list(t.db, 2026);
		const a = list.find((i) => i.code === 'INI-A')!;
		expect(a.spend).toBe(250_000_50n);
		expect(a.budgetTotal).toBe(300_000_00n);
		expect(list.find((i) => i.code === 'INI-B')!.spend).toBe(77_000_00n);
		// 300 000 Kč at 120 000 Kč a year → 30 months
		expect(a.investment).toBe(300_000_00n);
		expect(a.paybackMonths).toBe(30n);

		const detail = await initiatives.get(t.db, id, TODAY);
		expect(detail.entries.map((e) => e.amount)).toEqual([200_000_00n, 50_000_50n]);
		expect(detail.cash.points.map((p) => p.month)).toEqual(['2026-01', '2026-02', '2026-03']);
		expect(detail.cash.points.at(-1)!.cumulativeSpend).toBe(250_000_50n);
		// ROI over 5 years: (600 000 − 300 000) ÷ 300 000 = 100 %
		expect(detail.roi.ratio).toBe(1);
	});

	it('lets only managers approve, in the service, and records who did', async () => {
		const id = await newInitiative('INI-C');
		const version = (await initiativeRow(id)).version;
		for (const who of ['money', 'pm', 'admin']) {
			await expect(
				initiatives.changeStatus(t.db, users[who], id, version, 'approved', null)
			).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect((await initiativeRow(id)).status).toBe('proposed');
		// Finance cannot make any other status change either.
		await expect(
			initiatives.changeStatus(t.db, users.money, id, version, 'cancelled', null)
		).rejects.toBeInstanceOf(ForbiddenError);

		await initiatives.changeStatus(t.db, users.boss, id, version, 'approved', 'Schváleno radou');
		const row = await initiativeRow(id);
		expect(row.status).toBe('approved');
		expect(row.version).toBe(version + 1);
		const history = await t.db
			.selectFrom('initiative_status_change')
			.selectAll()
			.where('initiative_id', '=', id)
			.orderBy('id')
			.execute();
		expect(history.map((h) => [h.from_status, h.to_status])).toEqual([
			[null, 'proposed'],
			['proposed', 'approved']
		]);
		expect(history[1].user_id).toBe(users.boss.id);
		const audit = await t.db
			.selectFrom('audit_event')
			.selectAll()
			.where('action', '=', 'initiative.approve')
			.where('entity_id', '=', String(id))
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0].user_id).toBe(users.boss.id);

		// The project manager moves it on; skipping a step or a stale version is refused.
		await expect(
			initiatives.changeStatus(t.db, users.pm, id, row.version, 'done', null)
		).rejects.toMatchObject({ errors: { status: 'programme_error_transition' } });
		await expect(
			initiatives.changeStatus(t.db, users.pm, id, version, 'in_progress', null)
		).rejects.toBeInstanceOf(ConflictError);
		await initiatives.changeStatus(t.db, users.pm, id, row.version, 'in_progress', null);
		expect((await initiativeRow(id)).status).toBe('in_progress');
	});

	it('refuses a negative budget and a stale version, writing nothing', async () => {
		const id = await newInitiative('INI-D');
		const version = (await initiativeRow(id)).version;
		await expect(
			initiatives.setBudget(t.db, users.pm, id, version, 2026, -1n)
		).rejects.toBeInstanceOf(ValidationError);
		await initiatives.setBudget(t.db, users.pm, id, version, 2026, 100_000_00n);
		await expect(
			initiatives.setBudget(t.db, users.pm, id, version, 2027, 50_000_00n)
		).rejects.toBeInstanceOf(ConflictError);
		const budgets = await t.db
			.selectFrom('initiative_budget')
			.select(['year', 'amount'])
			.where('initiative_id', '=', id)
			.execute();
		expect(budgets).toEqual([{ year: 2026, amount: 100_000_00n }]);
		const audit = await t.db
			.selectFrom('audit_event')
			.select(['before', 'after'])
			.where('action', '=', 'initiative.budget')
			.where('entity_id', '=', String(id))
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0].after).toEqual({ year: 2026, amount: '10000000' });
	});

	it('values saved hours at the hourly cost of the period’s year, and says when it cannot', async () => {
		const id = await newInitiative('INI-E', { hours: '100', czk: 0n });
		await initiatives.recordSaving(t.db, users.pm, id, {
			periodStart: '2025-10-01',
			periodEnd: '2025-12-31',
			amount: 1_000_00n,
			hours: '10.5',
			evidence: 'Výkaz práce'
		});
		await initiatives.recordSaving(t.db, users.pm, id, {
			periodStart: '2026-01-01',
			periodEnd: '2026-03-31',
			amount: 0n,
			hours: '20',
			evidence: 'Výkaz práce Q1'
		});
		const detail = await initiatives.get(t.db, id, TODAY);
		// 10.5 h × 400 Kč = 4 200 Kč; 20 h × 450 Kč = 9 000 Kč
		expect(detail.savings.map((s) => s.hoursValue)).toEqual([4_200_00n, 9_000_00n]);
		expect(detail.realized).toBe(1_000_00n + 4_200_00n + 9_000_00n);
		// 100 h a year at 450 Kč
		expect(detail.expected.total).toBe(45_000_00n);
		expect(detail.hourlyCost?.year).toBe(2026);
		expect(detail.unvaluedHours).toBe(false);

		// Another unit has no hourly cost: hours stay unvalued, not invented.
		const version = (await initiativeRow(id)).version;
		await initiatives.update(t.db, users.pm, id, version, {
			code: 'INI-E',
			name: 'Opatření INI-E',
			description: null,
			ownerUserId: null,
			expectedCzk: 0n,
			expectedHours: '100',
			valuationOrgUnitId: otherUnitId,
			activityId: null
		});
		const unvalued = await initiatives.get(t.db, id, TODAY);
		expect(unvalued.hourlyCost).toBeNull();
		expect(unvalued.expected.hoursValue).toBeNull();
		expect(unvalued.unvaluedHours).toBe(true);
		expect(unvalued.realized).toBe(1_000_00n);
		expect(unvalued.paybackMonths).toBeNull();
		const audit = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity_id', '=', String(id))
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'initiative.create',
			'initiative.saving',
			'initiative.saving',
			'initiative.update'
		]);
	});

	it('links goals, processes and KPIs, refusing unknown ids without a partial write', async () => {
		const id = await newInitiative('INI-F');
		const goal = await build.goal(t.db, { code: 'C1', name: 'Efektivní úřad' });
		const process = await build.process(t.db, {
			code: 'P-SPS',
			name: 'Spisová služba',
			kind: 'support'
		});
		let version = (await initiativeRow(id)).version;
		await initiatives.setLinks(t.db, users.pm, id, version, {
			goalIds: [goal],
			processIds: [process],
			kpiIds: []
		});
		version = (await initiativeRow(id)).version;
		await expect(
			initiatives.setLinks(t.db, users.pm, id, version, {
				goalIds: [],
				processIds: [process, 999_999],
				kpiIds: []
			})
		).rejects.toMatchObject({ errors: { links: 'error_choice' } });
		const detail = await initiatives.get(t.db, id, TODAY);
		expect(detail.goals.map((g) => g.code)).toEqual(['C1']);
		expect(detail.processes.map((p) => p.code)).toEqual(['P-SPS']);
		expect(detail.version).toBe(version);
	});
});

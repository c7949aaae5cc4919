// Investment in improvement, defined once (issue #16): what counts, and that every place the
// share shows (overview, /costs, the council report, the public page, the API, the computed KPI)
// says the same to the haléř.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as read from '../../src/lib/server/api/read.repository';
import { refreshProcessCosts } from '../../src/lib/server/allocation/allocation.service';
import { rebuildSummary } from '../../src/lib/server/costs/aggregates';
import type { SessionUser } from '../../src/lib/server/auth/session';
import * as costs from '../../src/lib/server/costs/costs.service';
import * as entries from '../../src/lib/server/costs/entries.service';
import * as mappings from '../../src/lib/server/costs/mappings.service';
import type { Role } from '../../src/lib/server/db/schema';
import * as initiatives from '../../src/lib/server/initiatives/initiatives.service';
import * as kpis from '../../src/lib/server/kpis/kpis.service';
import * as overview from '../../src/lib/server/overview/overview.service';
import { publicPage } from '../../src/lib/server/overview/public.service';
import { council } from '../../src/lib/server/reports/council.service';
import * as settings from '../../src/lib/server/settings/settings.service';
import { ValidationError } from '../../src/lib/server/shared/errors';
import { czkText } from '../../src/lib/money';

const TODAY = '2026-03-15';

describe.each(engines)('investment in improvement on %s', (engine) => {
	let t: TestDb;
	const users: Record<string, SessionUser> = {};
	let unit: number;

	async function user(username: string, role: Role) {
		const id = await build.user(t.db, { username, role });
		users[username] = { id, username, displayName: username, role };
	}

	async function newInitiative(code: string) {
		return initiatives.create(t.db, users.pm, {
			code,
			name: `Opatření ${code}`,
			description: null,
			ownerUserId: users.pm.id,
			expectedCzk: 0n,
			expectedHours: '0',
			valuationOrgUnitId: null,
			activityId: null
		});
	}

	const line = (over: Partial<entries.EntryInput>): entries.EntryInput => ({
		kind: 'actual',
		month: '2025-04',
		amount: 0n,
		polozka: '5011',
		paragraf: null,
		orgUnitId: unit,
		processId: null,
		initiativeId: null,
		nature: null,
		text: null,
		...over
	});

	async function natureOf(id: bigint) {
		const row = await t.db
			.selectFrom('cost_entry')
			.select('nature')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		return row.nature;
	}

	beforeAll(async () => {
		t = await createTestDb(engine);
		await user('pm', 'project_manager');
		await user('boss', 'manager');
		await user('money', 'finance');
		await user('admin', 'admin');
		unit = await build.orgUnit(t.db, { code: 'OSM', name: 'Odbor správy majetku' });
	});
	afterAll(() => t.destroy());

	it('counts a school hall as capital, not improvement, and an approved initiative’s computers as improvement', async () => {
		const hall = await entries.create(
			t.db,
			users.money.id,
			line({ polozka: '6121', amount: 5_000_000_00n, text: 'Sportovní hala u školy' })
		);
		expect(await natureOf(hall.id)).toBe('capital');
		// Calling a building an improvement is refused: it is on no initiative and no list.
		await expect(
			entries.create(
				t.db,
				users.money.id,
				line({ polozka: '6121', amount: 1n, nature: 'investment' })
			)
		).rejects.toBeInstanceOf(ValidationError);

		const ini = await newInitiative('INI-EPOD');
		const computers = await entries.create(
			t.db,
			users.money.id,
			line({ polozka: '6125', amount: 300_000_00n, initiativeId: ini })
		);
		// Not approved yet: capital spending like any other computer.
		expect(await natureOf(computers.id)).toBe('capital');
		const version = async () =>
			(
				await t.db
					.selectFrom('initiative')
					.select('version')
					.where('id', '=', ini)
					.executeTakeFirstOrThrow()
			).version;
		await initiatives.changeStatus(t.db, users.boss, ini, await version(), 'approved', null);
		expect(await natureOf(computers.id)).toBe('investment');

		// Software is on the improvement list; salaries are operating costs.
		await entries.create(t.db, users.money.id, line({ polozka: '5172', amount: 100_000_00n }));
		await entries.create(t.db, users.money.id, line({ polozka: '5011', amount: 3_600_000_00n }));

		const [y] = await costs.investmentShare(t.db, [2025]);
		expect(y).toMatchObject({
			investment: 400_000_00n,
			capital: 5_000_000_00n,
			operating: 3_600_000_00n,
			base: 4_000_000_00n,
			share: 0.1
		});

		// Finance takes 6121 onto the list: the hall becomes improvement at once, audited.
		const category = (await mappings.lists(t.db)).categories.find((c) => c.polozka === '6121')!;
		await mappings.setNature(t.db, users.money.id, '6121', category.version, 'investment');
		expect(await natureOf(hall.id)).toBe('investment');
		expect((await costs.investmentShare(t.db, [2025]))[0].investment).toBe(5_400_000_00n);
		const audit = await t.db
			.selectFrom('audit_event')
			.select(['action', 'after'])
			.where('action', '=', 'costs.category_nature')
			.execute();
		expect(audit).toHaveLength(1);
		// …and off again: back to capital.
		const again = (await mappings.lists(t.db)).categories.find((c) => c.polozka === '6121')!;
		await mappings.setNature(t.db, users.money.id, '6121', again.version, 'capital');
		expect(await natureOf(hall.id)).toBe('capital');
		// The initiative is cancelled: its computers stop counting as improvement.
		await initiatives.changeStatus(t.db, users.pm, ini, await version(), 'cancelled', 'zrušeno');
		expect(await natureOf(computers.id)).toBe('capital');
	});

	it('shows one share, with the same parts, on every page, the API and the computed KPI', async () => {
		await t.db.deleteFrom('cost_entry').execute();
		await rebuildSummary(t.db);
		const kpiId = await build.kpi(t.db, {
			code: 'KPI-SHARE',
			name: 'Podíl investic do zlepšování',
			unit: '%',
			frequency: 'yearly',
			source: 'investment_share'
		});
		// Odd haléře so rounding anywhere would show.
		await entries.create(t.db, users.money.id, line({ polozka: '5011', amount: 1_234_567_89n }));
		await entries.create(
			t.db,
			users.money.id,
			line({ polozka: '5161', amount: 98_765_43n, nature: 'variable', month: '2025-11' })
		);
		await entries.create(t.db, users.money.id, line({ polozka: '5168', amount: 87_654_32n }));
		await entries.create(t.db, users.money.id, line({ polozka: '6121', amount: 4_321_00n }));
		await refreshProcessCosts(t.db, [2025]);

		const [c] = await costs.investmentShare(t.db, [2025]);
		expect(c.investment).toBe(87_654_32n);
		expect(c.operating).toBe(1_333_333_32n);
		expect(c.capital).toBe(4_321_00n);
		const share = Number(87_654_32n) / Number(1_333_333_32n + 87_654_32n);
		expect(c.share).toBeCloseTo(share, 6);

		// The overview of 2025 (a whole year by March 2026): the tile and the cost structure.
		const o = await overview.compute(t.db, 2025, TODAY);
		expect(o.ytd.improvement).toBe(c.investment);
		expect(o.ytd.operating).toBe(c.operating);
		expect(o.ytd.investmentShare).toBe(c.share);
		const oYear = o.costYears.find((y) => y.year === 2025)!;
		expect([oYear.investment, oYear.fixed + oYear.variable, oYear.capital]).toEqual([
			c.investment,
			c.operating,
			c.capital
		]);
		expect(oYear.investmentShare).toBe(c.share);

		// The council report's data.
		const report = await council(t.db, 2025, TODAY);
		expect(report.overview.ytd.investmentShare).toBe(c.share);
		expect(report.overview.ytd.improvement).toBe(c.investment);
		expect(report.overview.ytd.operating).toBe(c.operating);

		// The public page (last whole year).
		const pub = await settings.getPublicPage(t.db);
		await settings.savePublicPage(t.db, users.admin.id, pub.version, {
			enabled: true,
			kpiIds: [kpiId],
			processIds: []
		});
		const page = (await publicPage(t.db, TODAY))!;
		const pYear = page.costYears.find((y) => y.year === 2025)!;
		expect([pYear.investment, pYear.fixed + pYear.variable, pYear.investmentShare]).toEqual([
			c.investment,
			c.operating,
			c.share
		]);

		// The API, money as decimal strings.
		expect(await read.investmentShare(t.db, [2025])).toEqual([
			{
				year: 2025,
				improvement: czkText(c.investment),
				operating: czkText(c.operating),
				capital: czkText(c.capital),
				sharePercent: costs.sharePercentText(c)
			}
		]);
		expect(costs.sharePercentText(c)).toBe((Math.round(share * 10000) / 100).toFixed(2));

		// The computed KPI: the same figure, never typed.
		const kpi = await kpis.get(t.db, kpiId);
		const period = kpi.periods.find((p) => p.period === '2025')!;
		expect(Number(period.actual)).toBe(Number(costs.sharePercentText(c)));
		await expect(
			kpis.recordActual(t.db, users.admin, kpiId, null, {
				period: '2024',
				value: '50',
				comment: null
			})
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('checks KPI values against the KPI’s range, and replaces a value only when confirmed', async () => {
		const kpi = (code: string, unit: string) =>
			kpis.create(t.db, users.boss, {
				code,
				name: code,
				goalId: null,
				responsibleId: null,
				definition: null,
				unit,
				direction: 'higher',
				frequency: 'yearly',
				baseline: null,
				baselinePeriod: null,
				valueMin: null,
				valueMax: null
			});
		const days = await kpi('KPI-DNY', 'dny');
		const share = await kpi('KPI-PODIL', '%');
		expect([(await kpis.get(t.db, days)).valueMin, (await kpis.get(t.db, days)).valueMax]).toEqual([
			'0',
			null
		]);
		expect([
			(await kpis.get(t.db, share)).valueMin,
			(await kpis.get(t.db, share)).valueMax
		]).toEqual(['0', '100']);
		const record = (id: number, period: string, value: string, confirmed = false) =>
			kpis.recordActual(t.db, users.boss, id, null, { period, value, comment: 'x', confirmed });
		const refusal = async (p: Promise<unknown>) => {
			const e = await p.then(
				() => null,
				(err: unknown) => err
			);
			expect(e).toBeInstanceOf(ValidationError);
			return (e as ValidationError).errors;
		};
		expect(await refusal(record(days, '2025', '-5'))).toEqual({
			value: 'processes_error_negative'
		});
		expect(await refusal(record(share, '2025', '104'))).toEqual({
			value: 'goals_error_value_range'
		});
		await record(share, '2025', '100');
		await record(days, '2025', '0');

		// The import refuses the same values row by row, at the value.
		const imported = await kpis.importActuals(t.db, users.boss, [
			{ line: 2, period: '2024', code: 'KPI-PODIL', value: '100,01', comment: '' },
			{ line: 3, period: '2024', code: 'KPI-DNY', value: '-1', comment: '' }
		]);
		expect(imported).toEqual({
			ok: false,
			problems: [
				{ line: 2, field: 'value', key: 'goals_error_value_range' },
				{ line: 3, field: 'value', key: 'processes_error_negative' }
			]
		});

		// Replacing 2025's value: asked first, then kept in the history.
		await record(share, '2024', '55.5');
		const version = (await kpis.get(t.db, share)).periods.find(
			(p) => p.period === '2024'
		)!.actualVersion;
		expect(
			await refusal(
				kpis.recordActual(t.db, users.boss, share, version, {
					period: '2024',
					value: '58',
					comment: 'x'
				})
			)
		).toEqual({ confirm: 'goals_confirm_overwrite' });
		await kpis.recordActual(t.db, users.boss, share, version, {
			period: '2024',
			value: '58',
			comment: 'x',
			confirmed: true
		});
		expect((await kpis.get(t.db, share)).periods.find((p) => p.period === '2024')!.actual).toBe(
			'58'
		);
		const [last] = await kpis.history(t.db, share);
		expect([last.action, last.before, last.after]).toEqual([
			'kpi.actual',
			{ period: '2024', value: '55.5', comment: 'x' },
			{ period: '2024', value: '58', comment: 'x' }
		]);
		// The import replaces without asking (its page says so); the history keeps 58.
		expect(
			await kpis.importActuals(t.db, users.boss, [
				{ line: 2, period: '2024', code: 'KPI-PODIL', value: '60', comment: 'x' }
			])
		).toEqual({ ok: true, imported: 1 });
		const [imp] = await kpis.history(t.db, share);
		expect([imp.action, (imp.before as { value: string }).value]).toEqual([
			'kpi.actual_import',
			'58'
		]);
	});
});

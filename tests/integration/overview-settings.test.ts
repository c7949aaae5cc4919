// The public page's settings: off by default, saved with an audit record, concurrent saves refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as settings from '../../src/lib/server/settings/settings.service';
import { parsePublicPageForm, toPublicPageSettings } from '../../src/lib/server/settings/settings';
import { ConflictError } from '../../src/lib/server/shared/errors';
import { publicPage } from '../../src/lib/server/overview/public.service';
import * as overview from '../../src/lib/server/overview/overview.service';
import * as costs from '../../src/lib/server/costs/costs.service';
import { parseShareTarget } from '../../src/lib/server/settings/settings';
import { sql } from 'kysely';
import * as oneTarget from '../../migrations/20261204_0800_one_investment_share_target.js';

describe.each(engines)('public page settings on %s', (engine) => {
	let t: TestDb;
	let adminId: number;
	beforeAll(async () => {
		t = await createTestDb(engine);
		adminId = await build.user(t.db, { username: 'admin', display_name: 'Admin', role: 'admin' });
	});
	afterAll(() => t.destroy());

	it('is off until an admin turns it on, and keeps what was chosen', async () => {
		expect(await publicPage(t.db, '2026-06-15')).toBeNull();
		const initial = await settings.getPublicPage(t.db);
		expect(initial).toEqual({
			value: { enabled: false, kpiIds: [], processIds: [] },
			version: ''
		});
		const form = new FormData();
		form.set('enabled', 'on');
		for (const id of ['3', '1', '3', 'x', '-2']) form.append('kpiIds', id);
		form.append('processIds', '7');
		const next = parsePublicPageForm(form);
		expect(next).toEqual({ enabled: true, kpiIds: [3, 1], processIds: [7] });
		await settings.savePublicPage(t.db, adminId, initial.version, next);
		const saved = await settings.getPublicPage(t.db);
		expect(saved.value).toEqual(next);
		expect(saved.version).not.toBe('');
		const audit = await t.db
			.selectFrom('audit_event')
			.select(['action', 'entity_id', 'user_id'])
			.where('entity', '=', 'setting')
			.execute();
		expect(audit).toEqual([
			{ action: 'setting.update', entity_id: 'public_page', user_id: adminId }
		]);
	});

	it('refuses a save based on an outdated form and changes nothing', async () => {
		const current = await settings.getPublicPage(t.db);
		await settings.savePublicPage(t.db, adminId, current.version, {
			...current.value,
			processIds: [8]
		});
		await expect(
			settings.savePublicPage(t.db, adminId, current.version, {
				enabled: false,
				kpiIds: [],
				processIds: []
			})
		).rejects.toThrow(ConflictError);
		const after = await settings.getPublicPage(t.db);
		expect(after.value).toEqual({ enabled: true, kpiIds: [3, 1], processIds: [8] });
	});

	it('reads a damaged stored value as off', () => {
		expect(toPublicPageSettings('yes')).toEqual({ enabled: false, kpiIds: [], processIds: [] });
		expect(toPublicPageSettings({ enabled: 'true', kpiIds: 'x' })).toEqual({
			enabled: false,
			kpiIds: [],
			processIds: []
		});
	});

	it('publishes only the chosen services, with the cost per case of last year', async () => {
		const unit = await t.db
			.insertInto('org_unit')
			.values({ code: 'OVV', name: 'OVV' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const [p1, p2] = await t.db
			.insertInto('process')
			.values([
				{ code: 'P1', name: 'Občanské průkazy', kind: 'core', org_unit_id: unit.id },
				{ code: 'P2', name: 'Interní audit', kind: 'management', org_unit_id: unit.id }
			])
			.returning('id')
			.execute();
		await t.db
			.insertInto('process_cost_year')
			.values({
				process_id: p1.id,
				year: 2025,
				kind: 'actual',
				direct: 100_000n,
				allocated: 23_456n,
				full_cost: 123_456n,
				volume: 10,
				unit_cost: 12_346n
			})
			.execute();
		const current = await settings.getPublicPage(t.db);
		await settings.savePublicPage(t.db, adminId, current.version, {
			enabled: true,
			kpiIds: [],
			processIds: [p1.id]
		});
		const page = await publicPage(t.db, '2026-06-15');
		expect(page?.costYear).toBe(2025);
		expect(page?.services).toEqual([
			{ id: p1.id, name: 'Občanské průkazy', unitCost: 12_346n, volume: 10 }
		]);
		expect(page?.services.some((s) => s.id === p2.id)).toBe(false);
		expect(page?.kpis).toEqual([]);
	});
});

// Wave 1 kept two targets: /costs wrote one key, the overview read another, so the mayor's tile
// said "cíl —" while /costs said 15 %. Now both forms save the one setting.
describe.each(engines)('the investment-share target on %s', (engine) => {
	let t: TestDb;
	let financeId: number;
	const YEAR = 2026;
	beforeAll(async () => {
		t = await createTestDb(engine);
		financeId = (
			await t.db
				.insertInto('app_user')
				.values({ username: 'ekonom', display_name: 'Ekonom', role: 'finance', password_hash: 'x' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	});
	afterAll(() => t.destroy());

	it('is what /costs saves, what /costs shows and what the overview shows', async () => {
		const before = await costs.costsPage(t.db, YEAR);
		expect(before.target.value).toBeNull();
		expect((await overview.compute(t.db, YEAR, '2026-06-15')).investmentShareTarget).toBeNull();

		const typed = parseShareTarget({ target: '15,5 %' });
		expect(typed).toEqual({ ok: true, value: 1550 });
		if (!typed.ok) return;
		await settings.saveInvestmentShareTarget(t.db, financeId, before.target.version, typed.value);

		const after = await costs.costsPage(t.db, YEAR);
		expect(after.target.value).toBe(0.155);
		expect((await overview.compute(t.db, YEAR, '2026-06-15')).investmentShareTarget).toBe(0.155);
		expect((await settings.getInvestmentShareTarget(t.db)).value).toBe(0.155);
		const keys = await t.db.selectFrom('app_setting').select('key').execute();
		expect(keys.map((k) => k.key)).toEqual(['investment_share_target']);
	});

	it('refuses what is not a share and a save from an outdated form', async () => {
		expect(parseShareTarget({ target: 'hodně' })).toEqual({
			ok: false,
			errors: { target: 'overview_error_share' }
		});
		expect(parseShareTarget({ target: '100,01' })).toEqual({
			ok: false,
			errors: { target: 'overview_error_share' }
		});
		const loaded = await settings.getInvestmentShareTarget(t.db);
		await settings.saveInvestmentShareTarget(t.db, financeId, loaded.version, 2000);
		await expect(
			settings.saveInvestmentShareTarget(t.db, financeId, loaded.version, 1000)
		).rejects.toBeInstanceOf(ConflictError);
		expect((await costs.costsPage(t.db, YEAR)).target.value).toBe(0.2);
	});

	it('moves a target only /costs had set to the one key when migrating', async () => {
		const other = await createTestDb(engine);
		try {
			// As a wave-1 database left it: the /costs key alone.
			await other.db.deleteFrom('app_setting').execute();
			await sql`insert into app_setting (key, value) values ('costs.investment_share_target',
				${JSON.stringify({ percent: '12.5000' })}::jsonb)`.execute(other.db);
			await oneTarget.up(other.db);
			expect((await settings.getInvestmentShareTarget(other.db)).value).toBe(0.125);
			const keys = await other.db.selectFrom('app_setting').select('key').execute();
			expect(keys.map((k) => k.key)).toEqual(['investment_share_target']);
		} finally {
			await other.destroy();
		}
	});
});

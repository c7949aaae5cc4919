// Manual entries, corrections and the aggregates behind /costs on both engines: every change
// moves the summary, the process costs and the unit-cost KPI, and stale versions never overwrite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as entries from '../../src/lib/server/costs/entries.service';
import * as costs from '../../src/lib/server/costs/costs.service';
import * as mappings from '../../src/lib/server/costs/mappings.service';
import { rebuildSummary } from '../../src/lib/server/costs/aggregates';
import { can, ROLES } from '../../src/lib/server/auth/permissions';
import { ConflictError, ValidationError } from '../../src/lib/server/shared/errors';

describe('who may write costs', () => {
	it('gives costs.edit, costs.import and allocation.edit to finance and admin only', () => {
		for (const capability of ['costs.edit', 'costs.import', 'allocation.edit'] as const) {
			expect(ROLES.filter((r) => can(r, capability))).toEqual(['admin', 'finance']);
		}
	});
});

describe.each(engines)('costs services on %s', (engine) => {
	let t: TestDb;
	let actor: number;
	let unit: number;
	let process: number;
	let kpi: number;

	async function summaryMatchesLedger() {
		const ledger = await sql<{ n: number; s: bigint }>`select count(*)::int as n,
			coalesce(sum(amount), 0)::bigint as s from cost_entry`.execute(t.db);
		const summary = await sql<{ n: number; s: bigint }>`select coalesce(sum(entries), 0)::int as n,
			coalesce(sum(amount), 0)::bigint as s from cost_month_summary`.execute(t.db);
		expect(summary.rows[0]).toEqual(ledger.rows[0]);
	}

	beforeAll(async () => {
		t = await createTestDb(engine);
		actor = await build.user(t.db, { username: 'ekonom', display_name: 'E', role: 'finance' });
		unit = await build.orgUnit(t.db, { code: 'OSV', name: 'Sociální' });
		process = await build.process(t.db, { code: 'P-DAV', name: 'Dávky', org_unit_id: unit });
		await build.processYear(t.db, { process_id: process, year: 2025, fte: '2.00', volume: 400 });
		kpi = await build.kpi(t.db, {
			code: 'NAK-DAV',
			name: 'Náklady na případ',
			source: 'process_unit_cost',
			source_process_id: process
		});
	});
	afterAll(() => t.destroy());

	it('parses the entry form with Czech formats and refuses bad input at the field', () => {
		const ok = entries.parseEntryForm({
			kind: 'actual',
			month: '3/2025',
			amount: '1 234,50',
			polozka: '5011',
			orgUnitId: '1'
		});
		expect(ok).toMatchObject({
			ok: true,
			value: { month: '2025-03', amount: 123450n, orgUnitId: 1, nature: null }
		});
		const bad = entries.parseEntryForm({
			kind: 'x',
			month: 'březen',
			amount: '12,345',
			polozka: '50',
			paragraf: '61'
		});
		expect(bad).toEqual({
			ok: false,
			errors: {
				kind: 'costs_err_kind',
				month: 'costs_err_month',
				amount: 'costs_err_amount_field',
				polozka: 'costs_err_polozka_field',
				paragraf: 'costs_err_paragraf_field'
			}
		});
	});

	it('a manual entry moves the summary, the full and unit cost and the KPI', async () => {
		const row = await entries.create(t.db, actor, {
			kind: 'actual',
			month: '2025-03',
			amount: 1_000_000n,
			polozka: '5011',
			paragraf: '4339',
			orgUnitId: unit,
			processId: null,
			initiativeId: null,
			nature: null,
			text: 'Platy'
		});
		expect(row.nature).toBe('fixed');
		await summaryMatchesLedger();
		let [p] = await costs.processCosts(t.db, 2025);
		expect(p).toMatchObject({
			direct: 0n,
			allocated: 1_000_000n,
			fullCost: 1_000_000n,
			volume: 400,
			unitCost: 2500n
		});
		expect(p.steps).toEqual([
			{
				orgUnitCode: 'OSV',
				pool: 1_000_000n,
				percent: '100.0000',
				keySource: 'fte',
				amount: 1_000_000n
			}
		]);
		const actual = await t.db
			.selectFrom('kpi_actual')
			.select(['period', 'value'])
			.where('kpi_id', '=', kpi)
			.execute();
		expect(actual).toEqual([{ period: '2025', value: '25.0000' }]);

		// A correction: the amount changes, a stale version is refused, nothing overwritten.
		const input = {
			kind: 'actual' as const,
			month: '2025-03',
			amount: 2_000_000n,
			polozka: '5011',
			paragraf: '4339',
			orgUnitId: unit,
			processId: process,
			initiativeId: null,
			nature: null,
			text: 'Platy opr.'
		};
		await entries.update(t.db, actor, row.id, 1, input);
		await expect(
			entries.update(t.db, actor, row.id, 1, { ...input, amount: 5n })
		).rejects.toBeInstanceOf(ConflictError);
		await summaryMatchesLedger();
		[p] = await costs.processCosts(t.db, 2025);
		expect(p).toMatchObject({ direct: 2_000_000n, allocated: 0n, unitCost: 5000n });
		const kpiValue = await t.db
			.selectFrom('kpi_actual')
			.select('value')
			.where('kpi_id', '=', kpi)
			.executeTakeFirstOrThrow();
		expect(kpiValue.value).toBe('50.0000');

		await expect(entries.create(t.db, actor, { ...input, polozka: '5999' })).rejects.toBeInstanceOf(
			ValidationError
		);
		await entries.remove(t.db, actor, row.id, 2);
		await summaryMatchesLedger();
		expect(await t.db.selectFrom('cost_month_summary').selectAll().execute()).toEqual([]);
		const log = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'cost_entry')
			.orderBy('id')
			.execute();
		expect(log.map((l) => l.action)).toEqual([
			'costs.entry_create',
			'costs.entry_update',
			'costs.entry_delete'
		]);
	});

	it('computes the investment share, budget against actual and the target from the summary', async () => {
		const at = { org_unit_id: unit };
		await build.costEntries(t.db, [
			{ ...at, month: '2024-05-01', amount: 900_00n },
			{ ...at, month: '2024-05-01', amount: 100_00n, nature: 'investment', polozka: '6111' },
			{ ...at, month: '2025-05-01', amount: 600_00n },
			{ ...at, month: '2025-06-01', amount: 200_00n, nature: 'variable', polozka: '5161' },
			{ ...at, month: '2025-06-01', amount: 200_00n, nature: 'investment', polozka: '6125' },
			{ ...at, kind: 'budget', month: '2025-01-01', amount: 1_200_00n }
		]);
		await rebuildSummary(t.db);
		const share = await costs.investmentShare(t.db, [2024, 2025]);
		expect(share.map((s) => [s.year, s.total, s.share])).toEqual([
			[2024, 1_000_00n, 0.1],
			[2025, 1_000_00n, 0.2]
		]);
		const summary = await costs.yearSummary(t.db, 2025);
		expect(summary.totals.fixed).toEqual({ budget: 1_200_00n, actual: 600_00n });
		expect(summary.totals.all.actual).toBe(1_000_00n);
		expect(summary.monthly.investment[5]).toBe(200_00n);
		expect(summary.byCategory.map((c) => [c.polozka, c.budget, c.actual])).toEqual([
			['5011', 1_200_00n, 600_00n],
			['5161', 0n, 200_00n],
			['6125', 0n, 200_00n]
		]);
		expect(summary.byCategory[0].name).toContain('Platy');
		expect(summary.byOrgUnit).toEqual([
			expect.objectContaining({ orgUnitId: unit, budget: 1_200_00n, actual: 1_000_00n })
		]);
		expect(summary.monthly.fixed[4]).toBe(600_00n);
	});

	it('keeps the mappings finance maintains, with versions', async () => {
		await mappings.saveOrj(t.db, actor, '0120', unit);
		await expect(mappings.saveOrj(t.db, actor, '=1+1', unit)).rejects.toBeInstanceOf(
			ValidationError
		);
		const { orj, categories } = await mappings.lists(t.db);
		expect(orj.map((o) => [o.orj, o.code])).toEqual([['0120', 'OSV']]);
		const c5139 = categories.find((c) => c.polozka === '5139')!;
		expect(c5139.nature).toBe('variable');
		await mappings.setNature(t.db, actor, '5139', c5139.version, 'fixed');
		await expect(
			mappings.setNature(t.db, actor, '5139', c5139.version, 'investment')
		).rejects.toBeInstanceOf(ConflictError);
		await mappings.deleteOrj(t.db, actor, '0120');
		expect((await mappings.lists(t.db)).orj).toEqual([]);
	});
});

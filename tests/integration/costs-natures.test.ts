// The natures table saved in one go (/costs/mappings): every changed row or none, each row with
// the version its page was loaded with, each change in the audit log, the ledger following.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as mappings from '../../src/lib/server/costs/mappings.service';
import { rebuildSummary } from '../../src/lib/server/costs/aggregates';
import { ConflictError, NotFoundError, ValidationError } from '../../src/lib/server/shared/errors';

describe.each(engines)('the natures table saved at once on %s', (engine) => {
	let t: TestDb;
	let actor: number;

	const category = async (polozka: string) =>
		(await mappings.lists(t.db)).categories.find((c) => c.polozka === polozka)!;
	const auditCount = async () =>
		Number(
			(
				await t.db
					.selectFrom('audit_event')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('action', '=', 'costs.category_nature')
					.executeTakeFirstOrThrow()
			).n
		);
	const ledgerNature = async (polozka: string) =>
		(
			await t.db
				.selectFrom('cost_entry')
				.select('nature')
				.where('polozka', '=', polozka)
				.executeTakeFirstOrThrow()
		).nature;
	const monthNature = async (nature: 'fixed' | 'variable' | 'investment' | 'capital') =>
		BigInt(
			(
				await t.db
					.selectFrom('cost_nature_month')
					.select((eb) => eb.fn.coalesce(eb.fn.sum<bigint>('amount'), eb.lit(0)).as('s'))
					.where('year', '=', 2025)
					.where('kind', '=', 'actual')
					.where('nature', '=', nature)
					.executeTakeFirstOrThrow()
			).s
		);

	beforeAll(async () => {
		t = await createTestDb(engine);
		actor = await build.user(t.db, { username: 'ekonom', display_name: 'E', role: 'finance' });
		const unit = await build.orgUnit(t.db, { code: 'OSV', name: 'Sociální' });
		await build.costEntries(t.db, [
			{
				org_unit_id: unit,
				month: '2025-03-01',
				amount: 300_00n,
				polozka: '5139',
				nature: 'variable'
			},
			{
				org_unit_id: unit,
				month: '2025-04-01',
				amount: 450_00n,
				polozka: '5161',
				nature: 'variable'
			}
		]);
		await rebuildSummary(t.db);
	});
	afterAll(() => t.destroy());

	it('saves the changed rows together, leaves an unchanged one alone and audits each change', async () => {
		const [a, b, same] = await Promise.all([category('5139'), category('5161'), category('5011')]);
		expect([a.nature, b.nature]).toEqual(['variable', 'variable']);
		const audited = await auditCount();

		const result = await mappings.saveNatures(t.db, actor, [
			{ polozka: '5139', version: a.version, nature: 'fixed' },
			{ polozka: '5161', version: b.version, nature: 'investment' },
			{ polozka: '5011', version: same.version, nature: same.nature }
		]);

		expect(result.saved).toBe(2);
		const [a2, b2, same2] = await Promise.all([
			category('5139'),
			category('5161'),
			category('5011')
		]);
		expect([a2.nature, a2.version]).toEqual(['fixed', a.version + 1]);
		expect([b2.nature, b2.version]).toEqual(['investment', b.version + 1]);
		expect(same2.version).toBe(same.version);
		expect(await auditCount()).toBe(audited + 2);
		const log = await t.db
			.selectFrom('audit_event')
			.select(['entity', 'entity_id', 'user_id', 'before', 'after'])
			.where('action', '=', 'costs.category_nature')
			.orderBy('id', 'desc')
			.limit(2)
			.execute();
		expect(log.map((l) => [l.entity, l.entity_id, l.user_id]).sort()).toEqual([
			['cost_category', '5139', actor],
			['cost_category', '5161', actor]
		]);
		// A line on an improvement item turns investment, and the year's aggregates follow; a line
		// keeps the nature chosen for it otherwise (the rule of costs.repository `classified`).
		expect(await ledgerNature('5161')).toBe('investment');
		expect(await ledgerNature('5139')).toBe('variable');
		expect(await monthNature('investment')).toBe(450_00n);
		expect(await monthNature('variable')).toBe(300_00n);
	});

	it('refuses the whole save when one row is stale, naming that row, and writes nothing', async () => {
		const [a, b] = await Promise.all([category('5139'), category('5161')]);
		const audited = await auditCount();
		// Someone else saves 5161 after this page was loaded.
		await mappings.saveNatures(t.db, actor, [
			{ polozka: '5161', version: b.version, nature: 'capital' }
		]);

		const refused = await mappings
			.saveNatures(t.db, actor, [
				{ polozka: '5139', version: a.version, nature: 'investment' },
				{ polozka: '5161', version: b.version, nature: 'fixed' }
			])
			.catch((e: unknown) => e);

		expect(refused).toBeInstanceOf(ConflictError);
		expect((refused as ConflictError).current).toEqual({
			polozka: '5161',
			nature: 'capital',
			version: b.version + 1
		});
		// 5139 was valid and first in line, yet nothing of the save stayed.
		expect((await category('5139')).nature).toBe('fixed');
		expect((await category('5139')).version).toBe(a.version);
		expect(await ledgerNature('5139')).toBe('variable');
		expect(await monthNature('investment')).toBe(0n);
		expect(await auditCount()).toBe(audited + 1);
	});

	it('refuses an unknown nature at its row before anything is read or written', async () => {
		const [a, b] = await Promise.all([category('5139'), category('5161')]);
		const audited = await auditCount();
		const refused = await mappings
			.saveNatures(t.db, actor, [
				{ polozka: '5139', version: a.version, nature: 'variable' },
				{ polozka: '5161', version: b.version, nature: 'neplatná' }
			])
			.catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).errors).toEqual({ 'nature.5161': 'error_choice' });
		expect((await category('5139')).version).toBe(a.version);
		expect(await auditCount()).toBe(audited);
	});

	it('refuses a položka that does not exist, and nothing of the rest is saved', async () => {
		const a = await category('5139');
		const refused = await mappings
			.saveNatures(t.db, actor, [
				{ polozka: '5139', version: a.version, nature: 'variable' },
				{ polozka: '9999', version: 1, nature: 'fixed' }
			])
			.catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(NotFoundError);
		expect((await category('5139')).nature).toBe('fixed');
	});
});

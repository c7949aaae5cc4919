// The read API: who may call it (bearer tokens, revocation, roles) and what it answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import { authorize } from '../../src/lib/server/api/guard';
import * as tokens from '../../src/lib/server/api/tokens.service';
import * as read from '../../src/lib/server/api/read.repository';
import { czkText } from '../../src/lib/money';
import { openApiDocument } from '../../src/lib/server/api/openapi';
import { rebuildSummary } from '../../src/lib/server/costs/aggregates';
import { refreshProcessCosts } from '../../src/lib/server/allocation/allocation.service';
import { ConflictError, ValidationError } from '../../src/lib/server/shared/errors';

describe.each(engines)('read API on %s', (engine) => {
	let t: TestDb;
	const ids: Record<string, number> = {};

	beforeAll(async () => {
		t = await createTestDb(engine);
		Object.assign(
			ids,
			await build.users(t.db, { admin: 'admin', viewer: 'viewer', manager: 'manager' })
		);
	});
	afterAll(() => t.destroy());

	it('answers 401 without a token or session, and for a malformed or unknown token', async () => {
		expect(await authorize(t.db, null, null, 'read')).toEqual({
			ok: false,
			status: 401,
			error: 'unauthorized'
		});
		for (const header of [
			'Bearer',
			'Basic abc',
			'Bearer dilna_short',
			`Bearer ${tokens.generateToken()}`
		]) {
			const result = await authorize(t.db, header, null, 'read');
			expect(result).toMatchObject({ ok: false, status: 401 });
		}
	});

	it('stores only the hash of an issued token and lets it read with its user role', async () => {
		const issued = await tokens.issue(t.db, ids.admin, { userId: ids.viewer, name: 'BI' });
		expect(issued.token).toMatch(/^dilna_[a-z2-7]{32}$/);
		const row = await t.db
			.selectFrom('api_token')
			.selectAll()
			.where('id', '=', issued.id)
			.executeTakeFirstOrThrow();
		expect(row.token_hash).toBe(tokens.hashToken(issued.token));
		expect(row.token_hash).not.toContain(issued.token.slice(6));

		const ok = await authorize(t.db, `Bearer ${issued.token}`, null, 'read');
		expect(ok.ok && ok.user.id).toBe(ids.viewer);
		expect(ok.ok && ok.user.role).toBe('viewer');
		// The viewer's token may not read what a viewer may not read.
		expect(await authorize(t.db, `Bearer ${issued.token}`, null, 'audit.read')).toEqual({
			ok: false,
			status: 403,
			error: 'forbidden'
		});
		const used = await t.db
			.selectFrom('api_token')
			.select('last_used_at')
			.where('id', '=', issued.id)
			.executeTakeFirstOrThrow();
		expect(used.last_used_at).toBeInstanceOf(Date);

		const audited = await t.db
			.selectFrom('audit_event')
			.select(['action', 'after'])
			.where('entity', '=', 'api_token')
			.where('entity_id', '=', String(issued.id))
			.execute();
		expect(audited.map((a) => a.action)).toEqual(['api_token.issue']);
		expect(JSON.stringify(audited[0].after)).not.toContain(issued.token);
	});

	it('a manager token reads the audit log; a role change applies to existing tokens', async () => {
		const issued = await tokens.issue(t.db, ids.admin, { userId: ids.manager, name: 'audit' });
		expect((await authorize(t.db, `Bearer ${issued.token}`, null, 'audit.read')).ok).toBe(true);
		await t.db
			.updateTable('app_user')
			.set({ role: 'viewer' })
			.where('id', '=', ids.manager)
			.execute();
		expect(await authorize(t.db, `Bearer ${issued.token}`, null, 'audit.read')).toMatchObject({
			ok: false,
			status: 403
		});
		await t.db
			.updateTable('app_user')
			.set({ role: 'manager' })
			.where('id', '=', ids.manager)
			.execute();
	});

	it('refuses a revoked token and a deactivated user with 401, even beside a valid session', async () => {
		const issued = await tokens.issue(t.db, ids.admin, { userId: ids.manager, name: 'to revoke' });
		const header = `Bearer ${issued.token}`;
		expect((await authorize(t.db, header, null, 'read')).ok).toBe(true);

		const [listed] = (await tokens.list(t.db)).filter((x) => x.id === issued.id);
		await expect(tokens.revoke(t.db, ids.admin, issued.id, listed.version + 1)).rejects.toThrow(
			ConflictError
		);
		expect((await authorize(t.db, header, null, 'read')).ok).toBe(true);
		await tokens.revoke(t.db, ids.admin, issued.id, listed.version);
		const session = {
			id: ids.admin,
			username: 'admin',
			displayName: 'admin',
			role: 'admin' as const
		};
		expect(await authorize(t.db, header, session, 'read')).toEqual({
			ok: false,
			status: 401,
			error: 'invalid_token'
		});
		const revoked = (await tokens.list(t.db)).find((x) => x.id === issued.id)!;
		expect(revoked.revokedAt).toBeInstanceOf(Date);

		const other = await tokens.issue(t.db, ids.admin, { userId: ids.viewer, name: 'inactive' });
		await t.db
			.updateTable('app_user')
			.set({ active: false })
			.where('id', '=', ids.viewer)
			.execute();
		expect(await authorize(t.db, `Bearer ${other.token}`, null, 'read')).toMatchObject({
			ok: false,
			status: 401
		});
		await t.db.updateTable('app_user').set({ active: true }).where('id', '=', ids.viewer).execute();
	});

	it('validates the issue form and refuses a token for an unknown or inactive user', async () => {
		expect(tokens.parseIssue({ name: ' ', userId: 'x' })).toEqual({
			ok: false,
			errors: { name: 'overview_error_token_name', userId: 'overview_error_token_user' }
		});
		expect(tokens.parseIssue({ name: 'a'.repeat(101), userId: '1' })).toMatchObject({
			ok: false,
			errors: { name: 'overview_error_token_name_long' }
		});
		await expect(tokens.issue(t.db, ids.admin, { userId: 999_999, name: 'x' })).rejects.toThrow(
			ValidationError
		);
		const before = await t.db.selectFrom('api_token').select('id').execute();
		await t.db
			.updateTable('app_user')
			.set({ active: false })
			.where('id', '=', ids.viewer)
			.execute();
		await expect(tokens.issue(t.db, ids.admin, { userId: ids.viewer, name: 'x' })).rejects.toThrow(
			ValidationError
		);
		await t.db.updateTable('app_user').set({ active: true }).where('id', '=', ids.viewer).execute();
		expect(await t.db.selectFrom('api_token').select('id').execute()).toHaveLength(before.length);
	});

	it('returns cost totals per year and nature exactly, money as decimal strings', async () => {
		await build.costEntries(t.db, [
			{ month: '2025-01-01', amount: 900719925474099301n },
			{ month: '2025-12-01', amount: -1n },
			{ month: '2026-03-01', amount: 12345n, nature: 'investment', polozka: '6111' },
			{ kind: 'budget', month: '2026-01-01', amount: 50000n, nature: 'investment', polozka: '6111' }
		]);
		await rebuildSummary(t.db);
		const all = await read.costSummary(t.db, null);
		expect(all).toEqual([
			{ year: 2025, kind: 'actual', nature: 'fixed', amount: 900719925474099300n },
			{ year: 2026, kind: 'actual', nature: 'investment', amount: 12345n },
			{ year: 2026, kind: 'budget', nature: 'investment', amount: 50000n }
		]);
		expect(await read.costSummary(t.db, 2025)).toHaveLength(1);
		expect(czkText(900719925474099300n)).toBe('9007199254740993.00');
		expect(czkText(-5n)).toBe('-0.05');
		expect(czkText(12345n)).toBe('123.45');
	});

	it('lists processes with yearly volume, full cost and cost per case from the aggregates', async () => {
		const unit = await build.orgUnit(t.db, { code: 'OVV', name: 'Odbor vnitřních věcí' });
		const process = await build.process(t.db, {
			code: 'P01',
			name: 'Evidence obyvatel',
			org_unit_id: unit
		});
		await build.processYear(t.db, { process_id: process, year: 2026, volume: 3, fte: '1.50' });
		await build.costEntries(t.db, [
			{
				month: '2026-02-01',
				amount: 1000n,
				nature: 'variable',
				polozka: '5161',
				process_id: process
			}
		]);
		await rebuildSummary(t.db);
		await refreshProcessCosts(t.db, [2026]);
		const [p] = await read.processes(t.db, 2026);
		expect(p).toMatchObject({ code: 'P01', kind: 'core', orgUnit: 'OVV' });
		expect(p.years).toEqual([
			{
				year: 2026,
				volume: 3,
				fte: '1.50',
				leadTimeDays: null,
				directCost: '10.00',
				allocatedCost: '0.00',
				fullCost: '10.00',
				unitCost: '3.33'
			}
		]);
	});

	it('lists KPIs with every target, actual and status per period', async () => {
		const kpi = await build.kpi(t.db, {
			code: 'K1',
			name: 'Podání elektronicky',
			unit: '%',
			frequency: 'yearly'
		});
		await build.kpiPeriod(t.db, kpi, '2025', { target: '40', tolerance: '5', actual: '41' });
		await build.kpiPeriod(t.db, kpi, '2026', { target: '50', tolerance: '5', actual: '44' });
		const [k] = (await read.kpisWithSeries(t.db, 2026)).filter((x) => x.code === 'K1');
		expect(k).toMatchObject({ unit: '%', direction: 'higher', frequency: 'yearly' });
		expect(k.periods.map((p) => [p.period, p.target, p.actual, p.status])).toEqual([
			['2025', '40', '41', 'on_target'],
			['2026', '50', '44', 'off_target']
		]);
	});

	it('describes every endpoint under src/routes/api/v1 in the OpenAPI document', () => {
		const root = path.resolve('src/routes/api/v1');
		const endpoints: string[] = [];
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir)) {
				const full = path.join(dir, entry);
				if (statSync(full).isDirectory()) walk(full);
				else if (entry === '+server.ts') {
					endpoints.push('/' + path.relative(root, dir).split(path.sep).join('/'));
				}
			}
		};
		walk(root);
		const doc = openApiDocument('1.0.0', 'http://localhost/api/v1');
		expect(doc.openapi).toBe('3.1.0');
		const documented = Object.keys(doc.paths).sort();
		expect(endpoints.filter((e) => e !== '/openapi.json').sort()).toEqual(documented);
	});
});

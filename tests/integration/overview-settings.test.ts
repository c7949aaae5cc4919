// The public page's settings: off by default, saved with an audit record, concurrent saves refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as settings from '../../src/lib/server/settings/settings.service';
import { parsePublicPageForm, toPublicPageSettings } from '../../src/lib/server/settings/settings';
import { ConflictError } from '../../src/lib/server/users/users';

describe.each(engines)('public page settings on %s', (engine) => {
	let t: TestDb;
	let adminId: number;
	beforeAll(async () => {
		t = await createTestDb(engine);
		adminId = (
			await t.db
				.insertInto('app_user')
				.values({ username: 'admin', display_name: 'Admin', role: 'admin', password_hash: 'x' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	});
	afterAll(() => t.destroy());

	it('is off until an admin turns it on, and keeps what was chosen', async () => {
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
});

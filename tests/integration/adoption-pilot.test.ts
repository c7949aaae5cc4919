// The pilot's scope, on both engines: a unit joining the pilot starts with goals and processes,
// the admin widens it area by area (audited), its people's navigation follows, and managers and
// people outside the pilot keep every area.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as adoption from '../../src/lib/server/adoption/adoption.service';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { ValidationError } from '../../src/lib/server/shared/errors';

describe.each(engines)('the pilot’s scope on %s', (engine) => {
	let t: TestDb;
	let admin: SessionUser;
	let owner: SessionUser;
	let outsider: SessionUser;
	let manager: SessionUser;
	let units: Record<'OVV' | 'OF', number>;

	const as = (id: number, role: SessionUser['role']) => ({
		id,
		role,
		username: `u${id}`,
		displayName: `U${id}`
	});

	beforeAll(async () => {
		t = await createTestDb(engine);
		const ids = await build.users(t.db, {
			admin: 'admin',
			garant: 'process_owner',
			ekonom: 'finance',
			tajemnik: 'manager'
		});
		admin = as(ids.admin, 'admin');
		owner = as(ids.garant, 'process_owner');
		outsider = as(ids.ekonom, 'finance');
		manager = as(ids.tajemnik, 'manager');
		units = await build.orgUnits(t.db, ['OVV', 'OF']);
		await adoption.setMember(t.db, admin, owner.id, units.OVV, false);
		await adoption.setMember(t.db, admin, outsider.id, units.OF, false);
		await adoption.setMember(t.db, admin, manager.id, units.OVV, false);
	});
	afterAll(() => t.destroy());

	it('shows every area while the unit is not in the pilot', async () => {
		expect((await adoption.layoutFor(t.db, owner)).areas).toBeNull();
	});

	it('starts a unit joining the pilot with goals and processes, for its people only', async () => {
		await adoption.setPilot(t.db, admin, units.OVV, true);
		expect((await adoption.layoutFor(t.db, owner)).areas).toEqual(['goals', 'processes']);
		expect((await adoption.layoutFor(t.db, manager)).areas).toBeNull();
		expect((await adoption.layoutFor(t.db, outsider)).areas).toBeNull();
		expect(await adoption.pilots(t.db)).toEqual([
			{ id: units.OVV, code: 'OVV', name: 'OVV', areas: ['goals', 'processes'] }
		]);
	});

	it('widens the scope area by area and records what was on before', async () => {
		await adoption.setPilotAreas(t.db, admin, units.OVV, ['goals', 'processes', 'caf']);
		expect((await adoption.layoutFor(t.db, owner)).areas).toEqual(['goals', 'processes', 'caf']);
		const event = await t.db
			.selectFrom('audit_event')
			.select(['action', 'user_id', 'before', 'after'])
			.where('action', '=', 'adoption.pilot_areas_update')
			.executeTakeFirstOrThrow();
		expect(event).toMatchObject({
			user_id: admin.id,
			before: { areas: ['goals', 'processes'] },
			after: { areas: ['goals', 'processes', 'caf'] }
		});
	});

	it('refuses a scope for a unit outside the pilot and changes nothing', async () => {
		await expect(adoption.setPilotAreas(t.db, admin, units.OF, ['costs'])).rejects.toThrow(
			ValidationError
		);
		expect((await adoption.layoutFor(t.db, outsider)).areas).toBeNull();
		expect(
			await t.db
				.selectFrom('adoption_pilot_area')
				.select('area')
				.where('org_unit_id', '=', units.OF)
				.execute()
		).toEqual([]);
	});

	it('gives every area back when the unit leaves the pilot, and starts afresh on return', async () => {
		await adoption.setPilot(t.db, admin, units.OVV, false);
		expect((await adoption.layoutFor(t.db, owner)).areas).toBeNull();
		await adoption.setPilot(t.db, admin, units.OVV, true);
		expect((await adoption.layoutFor(t.db, owner)).areas).toEqual(['goals', 'processes']);
	});
	it("keeps each user's layout apart and follows a change to it at once", async () => {
		// The layout is kept per data version: a page costs no query for it, yet what changes shows.
		await adoption.setPilot(t.db, admin, units.OF, true);
		expect((await adoption.layoutFor(t.db, outsider)).areas).toEqual(['goals', 'processes']);
		await adoption.setMember(t.db, admin, outsider.id, units.OVV, false);
		expect((await adoption.layoutFor(t.db, outsider)).areas).toEqual(
			(await adoption.layoutFor(t.db, owner)).areas
		);
		expect((await adoption.layoutFor(t.db, outsider)).guideDismissed).toBe(false);
		await adoption.dismissGuide(t.db, outsider.id, () => new Date('2026-03-02T09:00:00Z'));
		expect((await adoption.layoutFor(t.db, outsider)).guideDismissed).toBe(true);
		expect((await adoption.layoutFor(t.db, owner)).guideDismissed).toBe(false);
	});
});

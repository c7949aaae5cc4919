import { describe, expect, it } from 'vitest';
import { GUEST_ROUTES, guestActive, guestMayOpen, type GuestScope } from './scope';

const scope: GuestScope = {
	userId: 9,
	expiresOn: '2026-12-31',
	revoked: false,
	councilReport: false,
	mayScore: false,
	cafRounds: [3],
	processes: [7, 8]
};

describe('guestMayOpen', () => {
	it('opens the rounds and processes of the scope, and nothing of the same kind besides', () => {
		expect(guestMayOpen(scope, '/(app)/caf/[id]', { id: '3' })).toBe('allowed');
		expect(guestMayOpen(scope, '/(app)/caf/[id]/[code]', { id: '3', code: '1.1' })).toBe('allowed');
		expect(guestMayOpen(scope, '/(app)/caf/[id]/results', { id: '4' })).toBe('not_found');
		expect(guestMayOpen(scope, '/(app)/processes/[id]', { id: '8' })).toBe('allowed');
		expect(guestMayOpen(scope, '/(app)/processes/[id]/model', { id: '3' })).toBe('not_found');
	});

	it('refuses ids that are not plain numbers', () => {
		for (const id of ['3abc', '-3', '0', '', '3.0e0x', '1e99']) {
			expect(guestMayOpen(scope, '/(app)/caf/[id]', { id })).toBe('not_found');
		}
	});

	it('refuses every other area, the lists, the ledger, people and the admin', () => {
		for (const route of [
			'/(app)',
			'/(app)/caf',
			'/(app)/caf/[id]/export/[table]',
			'/(app)/processes',
			'/(app)/costs',
			'/(app)/people',
			'/(app)/admin/users',
			'/(app)/knowledge',
			'/(app)/reports/goals/[id]',
			'/api/v1/processes'
		]) {
			expect(guestMayOpen(scope, route, { id: '3' }), route).toBe('forbidden');
		}
		expect(guestMayOpen(scope, null, {})).toBe('forbidden');
		expect(guestMayOpen(null, '/(app)/guest', {})).toBe('forbidden');
	});

	it('opens the council report only when it is in the scope', () => {
		expect(guestMayOpen(scope, '/(app)/reports/council', {})).toBe('forbidden');
		expect(guestMayOpen({ ...scope, councilReport: true }, '/(app)/reports/council', {})).toBe(
			'allowed'
		);
	});

	it('always opens their own landing and account', () => {
		const empty = { ...scope, cafRounds: [], processes: [] };
		expect(guestMayOpen(empty, '/(app)/guest', {})).toBe('allowed');
		expect(guestMayOpen(empty, '/(app)/account', {})).toBe('allowed');
	});

	it('lists only pages of the app', () => {
		for (const route of Object.keys(GUEST_ROUTES)) expect(route.startsWith('/(app)/')).toBe(true);
	});
});

describe('guestActive', () => {
	it('holds through the expiry day and ends the next day', () => {
		expect(guestActive(scope, '2026-12-30')).toBe(true);
		expect(guestActive(scope, '2026-12-31')).toBe(true);
		expect(guestActive(scope, '2027-01-01')).toBe(false);
	});
	it('ends at once when revoked, and without a grant', () => {
		expect(guestActive({ ...scope, revoked: true }, '2026-01-01')).toBe(false);
		expect(guestActive(null, '2026-01-01')).toBe(false);
	});
});

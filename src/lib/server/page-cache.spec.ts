import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from './auth/session';
import { KEPT_PAGES, mayKeepPage, pageKey } from './page-cache';

const MAYOR: SessionUser = {
	id: 1,
	username: 'starosta',
	displayName: 'Jana Nová',
	role: 'manager'
};

/** The parts of a request the page cache reads. */
function request(
	over: {
		method?: string;
		route?: string | null;
		url?: string;
		isDataRequest?: boolean;
		user?: SessionUser | null;
		dataVersion?: bigint | null;
		sessionRenewed?: boolean;
	} = {}
): RequestEvent {
	return {
		request: new Request(over.url ?? 'http://dilna.test/costs', { method: over.method ?? 'GET' }),
		url: new URL(over.url ?? 'http://dilna.test/costs'),
		route: { id: over.route === undefined ? '/(app)/costs' : over.route },
		isDataRequest: over.isDataRequest ?? false,
		locals: {
			user: over.user === undefined ? MAYOR : over.user,
			dataVersion: over.dataVersion === undefined ? 7n : over.dataVersion,
			sessionRenewed: over.sessionRenewed ?? false
		}
	} as unknown as RequestEvent;
}

describe('which answers may be a kept page', () => {
	it('keeps a signed-in staff member’s full page load of a listed page', () => {
		expect(mayKeepPage(request())).toBe(true);
		expect(mayKeepPage(request({ route: '/(app)', url: 'http://dilna.test/' }))).toBe(true);
	});

	it('draws afresh a form post, a client navigation’s data, an unlisted page, and a signed-out visitor', () => {
		expect(mayKeepPage(request({ method: 'POST' }))).toBe(false);
		expect(mayKeepPage(request({ isDataRequest: true }))).toBe(false);
		expect(mayKeepPage(request({ route: '/(app)/account' }))).toBe(false);
		expect(mayKeepPage(request({ route: null }))).toBe(false);
		expect(mayKeepPage(request({ user: null }))).toBe(false);
	});

	it('draws afresh for a guest (every request of theirs is audited) and when the session cookie goes out again', () => {
		expect(mayKeepPage(request({ user: { ...MAYOR, role: 'guest' } }))).toBe(false);
		expect(mayKeepPage(request({ sessionRenewed: true }))).toBe(false);
		// Without the version read with the session there is nothing to keep it by.
		expect(mayKeepPage(request({ dataVersion: null }))).toBe(false);
	});

	it('lists only pages that exist', () => {
		for (const id of KEPT_PAGES) expect(existsSync(`src/routes${id}/+page.svelte`), id).toBe(true);
	});
});

describe('what a kept page is kept by', () => {
	const key = (over: Parameters<typeof request>[0] = {}, locale = 'cs', today = '2026-12-07') =>
		pageKey(request(over), locale, today);

	it('is the same for the same user, address, language and day', () => {
		expect(key()).toBe(key());
	});

	it('differs by user, role, name and second factor: nobody is sent a page drawn for another', () => {
		const keys = new Set([
			key(),
			key({ user: { ...MAYOR, id: 2 } }),
			key({ user: { ...MAYOR, role: 'viewer' } }),
			key({ user: { ...MAYOR, displayName: 'Jana Nová-Malá' } }),
			key({ user: { ...MAYOR, twoFactor: true } })
		]);
		expect(keys.size).toBe(5);
	});

	it('differs by address and query, language, day and route', () => {
		const keys = new Set([
			key(),
			key({ url: 'http://dilna.test/costs?year=2025' }),
			key({ url: 'http://dilna.test/costs?page=2' }),
			key({}, 'en'),
			key({}, 'cs', '2026-12-08'),
			key({ route: '/(app)' })
		]);
		expect(keys.size).toBe(6);
	});
});

// The busiest pages are drawn once per data version and user and then sent again as they were
// (page-cache.ts): a change to the data draws them anew, and only a page worth keeping is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptPage } from '../../src/lib/server/page-cache';
import { dataVersion } from '../../src/lib/server/db/data-version';
import * as settings from '../../src/lib/server/settings/settings.service';
import { seedDemoIfEmpty } from '../../src/lib/server/demo/seed';
import { fixedClock } from '../../src/lib/server/shared/clock';
import { createTestDb, engines, type TestDb } from './harness';

/** A drawing that counts how often it ran, answers `status` and sets a cookie like a session's. */
function drawing(status = 200, body = (n: number) => `<p>page ${n}</p>`, delayMs = 0) {
	const draw = async () => {
		draw.count += 1;
		const n = draw.count;
		if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
		return new Response(body(n), {
			status,
			headers: {
				'content-type': 'text/html',
				etag: `"page-${n}"`,
				'set-cookie': `session=token-${n}; Path=/; HttpOnly`
			}
		});
	};
	draw.count = 0;
	return draw;
}

describe.each(engines)('kept pages on %s', (engine) => {
	let t: TestDb;
	let admin: number;
	beforeAll(async () => {
		t = await createTestDb(engine);
		await seedDemoIfEmpty(t.db, { clock: fixedClock('2026-12-03') });
		({ id: admin } = await t.db
			.selectFrom('app_user')
			.select('id')
			.where('role', '=', 'admin')
			.executeTakeFirstOrThrow());
	}, 120_000);
	afterAll(() => t.destroy());

	it('draws a page once per data version and key, sends it again without the cookie, and draws it again after a change', async () => {
		const draw = drawing();
		const before = await dataVersion(t.db);
		const first = await keptPage(t.db, 'a|/', before, draw);
		const again = await keptPage(t.db, 'a|/', before, draw);
		expect(draw.count).toBe(1);
		// The drawing request keeps its own cookie; the page sent again carries none.
		expect(first.headers.get('set-cookie')).toBe('session=token-1; Path=/; HttpOnly');
		expect(again.headers.get('set-cookie')).toBeNull();
		expect(await again.text()).toBe('<p>page 1</p>');
		expect(again.headers.get('etag')).toBe('"page-1"');
		expect(await first.text()).toBe('<p>page 1</p>');
		// Another key (another user, address or language) is drawn for itself.
		await keptPage(t.db, 'b|/', before, draw);
		expect(draw.count).toBe(2);

		const target = await settings.getInvestmentShareTarget(t.db);
		await settings.saveInvestmentShareTarget(t.db, admin, target.version, 1750);
		const after = await dataVersion(t.db);
		expect(after).toBeGreaterThan(before);
		const changed = await keptPage(t.db, 'a|/', after, draw);
		expect(draw.count).toBe(3);
		expect(await changed.text()).toBe('<p>page 3</p>');
	});

	it('keeps no refusal, redirect or non-page: each request draws its own', async () => {
		const version = await dataVersion(t.db);
		for (const [status, type] of [
			[403, 'text/html'],
			[303, 'text/html'],
			[200, 'application/json']
		] as const) {
			let count = 0;
			const draw = async () => {
				count += 1;
				return new Response(`answer ${count}`, { status, headers: { 'content-type': type } });
			};
			const key = `refused|${status}|${type}`;
			const one = await keptPage(t.db, key, version, draw);
			const two = await keptPage(t.db, key, version, draw);
			expect([one.status, two.status]).toEqual([status, status]);
			expect([await one.text(), await two.text()]).toEqual(['answer 1', 'answer 2']);
		}
	});

	it('requests that miss together share one drawing; when it is not kept, each draws its own', async () => {
		const version = await dataVersion(t.db);
		const draw = drawing(200, (n) => `<p>burst ${n}</p>`, 50);
		const pages = await Promise.all(
			Array.from({ length: 6 }, () => keptPage(t.db, 'burst|/', version, draw))
		);
		expect(draw.count).toBe(1);
		expect(await Promise.all(pages.map((p) => p.text()))).toEqual(Array(6).fill('<p>burst 1</p>'));

		const refused = drawing(403, (n) => `refused ${n}`, 50);
		const answers = await Promise.all(
			Array.from({ length: 3 }, () => keptPage(t.db, 'refused-burst|/', version, refused))
		);
		// The first drew and was refused; the two that waited on it drew their own.
		expect(refused.count).toBe(3);
		expect(answers.map((a) => a.status)).toEqual([403, 403, 403]);
		expect((await Promise.all(answers.map((a) => a.text()))).sort()).toEqual([
			'refused 1',
			'refused 2',
			'refused 3'
		]);
	});
});

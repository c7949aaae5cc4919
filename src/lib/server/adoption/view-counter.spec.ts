import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ViewCount } from './adoption.repository';
import { createViewCounter } from './view-counter';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 3, 9, minute));

describe('createViewCounter', () => {
	afterEach(() => vi.useRealTimers());

	it('sums views per month, route and user and writes them in one batch with the latest time', async () => {
		const writes: ViewCount[][] = [];
		const counter = createViewCounter(
			async (c) => void writes.push(c),
			() => {},
			1_000
		);
		counter.add('2026-03', '/(app)', 1, at(5));
		counter.add('2026-03', '/(app)', 1, at(9));
		counter.add('2026-03', '/(app)', 1, at(7));
		counter.add('2026-03', '/(app)/costs', 1, at(8));
		counter.add('2026-03', '/(app)', 2, at(6));
		expect(counter.pending()).toBe(5);
		expect(writes).toHaveLength(0);
		await counter.flush();
		expect(writes).toHaveLength(1);
		const byKey = Object.fromEntries(writes[0].map((c) => [`${c.userId}${c.routeId}`, c]));
		expect(byKey['1/(app)']).toMatchObject({ views: 3, lastSeenAt: at(9), month: '2026-03' });
		expect(byKey['1/(app)/costs']).toMatchObject({ views: 1, lastSeenAt: at(8) });
		expect(byKey['2/(app)']).toMatchObject({ views: 1, lastSeenAt: at(6) });
		expect(counter.pending()).toBe(0);
		// Nothing counted since: nothing written.
		await counter.flush();
		expect(writes).toHaveLength(1);
	});

	it('writes on its own after the interval, once for everything counted meanwhile', async () => {
		vi.useFakeTimers();
		const writes: ViewCount[][] = [];
		const counter = createViewCounter(
			async (c) => void writes.push(c),
			() => {},
			1_000
		);
		counter.add('2026-03', '/(app)', 1, at(1));
		await vi.advanceTimersByTimeAsync(500);
		counter.add('2026-03', '/(app)', 1, at(2));
		expect(writes).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(600);
		expect(writes).toEqual([
			[{ month: '2026-03', routeId: '/(app)', userId: 1, views: 2, lastSeenAt: at(2) }]
		]);
	});

	it('reports a failed write and keeps counting afterwards', async () => {
		const errors: unknown[] = [];
		let fail = true;
		const writes: ViewCount[][] = [];
		const counter = createViewCounter(
			async (c) => {
				if (fail) throw new Error('db down');
				writes.push(c);
			},
			(e) => errors.push(e),
			1_000
		);
		counter.add('2026-03', '/(app)', 1, at(1));
		await counter.flush();
		expect(errors).toHaveLength(1);
		fail = false;
		counter.add('2026-03', '/(app)', 1, at(2));
		await counter.flush();
		expect(writes).toEqual([
			[{ month: '2026-03', routeId: '/(app)', userId: 1, views: 1, lastSeenAt: at(2) }]
		]);
	});
});

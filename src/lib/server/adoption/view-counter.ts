import type { ViewCount } from './adoption.repository';

/** How long counted views wait in memory before they are written together. */
export const VIEW_FLUSH_MS = 5_000;

export interface ViewCounter {
	/** Counts one view; written with the others at the next flush. */
	add(month: string, routeId: string, userId: number, now: Date): void;
	/** Writes what has been counted (one statement); the timer calls it, and shutdown. */
	flush(): Promise<void>;
	/** Views counted and not yet written. */
	pending(): number;
}

/**
 * Page views summed in memory per month, route pattern and user, and written in one statement at
 * most every `everyMs`: a page view then costs no database write of its own, and many
 * connections do not queue on the same counter row. A failed write loses those counts (the
 * adoption measures tolerate it better than slower pages).
 */
export function createViewCounter(
	write: (counts: ViewCount[]) => Promise<void>,
	onError: (error: unknown) => void,
	everyMs = VIEW_FLUSH_MS
): ViewCounter {
	let counts = new Map<string, ViewCount>();
	let timer: ReturnType<typeof setTimeout> | null = null;
	let views = 0;

	async function flush(): Promise<void> {
		if (timer) clearTimeout(timer);
		timer = null;
		if (counts.size === 0) return;
		const batch = [...counts.values()];
		counts = new Map();
		views = 0;
		try {
			await write(batch);
		} catch (error) {
			onError(error);
		}
	}

	return {
		add(month, routeId, userId, now) {
			const key = `${month}|${userId}|${routeId}`;
			const kept = counts.get(key);
			if (kept) {
				kept.views += 1;
				if (now > kept.lastSeenAt) kept.lastSeenAt = now;
			} else {
				counts.set(key, { month, routeId, userId, views: 1, lastSeenAt: now });
			}
			views += 1;
			if (!timer) {
				timer = setTimeout(() => void flush(), everyMs);
				// A pending count never keeps the process alive; shutdown flushes it.
				timer.unref?.();
			}
		},
		flush,
		pending: () => views
	};
}

// Figures and pages kept per data version: data_version is a counter that triggers bump once per
// committed transaction that writes a watched table (the migrations that call `watch` from
// migrations/shared/data-version.js), on every engine and instance.
import type { Executor } from '../audit/audit';

/** The data version: grows with every committed change to the watched tables. */
export async function dataVersion(db: Executor): Promise<bigint> {
	const row = await db.selectFrom('data_version').select('version').executeTakeFirstOrThrow();
	return row.version;
}

interface Kept {
	version: bigint;
	value: Promise<unknown>;
}

/** What a shelf keeps: a value computed once per data version and key. */
type KeepPerDataVersion = <T>(
	db: Executor,
	key: string,
	compute: () => Promise<T>,
	version?: bigint | null
) => Promise<T>;

/**
 * A shelf of at most `limit` values kept per data version, by key, the most recently used last.
 * `compute()` runs once per data version and key; then the value is served again from this
 * instance's memory. Only for values read from watched tables and from what is in the key.
 * Requests that miss together share one computation (a burst after a change computes once, not
 * once per request). When full, what an older version computed goes first, then what was used
 * least recently: paging through many pages never pushes out the overview everyone opens.
 *
 * `version` is the data version the request already read with its session (hooks.server.ts: a
 * signed-in GET reads both in one round trip); without it, it is read here.
 */
function shelf(limit: number): KeepPerDataVersion {
	const kept = new WeakMap<Executor, Map<string, Kept>>();
	return async <T>(
		db: Executor,
		key: string,
		compute: () => Promise<T>,
		version?: bigint | null
	): Promise<T> => {
		version ??= await dataVersion(db);
		let map = kept.get(db);
		if (!map) kept.set(db, (map = new Map()));
		const hit = map.get(key);
		if (hit && hit.version === version) {
			map.delete(key);
			map.set(key, hit);
			return hit.value as Promise<T>;
		}
		const value = compute();
		map.delete(key);
		if (map.size >= limit) {
			for (const [k, v] of map) if (v.version !== version) map.delete(k);
			while (map.size >= limit) map.delete(map.keys().next().value as string);
		}
		const entry = { version, value };
		map.set(key, entry);
		// A failed computation is not kept: the next request tries again.
		value.catch(() => {
			if (map.get(key) === entry) map.delete(key);
		});
		return value;
	};
}

/** Figures (overviews, pages' data, each user's navigation): at most 100 per database. */
export const perDataVersion = shelf(100);

/**
 * Whole pages as sent, per user (page-cache.ts): a page is tens of kilobytes, so fewer of them,
 * on a shelf of their own, so that many users' pages never push out the figures they share.
 */
export const pagePerDataVersion = shelf(64);

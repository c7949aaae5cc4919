// Figures kept per data version: data_version is a counter that triggers bump once per committed
// transaction that writes a watched table (see the migrations `dashboard_aggregates`,
// `data_version_people_models` and `data_version_costs_page`), on every engine and instance.
import type { Executor } from '../audit/audit';

/** The data version: grows with every committed change to the watched tables. */
export async function dataVersion(db: Executor): Promise<bigint> {
	const row = await db.selectFrom('data_version').select('version').executeTakeFirstOrThrow();
	return row.version;
}

/** How many figures (overviews, pages, each user's navigation) one instance keeps per database. */
const KEPT = 100;

interface Kept {
	version: bigint;
	value: Promise<unknown>;
}

/** Figures kept per data version, by key, the most recently used last. */
const kept = new WeakMap<Executor, Map<string, Kept>>();

/**
 * `compute()` once per data version and key, then served again from this instance's memory. Only
 * for figures read from watched tables and from what is in the key. Requests that miss together
 * share one computation (a burst after a change computes once, not once per request). When full,
 * what an older version computed goes first, then what was used least recently: paging through
 * many pages never pushes out the overview everyone opens.
 *
 * `version` is the data version the request already read with its session (hooks.server.ts: a
 * signed-in GET reads both in one round trip); without it, it is read here.
 */
export async function perDataVersion<T>(
	db: Executor,
	key: string,
	compute: () => Promise<T>,
	version?: bigint | null
): Promise<T> {
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
	if (map.size >= KEPT) {
		for (const [k, v] of map) if (v.version !== version) map.delete(k);
		while (map.size >= KEPT) map.delete(map.keys().next().value as string);
	}
	const entry = { version, value };
	map.set(key, entry);
	// A failed computation is not kept: the next request tries again.
	value.catch(() => {
		if (map.get(key) === entry) map.delete(key);
	});
	return value;
}

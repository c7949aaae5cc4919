import { cafLocale } from '$lib/caf/model';
import { getLocale } from '$lib/paraglide/runtime';
import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { SEARCH_KINDS, type SearchKind } from '$lib/server/knowledge/knowledge';
import * as knowledge from '$lib/server/knowledge/knowledge.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireCapability('read');
	const q = (url.searchParams.get('q') ?? '').slice(0, 200);
	const kind = url.searchParams.get('kind') ?? '';
	const kinds = (SEARCH_KINDS as readonly string[]).includes(kind) ? [kind as SearchKind] : [];
	const hits = q
		? await knowledge.search(getDb(), user, q, { kinds, lang: cafLocale(getLocale()) })
		: [];
	return { q, kind: kinds[0] ?? '', hits, kinds: SEARCH_KINDS };
};

import { CAF_SUBCRITERIA, type CafLocale } from '../../caf/model';
import type { Executor } from '../audit/audit';
import type { SessionUser } from '../auth/session';
import { can } from '../auth/permissions';
import { queryWords, snippet } from './fold';
import * as repo from './knowledge.repository';
import { SEARCH_KINDS, type SearchHit, type SearchKind } from './knowledge';

const HREF: Record<SearchKind, (id: number, code: string) => string> = {
	process: (id) => `/processes/${id}`,
	asset: () => '/processes/assets',
	goal: (id) => `/goals/${id}`,
	kpi: (id) => `/goals/kpi/${id}`,
	initiative: (id) => `/initiatives/${id}`,
	document: (id) => `/knowledge/documents/${id}`,
	caf: () => '/caf'
};

/**
 * One search over processes, information assets, goals, KPIs, initiatives and the CAF model's
 * texts and the knowledge base's documents (title, description and the text of the current
 * file): accent- and case-insensitive, every word must match (as a word prefix), ranked (title
 * and code above description), with the matching words marked. Everything searched here is
 * readable by every signed-in role except confidential documents (their owner and
 * `knowledge.read_confidential` only); a reader without `read` gets nothing.
 */
export async function search(
	db: Executor,
	actor: SessionUser,
	query: string,
	options: { kinds?: SearchKind[]; lang?: CafLocale; limit?: number } = {}
): Promise<SearchHit[]> {
	const words = queryWords(query);
	if (!words.length || !can(actor.role, 'read')) return [];
	const kinds = options.kinds?.length ? options.kinds : [...SEARCH_KINDS];
	const lang = options.lang ?? 'cs';
	const caf = kinds.includes('caf')
		? CAF_SUBCRITERIA.map((s, i) => ({
				kind: 'caf' as const,
				id: i + 1,
				code: s.code,
				title: s.title[lang],
				body: `${s.text[lang]} ${s.examples[lang].join('. ')}`
			}))
		: [];
	const rows = await repo.search(
		db,
		words.map((w) => `${w}:*`).join(' & '),
		kinds,
		caf,
		options.limit ?? 50,
		{ confidentialOf: can(actor.role, 'knowledge.read_confidential') ? 'all' : actor.id }
	);
	return rows.map((r) => ({
		kind: r.kind,
		id: r.id,
		code: r.code,
		title: snippet(r.title, words, 200),
		snippet: snippet(r.body, words),
		href: HREF[r.kind](r.id, r.code),
		rank: r.rank
	}));
}

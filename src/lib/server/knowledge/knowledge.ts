import type { Segment } from './fold';

export const SEARCH_KINDS = ['process', 'asset', 'goal', 'kpi', 'initiative', 'caf'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
	kind: SearchKind;
	id: number;
	code: string;
	title: Segment[];
	snippet: Segment[];
	href: string;
	rank: number;
}

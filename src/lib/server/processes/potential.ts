/**
 * Improvement potential of a process (shown with its formula on /processes): five criteria,
 * each scored 1 (low potential) to 5 (high potential), weighted:
 *
 *   volume of cases 25 %, share of manual work 25 %, error and rework rate 20 %,
 *   impact on citizens 15 %, cost 15 %.
 *
 * index = (weighted average − 1) ÷ 4 × 100, so 0 means all scores 1 and 100 means all scores 5.
 * A process with any criterion not yet scored has no index.
 */
export const CRITERIA = ['volume', 'manual', 'errors', 'impact', 'cost'] as const;
export type Criterion = (typeof CRITERIA)[number];
export const WEIGHTS: Record<Criterion, number> = {
	volume: 25,
	manual: 25,
	errors: 20,
	impact: 15,
	cost: 15
};

export type Scores = Record<Criterion, number | null>;

export function potentialIndex(scores: Scores): number | null {
	let weighted = 0;
	for (const c of CRITERIA) {
		const s = scores[c];
		if (s === null || !Number.isInteger(s) || s < 1 || s > 5) return null;
		weighted += s * WEIGHTS[c];
	}
	// weighted is in 100..500 (weights sum to 100); the index is (weighted − 100) / 400 × 100.
	return Math.round((weighted - 100) / 4);
}

/**
 * The CAF scoring rules, pure and shared with the browser:
 * - a score is a whole number 0–100; the classical scoring groups it in six bands
 *   (0–10, 11–30, 31–50, 51–70, 71–90, 91–100), read as the PDCA phase reached for enablers
 *   and as trends and targets for results;
 * - the fine-tuned matrix (an option per round) scores an enabler's Plan, Do, Check, Act (or a
 *   result's trend and target) separately; the subcriterion's score is their rounded mean;
 * - the spread of the panel's individual scores: min, max, median; a disagreement is large when
 *   max − min exceeds DISAGREEMENT_POINTS (more than a band apart: the panel must talk it over);
 * - a criterion's score is the mean of its subcriteria's consensus scores (unscored ones left out);
 * - comparing two rounds: the change per subcriterion, and whether it changed band ("moved");
 * - an improvement action's priority from impact × effort (1–3 each): high impact, low effort first.
 */
export const BANDS = [
	[0, 10],
	[11, 30],
	[31, 50],
	[51, 70],
	[71, 90],
	[91, 100]
] as const;

export const DISAGREEMENT_POINTS = 30;

export function isScore(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;
}

/** The band (0–5) a score falls in. */
export function bandOf(score: number): number {
	if (!isScore(score)) throw new RangeError(`not a CAF score: ${score}`);
	return BANDS.findIndex(([lo, hi]) => score >= lo && score <= hi);
}

/** Fine-tuned matrix: the rounded mean of the phase scores (PDCA, or trend and target). */
export function fineTuned(phases: number[]): number {
	if (!phases.length || !phases.every(isScore)) throw new RangeError('phase scores 0–100');
	return Math.round(phases.reduce((a, b) => a + b, 0) / phases.length);
}

export interface Spread {
	count: number;
	min: number | null;
	max: number | null;
	median: number | null;
	/** max − min exceeds DISAGREEMENT_POINTS */
	disagreement: boolean;
}

export function spread(scores: number[]): Spread {
	if (!scores.length) return { count: 0, min: null, max: null, median: null, disagreement: false };
	const sorted = [...scores].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	const min = sorted[0];
	const max = sorted[sorted.length - 1];
	return { count: sorted.length, min, max, median, disagreement: max - min > DISAGREEMENT_POINTS };
}

/** Mean of the given scores to one decimal; null when none. */
export function mean(scores: (number | null)[]): number | null {
	const present = scores.filter((s): s is number => s !== null);
	if (!present.length) return null;
	return Math.round((present.reduce((a, b) => a + b, 0) / present.length) * 10) / 10;
}

export interface Movement {
	code: string;
	before: number | null;
	after: number | null;
	/** after − before; null when either round has no score */
	delta: number | null;
	/** the score changed band */
	moved: boolean;
}

/** Per subcriterion, how the consensus score changed from `before` to `after`. */
export function compare(
	codes: string[],
	before: Map<string, number>,
	after: Map<string, number>
): Movement[] {
	return codes.map((code) => {
		const b = before.get(code) ?? null;
		const a = after.get(code) ?? null;
		const delta = a !== null && b !== null ? a - b : null;
		return {
			code,
			before: b,
			after: a,
			delta,
			moved: a !== null && b !== null && bandOf(a) !== bandOf(b)
		};
	});
}

export type Priority = 'high' | 'medium' | 'low';

/** impact 1–3 (3 = large), effort 1–3 (3 = large): impact × (4 − effort) → 1…9. */
export function priorityOf(impact: number, effort: number): { value: number; level: Priority } {
	if (![1, 2, 3].includes(impact) || ![1, 2, 3].includes(effort)) {
		throw new RangeError('impact and effort are 1–3');
	}
	const value = impact * (4 - effort);
	return { value, level: value >= 6 ? 'high' : value >= 3 ? 'medium' : 'low' };
}

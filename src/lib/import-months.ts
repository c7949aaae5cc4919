/** `2026-03`, `2026-04`, `2026-05`, `2026-07` → runs of consecutive months. */
export function monthRuns(months: string[]): [string, string][] {
	const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
	const runs: [string, string][] = [];
	for (const m of [...months].sort()) {
		const last = runs[runs.length - 1];
		if (last && index(m) === index(last[1]) + 1) last[1] = m;
		else runs.push([m, m]);
	}
	return runs;
}

/** `2026-03–2026-05, 2026-07` (for the command line; the screen formats month names). */
export function monthRunsText(months: string[]): string {
	return monthRuns(months)
		.map(([a, b]) => (a === b ? a : `${a}–${b}`))
		.join(', ');
}

export interface BatchReplacementRow {
	replacing_batch_id: number;
	replaced_batch_id: number;
	/** `YYYY-MM-DD` */
	month: string;
	undone_at: Date | null;
}

/**
 * For one batch: the standing replacements it is part of, grouped by the other batch, months as
 * `YYYY-MM` runs. `as`: `replaced` = batches that replaced months of `id`; `replacing` = batches
 * whose months `id` replaced.
 */
export function replacementsOf(
	id: number,
	list: BatchReplacementRow[],
	as: 'replaced' | 'replacing'
): { batch: number; runs: [string, string][] }[] {
	const byBatch = new Map<number, string[]>();
	for (const r of list) {
		if (r.undone_at) continue;
		const mine = as === 'replaced' ? r.replaced_batch_id : r.replacing_batch_id;
		if (mine !== id) continue;
		const other = as === 'replaced' ? r.replacing_batch_id : r.replaced_batch_id;
		byBatch.set(other, [...(byBatch.get(other) ?? []), r.month.slice(0, 7)]);
	}
	return [...byBatch].map(([batch, months]) => ({ batch, runs: monthRuns(months) }));
}

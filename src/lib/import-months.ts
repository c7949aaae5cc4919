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

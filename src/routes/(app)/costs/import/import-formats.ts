// Shapes the import-format parts of the import screen read (from the action's result).
export interface ReplacedBatchView {
	batchId: number;
	fileName: string;
	format: string;
	months: string[];
	rows: number;
	total: bigint;
}

export interface FormatResultView {
	status: string;
	format: string;
	mode: string;
	kind: string | null;
	replaces: { months: string[]; batches: ReplacedBatchView[] };
	unmappedRows: number;
	unknownOrj: { code: string; count: number }[];
	unknownOrg: { code: string; count: number }[];
	byClass: { month: string; cls: string; file: bigint; ledger: bigint }[];
}

export interface FormatValues {
	format?: string;
	mode?: string;
	orjMap?: Record<string, number>;
	orgMap?: Record<string, number>;
}

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

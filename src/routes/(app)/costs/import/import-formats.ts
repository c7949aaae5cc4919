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
	unknownCodes: {
		field: 'polozka' | 'paragraf' | 'orj' | 'org';
		code: string;
		count: number;
		amount: bigint;
		/** from the code list beside the export */
		name: string | null;
		choice: string;
	}[];
	unverifiedRows: number;
	skippedUnknown: { rows: number; amount: bigint };
	unknownOrj: { code: string; count: number }[];
	unknownOrg: { code: string; count: number }[];
	byClass: { month: string; cls: string; file: bigint; ledger: bigint }[];
}

export interface FormatValues {
	format?: string;
	mode?: string;
	orjMap?: Record<string, number>;
	orgMap?: Record<string, number>;
	codeChoices?: Record<string, string>;
}

export { monthRuns } from '$lib/import-months';

/**
 * The reconciliation in one line: how many month × položka totals of the file the batch holds
 * exactly, and the months where any does not.
 */
export function reconciliationVerdict(
	lines: readonly { month: string; file: bigint; batch: bigint }[]
) {
	const off = new Set<string>();
	for (const l of lines) if (l.file !== l.batch) off.add(l.month);
	return {
		ok: lines.filter((l) => l.file === l.batch).length,
		total: lines.length,
		off: [...off].sort()
	};
}

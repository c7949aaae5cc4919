import type { viewExtras } from '$lib/server/imports/formats/web';

/** What the import screen's format parts read of the action's result: the server's own shape. */
export type FormatResultView = ReturnType<typeof viewExtras> & { status: string; format: string };

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

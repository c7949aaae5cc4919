import type { AdapterResult, EntryKind } from '../source-row';

/**
 * One import batch holds one kind. A file that says its kind (KXX section headers, Internet Stream
 * `SR`/`RU`/`SK`) decides it when all its lines agree; a file holding both keeps the lines of the
 * requested kind and says, on line 0, how many lines of the other kind it left for another import.
 */
export function keepOneKind(
	result: AdapterResult,
	requested: EntryKind
): { result: AdapterResult; kind: EntryKind } {
	const kinds = new Set(result.rows.map((r) => r.kind));
	if (kinds.size === 0) return { result, kind: requested };
	if (kinds.size === 1) return { result, kind: result.rows[0].kind };
	const rows = result.rows.filter((r) => r.kind === requested);
	const left = result.rows.length - rows.length;
	return {
		kind: requested,
		result: {
			...result,
			rows,
			warnings: [
				{
					line: 0,
					field: 'file',
					key:
						requested === 'actual'
							? 'imports_warning_budget_lines_left'
							: 'imports_warning_actual_lines_left',
					params: { count: left }
				},
				...result.warnings
			]
		}
	};
}

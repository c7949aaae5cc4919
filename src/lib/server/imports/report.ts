// The JSON report of an import: what `npm run costs:import -- --json` prints and what
// POST /api/v1/imports answers, one shape for both. Messages are translated by the caller's
// `text` (the command line reads the message files, the server uses the request's locale).
import { czkText } from '../../money';
import { cliFormatReport } from './formats/cli';
import type { RowMessage } from './source-row';
import type { ImportOutcome } from './types';

export function importReport(
	outcome: ImportOutcome,
	file: string,
	text: (m: RowMessage) => string
) {
	const v = outcome.validation;
	const message = (e: RowMessage) => ({
		line: e.line,
		field: e.field ?? null,
		key: e.key,
		message: text(e)
	});
	return {
		file,
		status: outcome.status as string,
		format: outcome.read.format,
		encoding: outcome.read.encoding,
		yearly: outcome.read.yearly,
		rowsRead: v.rowsRead,
		rowsImported: outcome.status === 'imported' ? v.resolved.length : 0,
		rowsValid: v.resolved.length,
		skipped: { revenue: v.skippedRevenue, financing: v.skippedFinancing, ignored: v.ignored },
		total: czkText(v.total),
		batchId: outcome.status === 'imported' ? outcome.batchId : null,
		duplicateOf: v.duplicateOf?.id ?? null,
		errors: v.errors.map(message),
		warnings: v.warnings.map(message),
		...cliFormatReport(outcome, czkText).json
	};
}

export type ImportReport = ReturnType<typeof importReport>;

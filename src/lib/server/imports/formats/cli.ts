// The accounting-format options and report lines of `npm run costs:import`.
import { UNMAPPED_ORG_UNIT_CODE } from '../codes';
import type { ImportOptions, ImportOutcome } from '../types';
import { monthRunsText } from '../../../import-months';
import { isFormatChoice, totalsByClass } from './web';

export const CLI_FORMAT_USAGE =
	'       [--format auto|kxx|internet-stream|vera|cityvizor|csv|xlsx] [--mode replace|append] [--strict]';

/** `--format`, `--mode`, `--strict`; null when a value is not one of the allowed ones. */
export function cliImportOptions(
	args: string[]
): { import: Pick<ImportOptions, 'format' | 'mode' | 'allowUnmapped'>; strict: boolean } | null {
	const value = (name: string) => {
		const i = args.indexOf(name);
		if (i >= 0) return args[i + 1];
		return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
	};
	const format = value('--format') ?? 'auto';
	const mode = value('--mode');
	if (!isFormatChoice(format)) return null;
	if (mode !== undefined && mode !== 'replace' && mode !== 'append') return null;
	const strict = args.includes('--strict');
	return {
		import: { format: format === 'auto' ? null : format, mode, allowUnmapped: !strict },
		strict
	};
}

/** The format part of the command-line report: JSON fields and plain lines. */
export function cliFormatReport(outcome: ImportOutcome, czk: (h: bigint) => string) {
	const v = outcome.validation;
	const replaced = outcome.status === 'imported' ? outcome.replaced : v.replaces;
	const byClass = outcome.status === 'imported' ? totalsByClass(outcome.reconciliation) : [];
	const ledgerByMonth = new Map<string, bigint>();
	if (outcome.status === 'imported') {
		for (const r of outcome.reconciliation) {
			ledgerByMonth.set(r.month, (ledgerByMonth.get(r.month) ?? 0n) + r.ledger);
		}
	}
	const json = {
		kind: outcome.read.kind ?? null,
		mode: v.mode,
		unknown: v.unknown,
		unmappedRows: v.unmappedRows,
		replaces: {
			months: replaced.months,
			batches: replaced.batches.map((b) => ({ ...b, total: czk(b.total) }))
		},
		months: v.monthTotals.map((m) => ({
			month: m.month,
			rows: m.rows,
			file: czk(m.amount),
			ledger: ledgerByMonth.has(m.month) ? czk(ledgerByMonth.get(m.month)!) : null
		})),
		classes: byClass.map((c) => ({
			month: c.month,
			class: c.cls,
			file: czk(c.file),
			ledger: czk(c.ledger)
		}))
	};
	const lines: string[] = [];
	for (const u of v.unknown) {
		lines.push(`unknown ${u.field.toUpperCase()} ${u.code}: ${u.count} rows`);
	}
	if (v.unmappedRows) {
		lines.push(
			`${v.unmappedRows} rows with an unmapped ORJ go to org unit ${UNMAPPED_ORG_UNIT_CODE}`
		);
	}
	const verb = outcome.status === 'imported' ? 'replaced' : 'replaces';
	for (const b of replaced.batches) {
		lines.push(
			`${verb} ${monthRunsText(b.months)} from ${b.format.toUpperCase()} (batch ${b.batchId}, ${b.fileName}), keeps everything else`
		);
	}
	for (const m of json.months) {
		lines.push(
			`month ${m.month}: ${m.rows} rows, file ${m.file} CZK${m.ledger === null ? '' : `, ledger ${m.ledger} CZK`}`
		);
	}
	for (const c of json.classes) {
		lines.push(`  ${c.month} class ${c.class}: file ${c.file} CZK, ledger ${c.ledger} CZK`);
	}
	return { json, lines };
}

// The accounting-format options and report lines of `npm run costs:import`.
import type { Executor } from '../../audit/audit';
import { codeKey, UNMAPPED_ORG_UNIT_CODE } from '../codes';
import { CODE_FIELDS, type CodeMappings } from '../code-mappings';
import type { ImportOptions, ImportOutcome, UnknownPolicy } from '../types';
import { monthRunsText } from '../../../import-months';
import { isFormatChoice, totalsByClass } from './web';

export const CLI_FORMAT_USAGE =
	'       [--format auto|kxx|internet-stream|vera|cityvizor|csv|xlsx|ods] [--mode replace|append] [--strict]\n' +
	'       [--unknown accept|skip|refuse] [--mappings FILE.json] [--column approved|amended|final|actual]';

/**
 * `--format`, `--mode`, `--strict`, `--unknown`; null when a value is not one of the allowed ones.
 * `--unknown` decides the codes no saved choice or mapping file covers: accept them as written
 * (unknown ORJ to NEZAŘAZENO), leave their rows out, or refuse the file (ORJ included).
 */
export function cliImportOptions(args: string[]): {
	import: Pick<ImportOptions, 'format' | 'mode' | 'allowUnmapped' | 'unknown'>;
	strict: boolean;
} | null {
	const value = (name: string) => {
		const i = args.indexOf(name);
		if (i >= 0) return args[i + 1];
		return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
	};
	const format = value('--format') ?? 'auto';
	const mode = value('--mode');
	if (!isFormatChoice(format)) return null;
	if (mode !== undefined && mode !== 'replace' && mode !== 'append') return null;
	const unknown = value('--unknown');
	if (unknown !== undefined && !['accept', 'skip', 'refuse'].includes(unknown)) return null;
	const strict = args.includes('--strict');
	return {
		import: {
			format: format === 'auto' ? null : format,
			mode,
			allowUnmapped: !strict && unknown !== 'refuse',
			unknown: strict ? undefined : (unknown as UnknownPolicy | undefined)
		},
		strict
	};
}

/**
 * A mapping file for `--mappings`: `{ "polozka": { "5999": "5139" }, "paragraf": { … },
 * "orj": { "555": "OSV" }, "org": { … } }`, each value a known code to map to (an org unit's or
 * initiative's code for ORJ and ORG), `accept` or `skip`. Throws a plain message on a bad file.
 */
export async function mappingFile(db: Executor, text: string): Promise<CodeMappings> {
	const raw = JSON.parse(text) as Record<string, Record<string, unknown>>;
	if (!raw || typeof raw !== 'object') throw new Error('The mapping file is not a JSON object.');
	const [units, initiatives] = await Promise.all([
		db.selectFrom('org_unit').select(['id', 'code']).execute(),
		db.selectFrom('initiative').select(['id', 'code']).execute()
	]);
	const byCode = (list: { id: number; code: string }[], code: string) =>
		list.find((x) => codeKey(x.code) === codeKey(code))?.id;
	const result: Required<CodeMappings> = { orj: {}, org: {}, choices: {} };
	for (const field of CODE_FIELDS) {
		for (const [code, value] of Object.entries(raw[field] ?? {})) {
			const v = String(value).trim();
			const choices = (result.choices[field] ??= {});
			if (v === 'accept' || v === 'skip') choices[code] = { action: v };
			else if ((field === 'polozka' || field === 'paragraf') && /^\d{4}$/.test(v)) {
				choices[code] = { action: 'map', target: v };
			} else if (field === 'orj' || field === 'org') {
				const id = byCode(field === 'orj' ? units : initiatives, v);
				if (!id) {
					throw new Error(`Mapping file: ${field.toUpperCase()} ${code} → ${v} is not known.`);
				}
				result[field][code] = id;
			} else throw new Error(`Mapping file: ${field} ${code} → ${v} is not a code.`);
		}
	}
	return result;
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
		unknown: v.unknown.map((u) => ({ ...u, amount: czk(u.amount) })),
		unmappedRows: v.unmappedRows,
		unverifiedRows: v.unverifiedRows,
		skippedUnknown: { rows: v.skippedUnknown.rows, total: czk(v.skippedUnknown.amount) },
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
		const choice = !u.choice
			? ''
			: u.choice.action === 'map'
				? ` → ${u.choice.target}`
				: `, ${u.choice.action}`;
		lines.push(
			`unknown ${u.field.toUpperCase()} ${u.code}: ${u.count} rows, ${czk(u.amount)} CZK${choice}`
		);
	}
	if (v.skippedUnknown.rows) {
		lines.push(
			`left out by choice: ${v.skippedUnknown.rows} rows, ${czk(v.skippedUnknown.amount)} CZK`
		);
	}
	if (v.unverifiedRows) lines.push(`${v.unverifiedRows} rows under an unverified položka`);
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

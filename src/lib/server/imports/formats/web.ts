// What the import screen adds for the accounting formats: the format override, append or replace,
// ORJ/ORG codes mapped in the preview, and the replace plan and class totals in the result.
import type { Executor } from '../../audit/audit';
import { mappingsFromForm, type CodeMappings } from '../code-mappings';
import type { ImportOutcome, ReconciliationLine } from '../types';
import type { ImportMode } from '../replace';
import { FORMAT_IDS, type FormatId } from '../registry';

/** Formats the user can force (a ZIP is always recognised); `auto` detects from the content. */
export type FormatChoice = 'auto' | Exclude<FormatId, 'zip'>;
export const FORMAT_CHOICES: readonly FormatChoice[] = [
	'auto',
	...FORMAT_IDS.filter((f): f is Exclude<FormatId, 'zip'> => f !== 'zip')
];

export function isFormatChoice(value: unknown): value is FormatChoice {
	return FORMAT_CHOICES.includes(value as FormatChoice);
}

/** Org units, initiatives, položky and paragrafy the preview offers for unknown codes. */
export async function importChoices(db: Executor) {
	const [units, initiatives, polozky, paragrafy] = await Promise.all([
		db.selectFrom('org_unit').select(['id', 'code', 'name']).orderBy('code').execute(),
		db.selectFrom('initiative').select(['id', 'code', 'name']).orderBy('code').execute(),
		db.selectFrom('cost_category').select(['polozka as code', 'name']).orderBy('polozka').execute(),
		db
			.selectFrom('cost_paragraf')
			.select(['paragraf as code', 'name'])
			.orderBy('paragraf')
			.execute()
	]);
	return { units, initiatives, polozky, paragrafy, formats: [...FORMAT_CHOICES] };
}

export function readImportChoices(form: FormData): {
	format: string | null;
	mode: ImportMode | undefined;
	mappings: CodeMappings;
	values: {
		format: FormatChoice;
		mode: string;
		orjMap: Record<string, number>;
		orgMap: Record<string, number>;
		/** `field:code` → the value chosen in the preview (`accept`, `skip`, an id or a code) */
		codeChoices: Record<string, string>;
	};
} {
	const formatValue = form.get('format');
	const format = isFormatChoice(formatValue) ? formatValue : 'auto';
	const mode = form.get('mode') === 'append' ? 'append' : undefined;
	const mappings = mappingsFromForm(form);
	const codeChoices: Record<string, string> = {};
	for (const [name, value] of form) {
		const m = /^map_(orj|org|polozka|paragraf):(.+)$/.exec(name);
		if (m && typeof value === 'string' && value) codeChoices[`${m[1]}:${m[2]}`] = value;
	}
	return {
		format: format === 'auto' ? null : format,
		mode,
		mappings,
		values: {
			format,
			mode: mode ?? '',
			orjMap: mappings.orj ?? {},
			orgMap: mappings.org ?? {},
			codeChoices
		}
	};
}

export interface ClassTotal {
	month: string;
	/** first digit of the položka: 5 current, 6 capital spending */
	cls: string;
	file: bigint;
	ledger: bigint;
}

/** The reconciliation per month and položka class (the file beside the ledger). */
export function totalsByClass(lines: ReconciliationLine[]): ClassTotal[] {
	const map = new Map<string, ClassTotal>();
	for (const l of lines) {
		const key = `${l.month}|${l.polozka[0]}`;
		const t = map.get(key) ?? { month: l.month, cls: l.polozka[0], file: 0n, ledger: 0n };
		t.file += l.file;
		t.ledger += l.ledger;
		map.set(key, t);
	}
	return [...map.values()].sort(
		(a, b) => a.month.localeCompare(b.month) || a.cls.localeCompare(b.cls)
	);
}

/** Serialisable extras for the import screen's result. */
export function viewExtras(outcome: ImportOutcome) {
	const { validation } = outcome;
	const replaced = outcome.status === 'imported' ? outcome.replaced : validation.replaces;
	return {
		kind: outcome.read.kind ?? null,
		mode: validation.mode,
		/** the months taken over from earlier batches (planned in a preview, done after import) */
		replaces: replaced,
		unmappedRows: validation.unmappedRows,
		unverifiedRows: validation.unverifiedRows,
		/** položky imported as written (unverified), marked in the reconciliation */
		unverifiedPolozky: [
			...new Set(validation.resolved.filter((r) => r.unverified).map((r) => r.row.polozka))
		],
		skippedUnknown: validation.skippedUnknown,
		/** every unknown code with its rows, amount and the choice in force */
		unknownCodes: validation.unknown.slice(0, 200).map((u) => ({
			field: u.field,
			code: u.code,
			count: u.count,
			amount: u.amount,
			name: u.name ?? null,
			choice: u.choice ? (u.choice.action === 'map' ? u.choice.target : u.choice.action) : ''
		})),
		unknownOrj: validation.unknown.filter((u) => u.field === 'orj').slice(0, 100),
		unknownOrg: validation.unknown.filter((u) => u.field === 'org').slice(0, 100),
		byClass: outcome.status === 'imported' ? totalsByClass(outcome.reconciliation) : []
	};
}

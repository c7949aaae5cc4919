// What the import steps hand each other: read.ts gives a ReadResult, validate.ts a Validation,
// write.ts an imported batch with its reconciliation; import-file.ts runs them and answers with an
// ImportOutcome. What a format adapter produces (AdapterResult, SourceRow) is in source-row.ts.
import type { CostNature } from '../db/schema';
import type { ColumnMapping, YearlyColumn } from './formats/columns';
import type { YearlyRead } from './formats/generic';
import type { EncodingChoice } from './formats/encoding';
import type { CodeChoice, CodeField, CodeMappings } from './code-mappings';
import type { ImportMode, ReplacePlan } from './replace';
import type { AdapterResult, EntryKind, RowMessage, SourceRow } from './source-row';
import type { Clock } from '../shared/clock';
import type { Executor } from '../audit/audit';
import type { OnProgress } from './off-loop';

export const LIMITS = {
	/** bytes */
	maxFileSize: 50 * 1024 * 1024,
	/** lines (records) of one file, in any format */
	maxRows: 200_000
};

export interface ReadOptions {
	fileName: string;
	kind: EntryKind;
	encoding?: EncodingChoice;
	/** Column mapping for CSV/XLSX; without it, columns are recognised by their header names. */
	mapping?: ColumnMapping | null;
	/** Force a format (`kxx`, …, `csv`, `xlsx`) instead of detecting it. */
	format?: string | null;
	/** The year for lines without a date (CityVizor, Internet Stream budgets, yearly tables). */
	year?: number | null;
	/** A yearly table's amount column (approved, amended, final, actual); by kind without it. */
	yearlyColumn?: YearlyColumn | null;
}

export interface ReadResult {
	format: string;
	encoding: string | null;
	delimiter: string | null;
	/** Generic CSV/XLSX: the headers, the mapping used and the first lines, for the mapping screen. */
	headers: string[];
	mapping: ColumnMapping;
	sample: { line: number; cells: string[] }[];
	result: AdapterResult;
	/** The kind the file itself says (KXX sections, Internet Stream file names), when it does. */
	kind?: EntryKind;
	/** A yearly table read for a given year: the amount column taken. */
	yearly: YearlyRead | null;
}

export interface UnknownCode {
	field: CodeField;
	code: string;
	/** rows with the code */
	count: number;
	/** what those rows add up to, haléře */
	amount: bigint;
	/** what is done with them (saved for the source, chosen now, or the command line's default) */
	choice: CodeChoice | null;
	/** its name in the code list uploaded beside the export (CityVizor's `events.csv`), if any */
	name?: string | null;
}

/** What happens to codes nobody has decided on: `--unknown` on the command line. */
export type UnknownPolicy = 'accept' | 'skip' | 'refuse';

export interface MonthTotal {
	month: string;
	amount: bigint;
	rows: number;
}

export interface ResolvedRow {
	row: SourceRow;
	orgUnitId: number | null;
	initiativeId: number | null;
	/** Booked straight to a process (the demo seed's volume-driven costs); imports leave it null. */
	processId?: number | null;
	nature: CostNature;
	/** ORJ not mapped: the row goes to the "unmapped" org unit. */
	unmapped?: boolean;
	/** Imported under a položka the code lists do not know (the clerk accepted it as written). */
	unverified?: boolean;
}

export interface ValidateOptions {
	year?: number | null;
	/** ORJ → org unit, ORG → initiative chosen in the preview, not yet saved. */
	mappings?: CodeMappings;
	/** Unknown ORJ codes go to the "unmapped" org unit instead of being errors. */
	allowUnmapped?: boolean;
	/** Codes with no saved or given choice: accept or skip them all, or refuse (the default). */
	unknown?: UnknownPolicy;
	mode?: ImportMode;
	kind?: EntryKind;
	/** Months after the current one (by this clock, in Prague) are future months. */
	clock?: Clock;
}

export interface Validation {
	hash: string;
	rowsRead: number;
	rowsToImport: number;
	skippedRevenue: number;
	skippedFinancing: number;
	ignored: number;
	total: bigint;
	year: number | null;
	errors: RowMessage[];
	warnings: RowMessage[];
	unknown: UnknownCode[];
	monthTotals: MonthTotal[];
	/** The same file (content hash), or — when appending — the same rows from the same source. */
	duplicateOf: { id: number; fileName: string; importedAt: Date } | null;
	/** Resolved per row (same order as result.rows) when there are no errors. */
	resolved: ResolvedRow[];
	/** Rows whose ORJ nobody mapped, going to the "unmapped" org unit (only when allowed). */
	unmappedRows: number;
	/** Rows left out because the clerk chose to skip one of their codes, and their total. */
	skippedUnknown: { rows: number; amount: bigint };
	/** Rows imported under a položka accepted as written. */
	unverifiedRows: number;
	/** Append, or replace the months the ledger already holds from the same source. */
	mode: ImportMode;
	/** What a replace takes out (empty when appending or nothing overlaps). */
	replaces: ReplacePlan;
}

export interface ReconciliationLine {
	month: string;
	polozka: string;
	/** what the file holds */
	file: bigint;
	/** what the ledger holds from this batch */
	batch: bigint;
	/** what the ledger holds in all, this batch included */
	ledger: bigint;
}

export interface ImportOptions extends ReadOptions {
	source: 'web' | 'cli' | 'seed' | 'api';
	year?: number | null;
	confirmDuplicate?: boolean;
	dryRun?: boolean;
	profileName?: string | null;
	/** Default: replace for the accounting formats, append for CSV/XLSX. */
	mode?: ImportMode;
	/** ORJ/ORG mappings chosen in the preview; saved (audited) in the import's transaction. */
	mappings?: CodeMappings;
	/** Unknown ORJ codes go to the "unmapped" org unit (command line without --strict). */
	allowUnmapped?: boolean;
	/** Codes nobody has decided on (command line `--unknown`). */
	unknown?: UnknownPolicy;
	/** A code list beside the export (CityVizor's `events.csv`): names for the unknown codes. */
	codeList?: Uint8Array | null;
	/** What "this month" is when checking for future months; the app clock by default. */
	clock?: Clock;
	/**
	 * A pushed file: any code nobody has decided on (položka, paragraf, ORJ or ORG) stops the file
	 * whole with status `undecided`, instead of a warning or the NEZAŘAZENO org unit.
	 */
	stopOnUnknown?: boolean;
	/** Rows read and checked so far (the import screen follows them), and when the write begins. */
	onProgress?: OnProgress;
	/** Runs inside the import's transaction once the batch is written (a pending push marked done). */
	onWritten?: (trx: Executor, batchId: number) => Promise<void>;
}

/** Errors that only say a code is undecided: what a clerk's choice on the preview clears. */
export const UNDECIDED_KEYS: ReadonlySet<string> = new Set([
	'imports_error_unknown_undecided',
	'costs_err_orj_unknown'
]);

export type ImportOutcome =
	| { status: 'invalid'; read: ReadResult; validation: Validation }
	| { status: 'undecided'; read: ReadResult; validation: Validation }
	| { status: 'duplicate'; read: ReadResult; validation: Validation }
	| { status: 'dry-run'; read: ReadResult; validation: Validation }
	| {
			status: 'imported';
			read: ReadResult;
			validation: Validation;
			batchId: number;
			reconciliation: ReconciliationLine[];
			/** The months this import took over from earlier batches of the same source. */
			replaced: ReplacePlan;
			timings: Record<string, number>;
	  };

import type { ColumnMapping } from './formats/columns';
import type { YearlyRead } from './formats/generic';

/**
 * What every import format produces: ledger lines as read from the file, before they are checked
 * against the code lists and mappings and written. Format adapters (generic CSV/XLSX with a
 * column mapping, KXX, Internet Stream, VERA, CityVizor) all return an AdapterResult, so one
 * pipeline validates, previews, writes (one transaction) and reports them.
 */
export type EntryKind = 'actual' | 'budget';

/**
 * A message about one line of the file: a key in messages/<locale>/imports.json (the few checks
 * only the generic mapping and the code lists make are in costs.json) plus its inputs. One key per
 * error, whichever format found it.
 */
export interface RowMessage {
	/**
	 * 1-based line (CSV, KXX) or row (XLSX) number, as the user sees it in the file; 0 (with field
	 * `file`) for the file as a whole (empty, binary, no data lines).
	 */
	line: number;
	/** The file inside a ZIP the line belongs to (Internet Stream `SR.csv`, `RU.csv`, `SK.csv`). */
	file?: string;
	/** The column or field concerned, e.g. `polozka`, `amount`, `date`. */
	field?: string;
	key: string;
	params?: Record<string, string | number>;
}

export interface SourceRow {
	line: number;
	/** The file inside a ZIP the row comes from. */
	file?: string;
	kind: EntryKind;
	/** `YYYY-MM` */
	month: string;
	/** haléře; positive is spending (expenditure), negative a correction or refund */
	amount: bigint;
	/** 4-digit budget item (položka) */
	polozka: string;
	/** 4-digit paragraf, when the file has one */
	paragraf: string | null;
	/** organizační rozpočtová jednotka (usually a department) */
	orj: string | null;
	/** analytical code, often a project or event */
	org: string | null;
	/** účelový znak */
	uz: string | null;
	text: string | null;
	/** The document (doklad) number, when the format has one. */
	document?: string | null;
	/** The entry's own date `YYYY-MM-DD`, when the file gives a full date. */
	date?: string | null;
	/** The counterparty (protistrana, dodavatel) as the file names it. */
	partnerName?: string | null;
	/** The counterparty's IČO (8 digits), when the file has one. */
	partnerIco?: string | null;
}

export interface SkippedRow {
	line: number;
	/** The file inside a ZIP the line comes from. */
	file?: string;
	/** revenue: položka classes 1–4; financing: class 8 */
	reason: 'revenue' | 'financing';
	polozka: string;
	amount: bigint;
}

export interface AdapterResult {
	/** `csv`, `xlsx`, `kxx`, `internet-stream`, `vera`, `cityvizor` */
	format: string;
	/** Lines (or records) read, headers and blank lines excluded. */
	rowsRead: number;
	rows: SourceRow[];
	skipped: SkippedRow[];
	/** Lines that cannot be imported; any error means nothing is imported. */
	errors: RowMessage[];
	/** Lines imported with a remark (e.g. a float artefact read as 0,00). */
	warnings: RowMessage[];
	/**
	 * Lines outside the budget classification, left out without a message: KXX and VERA balance
	 * lines on accounts without a položka (0000) or with a technical one (classes 0, 7, 9).
	 */
	ignored?: number;
	/** The text encoding the file was read in (`utf-8`, `windows-1250`, `utf-16le`). */
	encoding?: string;
	/** Generic CSV/XLSX: what the mapping screen shows. */
	table?: TableView;
}

export interface TableView {
	/** The header names as the file writes them. */
	headers: string[];
	/** The mapping the rows were read with (given, or recognised from the headers). */
	mapping: ColumnMapping;
	/** The first lines as read. */
	sample: { line: number; cells: string[] }[];
	/** CSV: the separator found; null for XLSX. */
	delimiter: string | null;
	/** A yearly table (no dates) read for a given year: which amount column was taken. */
	yearly?: YearlyRead | null;
}

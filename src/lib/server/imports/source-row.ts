/**
 * What every import format produces: ledger lines as read from the file, before they are checked
 * against the code lists and mappings and written. Format adapters (generic CSV/XLSX with a
 * column mapping, KXX, Internet Stream, VERA, CityVizor) all return an AdapterResult, so one
 * pipeline validates, previews, writes (one transaction) and reports them.
 */
export type EntryKind = 'actual' | 'budget';

/**
 * A message about one line of the file: a key in messages/<locale>/costs.json (or imports.json for
 * the format adapters) plus its inputs.
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
}

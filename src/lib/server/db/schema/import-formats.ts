import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Json, Timestamp } from './foundation';

/** Months of an earlier batch that a later import from the same source replaced. */
export interface ImportBatchReplacementTable {
	id: Generated<number>;
	replacing_batch_id: number;
	replaced_batch_id: number;
	/** `YYYY-MM-01` */
	month: string;
	rows: number;
	/** haléře */
	total: bigint;
	undone_at: Timestamp | null;
}

/** A ledger row taken out by a replacement, whole (jsonb of the cost_entry row), for undo. */
export interface CostEntryReplacedTable {
	id: Generated<number>;
	replacing_batch_id: number;
	batch_id: number;
	month: string;
	entry: Json;
	replaced_at: GeneratedTimestamp;
}

/** What the clerk chose for a code nobody knew, per source (format): map, accept or skip. */
export interface ImportCodeChoiceTable {
	source: string;
	field: 'polozka' | 'paragraf' | 'orj' | 'org';
	code: string;
	action: 'map' | 'accept' | 'skip';
	/** the known code a položka or paragraf maps to (action `map`) */
	target: string | null;
	updated_by: number | null;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

/** A pushed file waiting whole for a clerk to decide its unknown codes on /costs/import. */
export interface ImportPendingTable {
	id: Generated<number>;
	file_name: string;
	format: string;
	/** the file's bytes while pending; null once imported or discarded */
	content: Uint8Array | null;
	content_hash: string;
	/** PushOptions: kind, year, yearlyColumn, format, mode, encoding */
	options: Json;
	/** field, code, count, amount (haléře as text) */
	unknown: Json;
	rows_read: number;
	status: Generated<'pending' | 'imported' | 'discarded'>;
	pushed_by: number | null;
	token_id: number | null;
	pushed_at: GeneratedTimestamp;
	batch_id: number | null;
	resolved_by: number | null;
	resolved_at: Timestamp | null;
	version: Generated<number>;
}

export interface ImportFormatTables {
	import_pending: ImportPendingTable;
	import_code_choice: ImportCodeChoiceTable;
	import_batch_replacement: ImportBatchReplacementTable;
	cost_entry_replaced: CostEntryReplacedTable;
}

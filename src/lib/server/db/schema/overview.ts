import type { Generated } from 'kysely';
import type { CostNature, EntryKind, GeneratedTimestamp, Json, Timestamp } from './foundation';

/** A personal read-only API token; only its SHA-256 is kept. */
export interface ApiTokenTable {
	id: Generated<number>;
	user_id: number;
	name: string;
	token_hash: string;
	created_by: number | null;
	created_at: GeneratedTimestamp;
	last_used_at: Timestamp | null;
	revoked_at: Timestamp | null;
	revoked_by: number | null;
	version: Generated<number>;
	/** `read`: the read API; `costs_import`: pushes accounting files, nothing else */
	scope: Generated<'read' | 'costs_import'>;
}

/** The ledger per month, kind and nature (refreshed with cost_month_summary). */
export interface CostNatureMonthTable {
	year: number;
	month: string;
	kind: EntryKind;
	nature: CostNature;
	amount: bigint;
}

/** A KPI's status as one year shows it, written whenever its targets, actuals or rule change. */
export interface KpiYearStatusTable {
	kpi_id: number;
	year: number;
	/** the latest period with an actual (in the year or the one before), null: none */
	period: string | null;
	/** numeric */
	actual: string | null;
	/** numeric */
	target: string | null;
	/** numeric: the top of a range target (migration 1550), null otherwise */
	target_max: string | null;
	status: 'on_target' | 'within_tolerance' | 'off_target' | 'no_data';
	/** jsonb: [{ period, actual, status }] — the recorded periods of the sparkline, oldest first */
	recent: Json;
}

/** One row: grows with every committed change to the tables the overview reads (triggers). */
export interface DataVersionTable {
	id: number;
	version: Generated<bigint>;
}

export interface OverviewTables {
	data_version: DataVersionTable;
	api_token: ApiTokenTable;
	cost_nature_month: CostNatureMonthTable;
	kpi_year_status: KpiYearStatusTable;
}

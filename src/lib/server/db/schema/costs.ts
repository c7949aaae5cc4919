// Tables of the costs area (migrations/20261122_0400_costs.js). Money columns are bigint haléře.
import type { Generated } from 'kysely';
import type { CostNature, EntryKind, GeneratedTimestamp, Json, Timestamp } from './foundation';

export interface CostCategoryTable {
	polozka: string;
	name: string;
	nature: CostNature;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface CostParagrafTable {
	paragraf: string;
	name: string;
}

export interface OrjMappingTable {
	orj: string;
	org_unit_id: number;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface OrgMappingTable {
	org: string;
	initiative_id: number;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface ImportProfileTable {
	id: Generated<number>;
	name: string;
	/** jsonb: { field: header } */
	mapping: Json;
	created_by: number | null;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface ImportBatchTable {
	id: Generated<number>;
	/** `api`: pushed by the accounting system (POST /api/v1/imports) */
	source: 'web' | 'cli' | 'seed' | 'api';
	format: string;
	file_name: string;
	/** sha256 hex of the file's bytes */
	content_hash: string;
	kind: EntryKind;
	profile_name: string | null;
	rows_read: number;
	rows_imported: number;
	rows_skipped: number;
	/** haléře */
	total: bigint;
	month_from: string | null;
	month_to: string | null;
	status: Generated<'imported' | 'rolled_back'>;
	/** jsonb: [{ month, polozka, amount (string haléře), rows }] */
	file_totals: Json;
	imported_by: number | null;
	imported_at: GeneratedTimestamp;
	rolled_back_by: number | null;
	rolled_back_at: Timestamp | null;
	version: Generated<number>;
}

export interface AllocationKeyTable {
	org_unit_id: number;
	year: number;
	process_id: number;
	/** numeric(7,4), percent */
	percent: string;
}

export interface AllocationKeySetTable {
	org_unit_id: number;
	year: number;
	updated_by: number | null;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
	/** the driver the unit's overhead follows this year (null: manual percentages or FTE) */
	driver_id: number | null;
}

/** An allocation driver (migration 20261207_0600): a measured quantity per process and year. */
export interface CostDriverTable {
	id: Generated<number>;
	code: string;
	name: string;
	/** the quantity's unit: případ, h, m², ks… */
	unit: string;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface DriverValueTable {
	driver_id: number;
	process_id: number;
	year: number;
	/** numeric(16,4), never negative */
	value: string;
}

export interface DriverValueSetTable {
	driver_id: number;
	year: number;
	updated_by: number | null;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface CostMonthSummaryTable {
	year: number;
	month: string;
	kind: EntryKind;
	nature: CostNature;
	org_unit_id: number | null;
	process_id: number | null;
	polozka: string;
	/** the paragraf (odvětvové třídění), null when the line has none */
	paragraf: string | null;
	amount: bigint;
	entries: number;
}

export interface ProcessCostYearTable {
	process_id: number;
	year: number;
	kind: EntryKind;
	direct: bigint;
	allocated: bigint;
	full_cost: bigint;
	volume: number | null;
	unit_cost: bigint | null;
	refreshed_at: GeneratedTimestamp;
	/** what the process passed on in its allocation stage (migration 20261208_0100) */
	passed_on: Generated<bigint>;
}

export interface ProcessCostAllocationTable {
	year: number;
	kind: EntryKind;
	/** stage 0: the unit whose overhead is spread (null from stage 1 on) */
	org_unit_id: number | null;
	process_id: number;
	pool: bigint;
	/** numeric(9,4) */
	percent: string;
	key_source: 'fte' | 'manual' | 'equal' | 'driver';
	amount: bigint;
	/** the driver followed (key_source 'driver') */
	driver_id: number | null;
	/** 0: a unit's overhead; 1…: the clerk's stages in order (migration 20261208_0100) */
	stage: Generated<number>;
	/** stages 1…: the support process passed on */
	source_process_id: number | null;
}

/** One stage of a year's staged allocation: a support process passed on by FTE or a driver. */
export interface AllocationStageTable {
	year: number;
	position: number;
	source_process_id: number;
	driver_id: number | null;
}

export interface AllocationStageSetTable {
	year: number;
	updated_by: number | null;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

/** A named what-if over drivers and stages: its inputs, recomputed when reopened. */
export interface AllocationScenarioTable {
	id: Generated<number>;
	name: string;
	year: number;
	/** jsonb: { stages: [{ sourceId, driverId }], values: [{ driverId, processId, value }] } */
	inputs: Json;
	created_by: number | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface CostRefreshTable {
	year: number;
	refreshed_at: Timestamp;
}

export interface CostTables {
	cost_category: CostCategoryTable;
	cost_paragraf: CostParagrafTable;
	orj_mapping: OrjMappingTable;
	org_mapping: OrgMappingTable;
	import_profile: ImportProfileTable;
	import_batch: ImportBatchTable;
	allocation_key: AllocationKeyTable;
	allocation_key_set: AllocationKeySetTable;
	cost_driver: CostDriverTable;
	driver_value: DriverValueTable;
	driver_value_set: DriverValueSetTable;
	cost_month_summary: CostMonthSummaryTable;
	process_cost_year: ProcessCostYearTable;
	process_cost_allocation: ProcessCostAllocationTable;
	allocation_stage: AllocationStageTable;
	allocation_stage_set: AllocationStageSetTable;
	allocation_scenario: AllocationScenarioTable;
	cost_refresh: CostRefreshTable;
}
